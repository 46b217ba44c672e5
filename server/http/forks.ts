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
 *
 * Several phases at once: `loadPhases` serves one base per phase (baseline, after up, after down),
 * chosen by the `x-understudy-phase` header; a new fork copies the phase its request names, and a
 * fork's requests need no phase. Serving one state (`load`), the hub ignores the header. One express app serves every fork and phase: the routes read the
 * request's context through an AsyncLocalStorage, so a fork costs a copy of the issue list, not an app.
 */
import express, { type Express, type Request, type Router } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Config, ConfigIndex, Issue } from '../model/index.ts';
import type { AdminRecords, IssueCounters, TrackerState } from '../tracker/index.ts';
import type { SandboxContext } from './context.ts';
import { memoryAttachmentContent } from '../store/index.ts';
import { buildSandboxApp, createSandboxContext, type FullSandboxContext } from './app.ts';

import { FORK_COOKIE, FORK_HEADER, PHASE_HEADER } from '../common/sandbox-names.ts';
import type { Persona } from './context.ts';
import { errorHandler } from './guard.ts';
import { internalErrorEntry, logToStderr, type InternalErrorEntry } from './internal-errors.ts';
import { networkGuard } from './network-guard.ts';
import { type NetworkOptions, networkPolicy } from './network-policy.ts';
import { refuse } from './refuse.ts';

export { FORK_COOKIE, FORK_HEADER, PHASE_HEADER };

export interface ForkHubOptions {
  now?: string;
  ui: ((ctx: SandboxContext) => Router) | null;
  deploymentType?: 'Cloud' | 'DataCenter';
  /** At most this many forks alive at once (a runaway test suite must not eat the machine). */
  maxForks?: number;
  /** Where a request that failed with 500 is kept, in every fork (default: stderr). */
  onInternalError?: (e: InternalErrorEntry) => void;
  /** Where the hub listens and under which names it answers (default: loopback only). */
  network?: NetworkOptions;
}

interface Served {
  ctx: FullSandboxContext;
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

/** What a fork id may look like (the hub makes `f` + 12 hex digits; tests name unknown ones freely). */
const FORK_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The fork a request names (header first, then cookie): an id, none, or the bad value it sent. */
const namedFork = (req: Request): { id?: string; bad?: string } => {
  const header = req.get(FORK_HEADER);
  let value = header;
  if (value === undefined) {
    for (const part of (req.get('cookie') ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === FORK_COOKIE) {
        value = part.slice(eq + 1).trim();
        try {
          value = decodeURIComponent(value);
        } catch {
          return { bad: value };
        }
        break;
      }
    }
  }
  if (value === undefined || value === '') return {};
  return FORK_ID.test(value) ? { id: value } : { bad: value };
};

const shown = (v: string): string => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);

export class ForkHub {
  readonly tokens = new Map<string, string>();
  /** Shared by every fork: content is addressed by digest, so forks cannot disturb each other. */
  readonly attachments = memoryAttachmentContent();
  readonly sessions = new Map<string, string>();
  /** Personas per configuration object: forks share their base's configuration, so they share its list. */
  private readonly personas = new WeakMap<Config, Persona[]>();
  private readonly indexes = new WeakMap<Config, ConfigIndex>();
  private base: Served | undefined;
  private readonly phases = new Map<string, Served>();
  private readonly forks = new Map<string, Served>();
  private readonly current = new AsyncLocalStorage<FullSandboxContext>();
  /** The routes, built once over a context that is the current request's. */
  private readonly served: Express;
  readonly app: Express;

