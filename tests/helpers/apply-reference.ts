/**
 * What production must answer after apply: a sandbox on the bundled snapshot migrated in memory by
 * the engine (as `migrate:up` does), and REST answers of two sandboxes compared with the ids of
 * entities each created on its own (Jira assigns them) mapped onto the other's, by content key.
 */
import { applyMigration } from '../../server/migrate/apply.ts';
import { loadMigrations } from '../../server/migrate/load.ts';
import { normalise } from '../../server/apply/index.ts';
import { ID_KINDS } from '../../server/apply/normalise/keys.ts';
import { readSnapshot } from '../../server/store/index.ts';
import { createSandboxApp, createSandboxContext } from '../../server/http/app.ts';
import { listen } from '../../server/http/listen.ts';
import type { Harness } from '../integration/http/harness.ts';

/** A sandbox whose state is fixtures/acme after the named migrations (all when none are named). */
export const migratedSandbox = async (ids?: readonly string[], deploymentType: 'Cloud' | 'DataCenter' = 'Cloud'): Promise<Harness> => {
  const snap = await readSnapshot('fixtures/acme');
  const state = structuredClone({ config: snap.config!, issues: snap.issues });
  for (const m of await loadMigrations('migrations')) {
    if (ids && !ids.includes(m.id)) continue;
    applyMigration(state, m.migration, { migrationId: m.id, now: '2025-06-01T12:00:00.000Z', actor: null, proveDown: false });
  }
  const ctx = createSandboxContext({ state, outbox: [], now: '2025-06-01T12:00:00.000Z', deploymentType });
  const server = await listen(await createSandboxApp({ ctx, ui: null }));
  const personas = [...ctx.personas()];
  return {
    url: server.url,
    ctx,
    personas,
    close: server.close,
    call: async (method, path, o = {}) => {
      const p = personas.find((x) => x.accountId === o.as);
      const headers: Record<string, string> = {
        accept: 'application/json',
        ...(p ? { authorization: `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}` } : {}),
        ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
      };
      const res = await fetch(`${server.url}${path}`, { method, headers, ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}) });
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: res.status, body, text };
    },
  };
};

/** Production's ids of entities the reference calls differently (same content key, other id). */
export const idMap = (prod: Harness, ref: Harness): Map<string, string> => {
  const a = normalise(prod.ctx.tracker.config).keys;
  const b = normalise(ref.ctx.tracker.config).keys;
  const out = new Map<string, string>();
  for (const kind of ID_KINDS)
    for (const [key, id] of a.entries(kind)) {
      const other = b.id(kind, key);
      if (other !== undefined && other !== id) out.set(id, other);
    }
  return out;
};

/** Keys that record when and by whom, not what: history is not replayed by apply (the proof says so). */
const VOLATILE = new Set(['updated', 'changelog', 'lastViewed', 'statuscategorychangedate', 'version', 'self']);

/** Lists Jira answers in id order, where a re-created member (a new id) comes last: compared as sets. */
const BY_ID = new Set(['permissions']);
const withoutId = (x: unknown): string => JSON.stringify(x && typeof x === 'object' ? { ...(x as Record<string, unknown>), id: undefined } : x);

const mapIds = (v: unknown, ids: Map<string, string>, key = ''): unknown => {
  if (typeof v === 'string') return ids.get(v) ?? v;
  if (typeof v === 'number') return Number(ids.get(String(v)) ?? v);
  if (Array.isArray(v)) {
    const out = v.map((x) => mapIds(x, ids));
    return BY_ID.has(key) ? out.sort((a, b) => (withoutId(a) < withoutId(b) ? -1 : withoutId(a) > withoutId(b) ? 1 : 0)) : out;
  }
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.entries(v)
        .filter(([k]) => !VOLATILE.has(k))
        .map(([k, x]) => [k, mapIds(x, ids, k)]),
    );
  return v;
};

/** The same questions to both, as the same persona; mismatches after mapping production's ids. */
export const compareAnswers = async (prod: Harness, ref: Harness, as: string, paths: readonly string[]): Promise<string[]> => {
  const ids = idMap(prod, ref);
  const out: string[] = [];
  for (const path of paths) {
    const [x, y] = await Promise.all([
      prod.call('GET', path, { as }),
      ref.call(
        'GET',
        path.replace(/\b(\d{4,})\b/g, (m) => ids.get(m) ?? m),
        { as },
      ),
    ]);
    const a = JSON.stringify(mapIds(x.body, ids)).split(prod.url).join('BASE');
    const b = JSON.stringify(mapIds(y.body, new Map())).split(ref.url).join('BASE');
    if (x.status !== y.status || a !== b) {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      out.push(`${path}: ${x.status} vs ${y.status} at ${i}: …${a.slice(Math.max(0, i - 60), i + 100)} ≠ …${b.slice(Math.max(0, i - 60), i + 100)}`);
    }
  }
  return out;
};
