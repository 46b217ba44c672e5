/**
 * The kill test of the migration engine, shared by tests/integration/migrate/kill.test.ts (~20k
 * issues, 10+ kills) and scripts/soak-kill.ts (100k+ issues, 50+ kills): `migrate:up` and
 * `migrate:down` of a migration that edits every issue run as child processes and get `kill -9` at
 * seeded random moments spread over their measured duration. After every kill the stale lock is
 * cleared and the instance must open and hash to exactly the before or the after state, with a
 * ledger that agrees (and, after, captured data complete enough for `down`).
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAcme } from '../../server/fixtures/generate-acme.ts';
import type { Manifest } from '../../server/model/types.ts';
import { clearStaleLock, createInstance } from '../../server/store/index.ts';
import { collect, output, spawnMigrate } from './migrate-cli.ts';
import { diskState, entryOf, forkOf, functionSource, migrationsFolder, type DiskState } from './migrate-fixture.ts';

export const KILL_MIGRATION = '20250101-000000-stamp-every-issue';

export interface KillOptions {
  root: string;
  issues: number;
  kills: number;
  seed: number;
  shardSize?: number;
  log?: (line: string) => void;
}

export interface KillSummary {
  issues: number;
  kills: number;
  killedUp: number;
  killedDown: number;
  /** Commands that finished before their kill timer fired. */
  completed: number;
  /** Kills that left an unfinished generation behind (the kill landed inside a save). */
  insideSave: number;
  /** State after each kill: B (before) or A (after). */
  states: string;
  upMs: number;
  downMs: number;
  totalMs: number;
  violations: string[];
}

/** Park–Miller: a seeded generator, so a failing run can be repeated with its seed. */
const random = (seed: number) => {
  let s = (seed % 2147483646) + 1;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
};

const makeBigInstance = async (root: string, issues: number, seed: number, shardSize: number): Promise<string> => {
  const content = generateAcme({ seed, issues });
  const dir = join(root, 'instance');
  const snapshot = {
    dir: join(root, 'generated'),
    manifest: content.manifest as unknown as Manifest,
    config: content.config,
    issues: [...content.issues],
    issueSources: [],
    integrations: [],
    fileHashes: {},
    problems: [],
  };
  (await createInstance(snapshot.dir, dir, { snapshot, shardSize })).close();
  return dir;
};

/** Checks one state on disk against the two allowed ones; returns what is wrong. */
const judge = (s: DiskState, before: string, after: string): string[] => {
  const e = entryOf(s, KILL_MIGRATION);
  if (s.hash === after) {
    const out: string[] = [];
    if (e?.state !== 'applied' || e.hashAfter !== after) out.push(`hash is the after state but the ledger says ${e?.state ?? 'nothing'}`);
    for (const op of e?.inverse ?? [])
      if (op.bulkRef && s.captures[op.bulkRef] !== op.bulkCount)
        out.push(`captured data ${op.bulkRef} holds ${s.captures[op.bulkRef] ?? 0} of ${op.bulkCount} records`);
    return out;
  }
  if (s.hash === before) return e && e.state !== 'reverted' ? [`hash is the before state but the ledger says ${e.state}`] : [];
  return [`hash ${s.hash} is neither the before (${before}) nor the after (${after}) state`];
};

const run = async (sub: 'up' | 'down', args: string[], killAfterMs?: number) => {
  const child = spawnMigrate(sub, args);
  const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const r = await collect(child);
  clearTimeout(timer);
  return r;
};

/**
 * Kill moments are seeded and spread over [45%, 105%] of the measured duration: the first part is
 * process start-up, loading and (for up) running the migration's code in the supervised worker,
 * none of which writes; a timer past the end lets some runs finish. Each kill runs on a fresh fork
 * (hard links) of the before or the after instance, so up and down kills alternate without uncut
 * runs in between.
 */