  constructor(private readonly options: ForkHubOptions) {
    const deploymentType = options.deploymentType ?? 'Cloud';
    const network = networkPolicy(options.network);
    const current = this.current;
    const ctx = new Proxy({} as FullSandboxContext, {
      get: (_t, key) => {
        const c = current.getStore();
        if (c) return Reflect.get(c, key);
        // The routers ask which API versions to mount, and the network policy, while they are built (the same for every fork).
        if (key === 'deploymentType') return deploymentType;
        if (key === 'network') return network;
        throw new Error(`the sandbox context was read outside a request (${String(key)})`);
      },
    });
    this.served = buildSandboxApp(ctx, options.ui);
    this.app = express();
    this.app.disable('x-powered-by');
    this.app.use(networkGuard(network));
    this.app.post('/_understudy/forks', (req, res) => {
      const phase = this.phases.size ? req.get(PHASE_HEADER) : undefined;
      const from = phase === undefined ? this.base : this.phases.get(phase);
      if (!from) {
        const msg =
          phase !== undefined
            ? [404, 'unknown_phase', `no phase '${phase}' is loaded (loaded: ${[...this.phases.keys()].join(', ') || 'none'})`]
            : this.phases.size
              ? [409, 'phase_required', `several phases are loaded (${[...this.phases.keys()].join(', ')}): name one in the ${PHASE_HEADER} header`]
              : [409, 'no_state', 'the rehearsal has not loaded a phase yet'];
        refuse(req, res, msg[0] as number, msg[1] as string, msg[2] as string);
        return;
      }
      const max = this.options.maxForks ?? 500;
      if (this.forks.size >= max) {
        refuse(req, res, 429, 'too_many_forks', `more than ${max} forks alive: DELETE /_understudy/forks/ID when a test is done`);
        return;
      }
      res.status(201).json({ fork: this.forkOf(from) });
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
      const { id, bad } = namedFork(req);
      if (bad !== undefined) {
        refuse(
          req,
          res,
          400,
          'bad_fork',
          `the fork named by the ${req.get(FORK_HEADER) === undefined ? `${FORK_COOKIE} cookie` : `${FORK_HEADER} header`} (${shown(bad)}) is not a fork id: send the id POST /_understudy/forks answered (f followed by 12 hex digits), or drop the ${FORK_COOKIE} cookie`,
        );
        return;
      }
      // A sandbox serving one state (load) answers whatever phase a request names.
      const phase = this.phases.size ? req.get(PHASE_HEADER) : undefined;
      const target = id ? this.forks.get(id) : phase !== undefined ? this.phases.get(phase) : this.base;
      // The phase's base is read by every test at once: a write there would make runs order-dependent.
      if (
        !id &&
        target &&
        !['GET', 'HEAD', 'OPTIONS'].includes(req.method) &&
        !req.path.startsWith('/_understudy/') &&
        !READ_ONLY_POST.test(req.path)
      ) {
        refuse(
          req,
          res,
          409,
          'fork_required',
          `${req.method} ${req.path} would change the phase's shared state: write on a fork (POST /_understudy/forks, then send its id in the ${FORK_HEADER} header; the regression fixtures do this for you)`,
        );
        return;
      }
      if (!target) {
        const [status, code, message] = id
          ? [404, 'unknown_fork', `fork ${shown(id)} does not exist (deleted, or from an earlier phase)`]
          : phase !== undefined
            ? [404, 'unknown_phase', `no phase '${phase}' is loaded (loaded: ${[...this.phases.keys()].join(', ') || 'none'})`]
            : this.phases.size
              ? [409, 'phase_required', `several phases are loaded (${[...this.phases.keys()].join(', ')}): name one in the ${PHASE_HEADER} header`]
              : [503, 'no_state', 'the rehearsal has not loaded a phase yet'];
        refuse(req, res, status as number, code as string, message as string);
        return;
      }
      this.current.run(target.ctx, () => this.served(req, res, next));
    });
    this.app.use(errorHandler({ internalError: (req, e) => (this.options.onInternalError ?? logToStderr)(internalErrorEntry(req, e, null)) }));
  }

  private serve(state: TrackerState, issueCounters?: IssueCounters): Served {
    return {
      ctx: createSandboxContext({
        state,
        ...(issueCounters ? { issueCounters } : {}),
        now: this.options.now,
        tokens: this.tokens,
        personaCache: this.personas,
        sharedIndexes: this.indexes,
        deploymentType: this.options.deploymentType,
        attachments: this.attachments,
        sessions: this.sessions,
        ...(this.options.network ? { network: this.options.network } : {}),
        ...(this.options.onInternalError ? { onInternalError: this.options.onInternalError } : {}),
      }),
    };
  }

  /** Serves a fork of `state` as the base (the phase under test); drops every fork and phase loaded before. */
  load(state: { config: Config; issues: readonly Issue[] }): FullSandboxContext {
    this.forks.clear();
    this.phases.clear();
    this.base = this.serve(forkState(state));
    return this.base.ctx;
  }

  /**
   * Serves several phases side by side, each a fork of its state, chosen per request by the
   * `x-understudy-phase` header; drops every fork and phase loaded before.
   */
  loadPhases(phases: readonly { phase: string; state: { config: Config; issues: readonly Issue[] } }[]): void {
    this.forks.clear();
    this.phases.clear();
    this.base = undefined;
    for (const p of phases) this.phases.set(p.phase, this.serve(forkState(p.state)));
  }

  /** A new fork of the base (or of a phase); its id goes in the `x-understudy-fork` header. */
  fork(phase?: string): string {
    const from = phase === undefined ? this.base : this.phases.get(phase);
    if (!from) throw new Error(`ForkHub.fork before load${phase === undefined ? '' : ` of phase ${phase}`}`);
    return this.forkOf(from);
  }

  private forkOf(from: Served): string {
    const id = `f${randomBytes(6).toString('hex')}`;
    const t = from.ctx.tracker;
    // The tracker replaces the configuration object on a write, never changes it in place: forks share it.
    // The copy has the same keys and ids: its index takes the base's counters instead of scanning every issue.
    this.forks.set(id, this.serve(forkState({ config: t.config, issues: t.issues, admin: t.adminRecords }, true), t.issueCounters()));
    return id;
  }

  get forkCount(): number {
    return this.forks.size;
  }
  get baseContext(): FullSandboxContext | undefined {
    return this.base?.ctx;
  }
  /** The context serving a phase loaded by loadPhases. */
  phaseContext(phase: string): FullSandboxContext | undefined {
    return this.phases.get(phase)?.ctx;
  }
}
