/** Starts the real sandbox app on a free loopback port over an in-memory copy of a fixture snapshot. */
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { createSandboxApp, createSandboxContext, type FullSandboxContext } from '../../../server/http/app.ts';
import { listen, type Listening } from '../../../server/http/listen.ts';
import type { Persona } from '../../../server/http/context.ts';

export interface Harness {
  url: string;
  ctx: FullSandboxContext;
  personas: Persona[];
  close: () => Promise<void>;
  /** fetch with optional persona (by e-mail prefix or account id) using Basic auth. */
  call: (
    method: string,
    path: string,
    options?: { as?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ) => Promise<{ status: number; body: any; text: string }>;
}

const snapshots = new Map<string, Awaited<ReturnType<typeof readSnapshot>>>();

export const startSandbox = async (
  fixture: string,
  options: {
    now?: string;
    deploymentType?: 'Cloud' | 'DataCenter';
    legacySearchGone?: boolean;
    strict?: boolean;
    attachmentMaxBytes?: number;
    patch?: (state: { config: import('../../../server/model/types.ts').Config }) => void;
    onInternalError?: (e: import('../../../server/http/internal-errors.ts').InternalErrorEntry) => void;
    withUi?: boolean;
  } = {},
): Promise<Harness> => {
  let snap = snapshots.get(fixture);
  if (!snap) {
    snap = await readSnapshot(fixture);
    snapshots.set(fixture, snap);
  }
  if (!snap.config || snap.problems.length) throw new Error(`cannot read ${fixture}: ${snap.problems.map((p) => p.message).join('; ')}`);
  const state = structuredClone({ config: snap.config, issues: snap.issues });
  const { patch, withUi, ...rest } = options;
  patch?.(state);
  const ctx = createSandboxContext({ state, outbox: [], now: options.now ?? '2025-06-01T12:00:00.000Z', ...rest });
  const app = await createSandboxApp({ ctx, ...(withUi ? {} : { ui: null }) });
  const server: Listening = await listen(app);
  const personas = [...ctx.personas()];
  const find = (as: string) => personas.find((p) => p.accountId === as || p.email.startsWith(`${as}@`) || p.email.startsWith(`${as}.`));
  return {
    url: server.url,
    ctx,
    personas,
    close: server.close,
    call: async (method, path, o = {}) => {
      const headers: Record<string, string> = { accept: 'application/json', ...(o.headers ?? {}) };
      if (o.as) {
        const p = find(o.as);
        if (!p) throw new Error(`no persona '${o.as}' in ${fixture}`);
        headers.authorization = `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
      }
      if (o.body !== undefined || o.raw !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers,
        body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
      });
      const text = await res.text();
      let body: any;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      return { status: res.status, body, text };
    },
  };
};
