/**
 * Running a sandbox: a throwaway instance made from a validated snapshot (validated once per
 * content; the instance shares the snapshot's shards and is removed on close), or an existing
 * instance held under its lock; the app on loopback unless told otherwise. `npm run
 * sandbox` and the bench call this; the rehearsal can too.
 */
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { makeTempDir } from '../common/temp-dir.ts';
import { formatProblem } from '../model/index.ts';
import {
  acquireLock,
  createInstance,
  directoryAttachmentContent,
  type Instance,
  instanceExists,
  openInstance,
  readValidatedSnapshot,
} from '../store/index.ts';
import { createSandboxApp, createSandboxContext, type FullSandboxContext } from './app.ts';
import { listen } from './listen.ts';

export interface ServeOptions {
  snapshot?: string;
  instance?: string;
  port?: number;
  host?: string;
  /** `--expose-control`: serve the control API beyond loopback (warned about). */
  exposeControl?: boolean;
  /** `--allow-host`: more Host names to answer under (besides loopback and --host). */
  allowHosts?: string[];
  now?: string;
  mimic?: 'cloud' | 'cloud-strict' | 'datacenter';
  /** The largest attachment accepted, in bytes (default 10 MB, as Jira). */
  attachmentMaxBytes?: number;
  legacySearchGone?: boolean;
  /** An announcement banner (HTML fragment, e.g. reports/latest/notices/heads-up.banner.html) above every page. */
  banner?: string;
  /** Where the verdicts of valid snapshots are kept, by content hash (default: the store's defaultCacheDir()); false: none. */
  validationCache?: string | false;
}

export interface RunningSandbox {
  url: string;
  ctx: FullSandboxContext;
  instance: Instance;
  throwaway: boolean;
  /** For a throwaway sandbox: the snapshot was validated now, or its content validated before (the cache). */
  validation?: 'validated' | 'cached';
  close: () => Promise<void>;
}

export const DEFAULT_SNAPSHOT = 'fixtures/acme';

/** The snapshot read once, validated unless its content validated before, and an instance sharing its shards. */
const throwawayInstance = async (
  snapshotDir: string,
  cacheDir: string | false | undefined,
): Promise<{ instance: Instance; remove: () => Promise<void>; validation: 'validated' | 'cached' }> => {
  const { snap, problems, cached } = await readValidatedSnapshot(snapshotDir, cacheDir === undefined ? {} : { cacheDir });
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    throw new UserError(
      `snapshot '${snapshotDir}' is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}); the sandbox starts only on a valid snapshot`,
      {
        details: [
          ...errors.slice(0, 10).map(formatProblem),
          ...(errors.length > 10 ? [`… and ${errors.length - 10} more: run npm run validate -- --snapshot ${snapshotDir}`] : []),
        ],
      },
    );
  }
  // Removed on close, and however the process ends before that (common/temp-dir.ts).
  const parent = await makeTempDir('understudy-sandbox-');
  try {
    const instance = await createInstance(snapshotDir, join(parent.dir, 'instance'), { snapshot: snap, shareSnapshotShards: true });
    return { instance, remove: parent.remove, validation: cached ? 'cached' : 'validated' };
  } catch (e) {
    await parent.remove();
    throw e;
  }
};

export const startSandboxServer = async (o: ServeOptions): Promise<RunningSandbox> => {
  let instance: Instance;
  let cleanup: () => Promise<void>;
  let validation: RunningSandbox['validation'];
  if (o.instance) {
    if (!(await instanceExists(o.instance)))
      throw new UserError(`--instance '${o.instance}' is not an Understudy instance`, {
        details: ['create one with npm run migrate:status -- --instance DIR --snapshot SNAPSHOT, or drop --instance for a throwaway sandbox'],
      });
    const release = await acquireLock(o.instance, 'sandbox');
    try {
      instance = await openInstance(o.instance);
    } catch (e) {
      await release();
      throw e;
    }
    cleanup = async () => {
      instance.close();
      await release();
    };
  } else {
    const made = await throwawayInstance(o.snapshot ?? DEFAULT_SNAPSHOT, o.validationCache);
    instance = made.instance;
    validation = made.validation;
    cleanup = async () => {
      instance.close();
      await made.remove();
    };
  }
  try {
    const data = instance.data;
    const ctx = createSandboxContext({
      state: data,
      outbox: data.outbox,
      now: o.now,
      deploymentType: o.mimic === 'datacenter' ? 'DataCenter' : 'Cloud',
      legacySearchGone: o.legacySearchGone,
      persist: () => instance.save(),
      ...(o.banner !== undefined ? { banner: o.banner } : {}),
      strict: o.mimic === 'cloud-strict',
      attachments: directoryAttachmentContent(instance.dir),
      network: { host: o.host ?? '127.0.0.1', exposeControl: o.exposeControl ?? false, allowHosts: o.allowHosts ?? [] },
      ...(o.attachmentMaxBytes !== undefined ? { attachmentMaxBytes: o.attachmentMaxBytes } : {}),
    });
    const app = await createSandboxApp({ ctx });
    const server = await listen(app, o.port ?? 0, o.host ?? '127.0.0.1');
    let closed = false;
    return {
      url: server.url,
      ctx,
      instance,
      throwaway: !o.instance,
      ...(validation ? { validation } : {}),
      close: async () => {
        if (closed) return;
        closed = true;
        await server.close();
        await ctx.flush();
        await cleanup();
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
};
