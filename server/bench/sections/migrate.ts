/**
 * Bench section "migrate": `migrate:up` then `migrate:down` of a migration that edits every issue,
 * and `migrate:verify` of it, against the floor (read + parse + stringify + write of the same issues,
 * shard by shard) measured in the same run, before and after the steps (the faster counts).
 * Targets: up + down within 3×, verify within 4×.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadMigrations, migrateDown, migrateUp, verifyMigrations } from '../../migrate/index.ts';
import { createInstance, openInstance } from '../../store/index.ts';
import { ensureAcmeSnapshot } from '../bench-data.ts';
import { measureFloor } from '../floor.ts';
import { timed, type BenchContext, type BenchSection } from '../types.ts';

const NOW = '2026-11-01T09:00:00.000Z';

/** Edits every issue through the functions form: a new object and a captured record per issue, a million of each at 1M. */
const MIGRATION = `import { defineMigration } from 'understudy';

export default defineMigration({
  description: 'Bench: stamp the environment field of every issue',
  up(ctx) {
    for (const i of ctx.issues) ctx.editIssue(i.id, (d) => { d.environment = 'stamped ' + i.key; });
  },
});
`;

const runSize = async (ctx: BenchContext, size: number): Promise<void> => {
  const section = 'migrate';
  const snap = await ensureAcmeSnapshot(ctx.dataDir, ctx.seed, size);
  const floorDir = join(ctx.dataDir, `migrate-floor-${size}`);
  const first = await measureFloor(snap.dir, floorDir);

  // Migration files import 'understudy' by package self-reference, which resolves inside the package only.
  const folder = join(ctx.dataDir, `migrations-${size}`);
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, '20250101-000000-stamp-every-issue.ts'), MIGRATION);
  const loaded = await loadMigrations(folder);

  const instDir = join(ctx.dataDir, `migrate-instance-${size}`);
  await rm(instDir, { recursive: true, force: true });
  (await createInstance(snap.dir, instDir)).close();
  const open = await timed(() => openInstance(instDir));
  const inst = open.value;
  const before = inst.hash();

  // As `npm run migrate:up` does right after opening: the hash before is the generation's recorded one.
  const up = await timed(() => migrateUp(inst, loaded, { now: NOW }));
  const down = await timed(() => migrateDown(inst, { now: NOW }));
  const restored = inst.hash() === before;
  const verify = await timed(() => verifyMigrations(inst.data, loaded, NOW));
  inst.close();
  await rm(instDir, { recursive: true, force: true });
  await rm(folder, { recursive: true, force: true });

  // The floor is measured before and after the steps and the faster run counts: a burst of noise
  // on a shared machine must not make the steps look better than they are.
  const second = await measureFloor(snap.dir, floorDir);
  const floor = second.seconds < first.seconds ? second : first;
  const f = floor.seconds;
  ctx.row({
    section,
    size,
    step: 'floor: read+parse+stringify+write',
    seconds: f,
    ratio: 1,
    cpu: floor.cpu,
    cpuRatio: 1,
    note: `${floor.issues} issues; the faster of ${first.seconds.toFixed(2)} s and ${second.seconds.toFixed(2)} s`,
  });
  const row = (step: string, t: { seconds: number; cpu: number }, note?: string) =>
    ctx.row({ section, size, step, seconds: t.seconds, ratio: t.seconds / f, cpu: t.cpu, cpuRatio: t.cpu / floor.cpu, note });
  row('open the instance (read, check sha256, parse)', open, 'every migrate command does it first; not part of the targets');
  row('migrate:up (apply, rules, hash, save)', up, `${up.value.applied[0]?.touchedIssues ?? 0} issues touched`);
  row('migrate:down (revert, hash, save)', down, restored ? 'hash == before ✓' : 'HASH DIFFERS ✘');
  const both = { seconds: up.seconds + down.seconds, cpu: up.cpu + down.cpu };
  row('up+down vs 3× floor', both, `${both.seconds <= 3 * f ? 'PASS' : 'FAIL'} (wall limit ${(3 * f).toFixed(2)} s)`);
  const ok = verify.value.every((r) => r.ok);
  row(
    'migrate:verify vs 4× floor',
    verify,
    `${ok ? 'proven' : 'NOT PROVEN'}; ${verify.seconds <= 4 * f ? 'PASS' : 'FAIL'} (wall limit ${(4 * f).toFixed(2)} s)`,
  );
};

export const migrateSection: BenchSection = {
  name: 'migrate',
  run: async (ctx) => {
    for (const size of ctx.sizes) await runSize(ctx, size);
  },
};
