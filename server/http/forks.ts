/**
 * One sandbox, many disposable forks: the rehearsal starts a single server and gives every
 * regression test that writes its own copy of the phase's state, so tests running in parallel never
 * see each other's issues and the state the hash chain compares is never written.
 *
 * A request goes to a fork when it carries the `x-understudy-fork` header (or the
 * `understudy_fork` cookie); otherwise to the phase's base state, which is itself a fork of the
 * instance. Forks are cheap: the configuration is shared (the tracker never changes it in place: a configuration write
 * replaces the whole object), issues are copied shallowly (the tracker replaces an issue's top-level members on every
 * write and never mutates nested values in place); the admin records (ids, versions, audit, tasks) are copied.
 * Every fork and the base share the personas' tokens, so a persona signs in once.
 */
import express, { type Express, type Router } from 'express';
import { randomBytes } from 'node:crypto';
import type { Config, Issue } from '../model/index.ts';
import type { AdminRecords, TrackerState } from '../tracker/index.ts';
import type { SandboxContext } from './context.ts';
import { memoryAttachmentContent } from '../store/index.ts';
import { buildSandboxApp, createSandboxContext, type FullSandboxContext } from './app.ts';

import { FORK_COOKIE, FORK_HEADER } from '../common/sandbox-names.ts';
import { errorHandler } from './guard.ts';
import { internalErrorEntry, logToStderr, type InternalErrorEntry } from './internal-errors.ts';

export { FORK_COOKIE, FORK_HEADER };

export interface ForkHubOptions {
  now?: string;
  ui: ((ctx: SandboxContext) => Router) | null;
  deploymentType?: 'Cloud' | 'DataCenter';
  /** At most this many forks alive at once (a runaway test suite must not eat the machine). */
  maxForks?: number;
  /** Where a request that failed with 500 is kept, in every fork (default: stderr). */
  onInternalError?: (e: InternalErrorEntry) => void;
}

interface Served {
  ctx: FullSandboxContext;
  app: Express;
}

/** A copy of a tracker state that writes cannot leak out of (see the file comment). */
export const forkState = (state: { config: Config; issues: readonly Issue[]; admin?: AdminRecords }, shareConfig = false): TrackerState => ({
  config: shareConfig ? state.config : structuredClone(state.config),
  issues: state.issues.map((i) => ({ ...i })),
  ...(state.admin ? { admin: structuredClone(state.admin) } : {}),
});

/** POST requests that only read (searches, workflows by id): allowed on the shared base. */
const READ_ONLY_POST =
  /^\/rest\/api\/[23]\/(search(\/jql|\/approximate-count)?|workflows|workflows\/(create|update)\/validation|workflowscheme\/read|workflowscheme\/update\/mappings)\/?$/;

const cookieValue = (header: string | undefined, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
};

export class ForkHub {
  readonly tokens = new Map<string, string>();
  /** Shared by every fork: content is addressed by digest, so forks cannot disturb each other. */
  readonly attachments = memoryAttachmentContent();
  readonly sessions = new Map<string, string>();
  private base: Served | undefined;
  private readonly forks = new Map<string, Served>();
  readonly app: Express;

  constructor(private readonly options: ForkHubOptions) {
    this.app = express();
    this.app.disable('x-powered-by');
    this.app.post('/_understudy/forks', (_req, res) => {
      if (!this.base) {
        res.status(409).json({ error: { code: 'no_state', message: 'the rehearsal has not loaded a phase yet' } });
        return;
      }
      if (this.forks.size >= (this.options.maxForks ?? 500)) {
        res.status(429).json({
          error: {
            code: 'too_many_forks',
            message: `more than ${this.options.maxForks ?? 500} forks alive: DELETE /_understudy/forks/ID when a test is done`,
          },
        });
        return;
      }
      res.status(201).json({ fork: this.fork() });
    });
    this.app.delete('/_understudy/forks/:id', (req, res) => {
      if (this.forks.delete(req.params.id)) {
        res.status(204).end();
        return;
      }
      res
        .status(404)
        .json({ error: { code: 'unknown_fork', message: `fork '${req.params.id}' does not exist (deleted, or from an earlier phase)` } });
    });
    this.app.use((req, res, next) => {
      const id = req.get(FORK_HEADER) ?? cookieValue(req.get('cookie'), FORK_COOKIE);
      const target = id ? this.forks.get(id) : this.base;
      // The phase's base is read by every test at once: a write there would make runs order-dependent.
      if (
        !id &&
        target &&
        !['GET', 'HEAD', 'OPTIONS'].includes(req.method) &&
        !req.path.startsWith('/_understudy/') &&
        !READ_ONLY_POST.test(req.path)
      ) {
        res.status(409).json({
          error: {
            code: 'fork_required',
            message: `${req.method} ${req.path} would change the phase's shared state: write on a fork (POST /_understudy/forks, then send its id in the ${FORK_HEADER} header; the regression fixtures do this for you)`,
          },
        });
        return;
      }
      if (!target) {
        res.status(id ? 404 : 503).json({
          error: {
            code: id ? 'unknown_fork' : 'no_state',
            message: id ? `fork '${id}' does not exist (deleted, or from an earlier phase)` : 'the rehearsal has not loaded a phase yet',
          },
        });
        return;
      }
      target.app(req, res, next);
    });
    this.app.use(errorHandler({ internalError: (req, e) => (this.options.onInternalError ?? logToStderr)(internalErrorEntry(req, e, null)) }));
  }

  private serve(state: TrackerState): Served {
    const ctx = createSandboxContext({
      state,
      now: this.options.now,
      tokens: this.tokens,
      deploymentType: this.options.deploymentType,
      attachments: this.attachments,
      sessions: this.sessions,
      ...(this.options.onInternalError ? { onInternalError: this.options.onInternalError } : {}),
    });
    return { ctx, app: buildSandboxApp(ctx, this.options.ui) };
  }

  /** Serves a fork of `state` as the base (the phase under test); drops every fork of the previous phase. */
  load(state: { config: Config; issues: readonly Issue[] }): FullSandboxContext {
    this.forks.clear();
    this.base = this.serve(forkState(state));
    return this.base.ctx;
  }

  /** A new fork of the base; its id goes in the `x-understudy-fork` header. */
  fork(): string {
    if (!this.base) throw new Error('ForkHub.fork before load');
    const id = `f${randomBytes(6).toString('hex')}`;
    // The tracker replaces the configuration object on a write, never changes it in place: forks share it.
    this.forks.set(
      id,
      this.serve(
        forkState({ config: this.base.ctx.tracker.config, issues: this.base.ctx.tracker.issues, admin: this.base.ctx.tracker.adminRecords }, true),
      ),
    );
    return id;
  }

  get forkCount(): number {
    return this.forks.size;
  }
  get baseContext(): FullSandboxContext | undefined {
    return this.base?.ctx;
  }
}
