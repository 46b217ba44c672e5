/** Bench section "store": create, load, validate, hash and save at each size, against the floor. */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { validateState } from '../model/index.ts';
import { createInstance, forkInstance, openInstance } from '../store/index.ts';
import { ensureAcmeSnapshot } from './bench-data.ts';
import { measureFloor } from './floor.ts';
import { timed, type BenchContext, type BenchSection } from './types.ts';

const TARGET = 3;

const runSize = async (ctx: BenchContext, size: number): Promise<void> => {
  const section = 'store';
  const snap = await ensureAcmeSnapshot(ctx.dataDir, ctx.seed, size);
  ctx.row({
    section,
    size,
    step: 'snapshot (acme generator)',
    seconds: snap.cached ? undefined : snap.seconds,
    note: snap.cached ? `cached in ${snap.dir}` : `generated into ${snap.dir}`,
  });

  const floor = await measureFloor(snap.dir, join(ctx.dataDir, `floor-${size}`));
  const f = floor.seconds;
  ctx.row({
    section,
    size,
    step: 'floor: read+parse+stringify+write',
    seconds: f,
    ratio: 1,
    cpu: floor.cpu,
    cpuRatio: 1,
    note: `${floor.issues} issues, ${(floor.bytes / 1e6).toFixed(0)} MB of JSON`,
  });
  const row = (step: string, t: { seconds: number; cpu: number }, note?: string) =>
    ctx.row({ section, size, step, seconds: t.seconds, ratio: t.seconds / f, cpu: t.cpu, cpuRatio: t.cpu / floor.cpu, note });

  const instDir = join(ctx.dataDir, `instance-${size}`);
  const forkDir = join(ctx.dataDir, `fork-${size}`);
  await rm(instDir, { recursive: true, force: true });
  await rm(forkDir, { recursive: true, force: true });
  const created = await timed(() => createInstance(snap.dir, instDir));
  row('create instance (read snapshot, write gen 1)', created, 'sorts keys once, so later loads hash on the fast path');
  created.value.close();

  const load = await timed(() => openInstance(instDir));
  const inst = load.value;
  row('load', load);

  const validate = await timed(() => validateState(inst.data.config, inst.data.issues));
  row('validate (validateState: shape + rules)', validate, `${validate.value.filter((p) => p.severity === 'error').length} errors`);

  const hash = await timed(() => inst.hash());
  row('hash (canonical, config + issues)', hash, hash.value.slice(0, 19));

  const data = inst.data;
  data.config.statuses[0]!.name = `${data.config.statuses[0]!.name} (bench)`;
  data.issues[Math.floor(data.issues.length / 2)]!.summary = 'changed by the bench';
  const save = await timed(() => inst.save());
  row('save (1 config entity + 1 issue changed)', save, 'serialises all shards, writes 1 shard + config, fsync');

  data.config.tracker.title = `${data.config.tracker.title} (bench)`;
  const saveConfig = await timed(() => inst.save());
  row('save (config only)', saveConfig, 'every issue shard hard-linked');

  const fork = await timed(() => forkInstance(instDir, forkDir));
  row('fork (hard links)', fork);

  const total = load.seconds + hash.seconds + save.seconds;
  const cpu = load.cpu + hash.cpu + save.cpu;
  ctx.row({
    section,
    size,
    step: `load+hash+save vs ${TARGET}× floor`,
    seconds: total,
    ratio: total / f,
    cpu,
    cpuRatio: cpu / floor.cpu,
    note: `${total <= TARGET * f ? 'PASS' : 'FAIL'} (wall limit ${(TARGET * f).toFixed(2)} s; cpu ${cpu <= TARGET * floor.cpu ? 'within' : 'over'} ${TARGET}×)`,
  });
  inst.close();
  await rm(forkDir, { recursive: true, force: true });
  await rm(instDir, { recursive: true, force: true });
};

export const storeSection: BenchSection = {
  name: 'store',
  run: async (ctx) => {
    for (const size of ctx.sizes) await runSize(ctx, size);
  },
};