export const killTest = async (o: KillOptions): Promise<KillSummary> => {
  const log = o.log ?? (() => {});
  const started = performance.now();
  const rand = random(o.seed);
  const folder = migrationsFolder({
    [`${KILL_MIGRATION}.ts`]: functionSource(
      `for (const i of ctx.issues) ctx.editIssue(i.id, (d) => { d.environment = 'stamped ' + i.key; });`,
      undefined,
      'Stamp every issue',
    ),
  });
  const argsFor = (inst: string) => ['--instance', inst, '--migrations', folder.dir, '--now', '2026-01-01T09:00:00Z'];
  try {
    const beforeBase = await makeBigInstance(o.root, o.issues, o.seed, o.shardSize ?? 2_000);
    const before = (await diskState(beforeBase)).hash;
    log(`instance of ${o.issues} issues ready in ${Math.round(performance.now() - started)} ms; seed ${o.seed}`);

    // Measured once uncut: how long each direction takes, and the after state.
    const afterBase = await forkOf(beforeBase, o.root);
    const up = await run('up', argsFor(afterBase));
    if (up.code !== 0) throw new Error(`migrate:up failed before any kill: ${output(up)}`);
    const after = (await diskState(afterBase)).hash;
    const probe = await forkOf(afterBase, o.root);
    const down = await run('down', argsFor(probe));
    if (down.code !== 0 || (await diskState(probe)).hash !== before) throw new Error(`migrate:down did not restore before any kill: ${output(down)}`);
    await rm(probe, { recursive: true, force: true });
    log(`uncut: up ${Math.round(up.ms)} ms, down ${Math.round(down.ms)} ms`);

    const summary: KillSummary = {
      issues: o.issues,
      kills: o.kills,
      killedUp: 0,
      killedDown: 0,
      completed: 0,
      insideSave: 0,
      states: '',
      upMs: Math.round(up.ms),
      downMs: Math.round(down.ms),
      totalMs: 0,
      violations: [],
    };
    for (let k = 0; k < o.kills; k++) {
      const sub = k % 2 === 0 ? 'up' : 'down';
      const inst = await forkOf(sub === 'up' ? beforeBase : afterBase, o.root);
      const delay = Math.round((sub === 'up' ? up.ms : down.ms) * (0.45 + 0.6 * rand()));
      const r = await run(sub, argsFor(inst), delay);
      if (r.signal === 'SIGKILL') summary[sub === 'up' ? 'killedUp' : 'killedDown']++;
      else if (r.code === 0) summary.completed++;
      else summary.violations.push(`kill ${k + 1}: migrate:${sub} failed by itself: ${output(r)}`);
      if ((await readdir(join(inst, 'gens'))).length > 1) summary.insideSave++;
      await clearStaleLock(inst);
      const s = await diskState(inst);
      const wrong = judge(s, before, after);
      if ((await readdir(join(inst, 'gens'))).length !== 1) wrong.push('more than one generation left after opening');
      // What the last kill left must still go the other way, uncut (the others are judged by hash and ledger).
      if (!wrong.length && k === o.kills - 1) {
        const next = await run(s.hash === after ? 'down' : 'up', argsFor(inst));
        const end = (await diskState(inst)).hash;
        if (next.code !== 0 || end !== (s.hash === after ? before : after))
          wrong.push(`the next uncut command did not reach the other state: ${output(next)}`);
      }
      summary.violations.push(...wrong.map((w) => `kill ${k + 1} (${sub} at ${delay} ms): ${w}`));
      summary.states += s.hash === after ? 'A' : 'B';
      log(
        `kill ${k + 1}/${o.kills}: ${sub} at ${delay} ms → ${r.signal ?? `exit ${r.code}`}, state ${s.hash === after ? 'after' : s.hash === before ? 'before' : 'NEITHER'}${wrong.length ? ` ✗ ${wrong.join('; ')}` : ''}`,
      );
      await rm(inst, { recursive: true, force: true });
    }
    summary.totalMs = Math.round(performance.now() - started);
    return summary;
  } finally {
    folder.remove();
  }
};

export const formatSummary = (s: KillSummary): string =>
  `kill test: ${s.issues} issues, ${s.kills} kills (${s.killedUp} in up, ${s.killedDown} in down, ${s.completed} finished first, ${s.insideSave} inside a save), ` +
  `states ${s.states}, uncut up ${s.upMs} ms / down ${s.downMs} ms, total ${(s.totalMs / 1000).toFixed(1)} s, ${s.violations.length ? `${s.violations.length} VIOLATIONS` : 'every state before or after'}`;
