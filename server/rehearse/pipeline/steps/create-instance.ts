/** Step: the throwaway instance on disk (in the system's temporary folder) that the engine migrates. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstance as create } from '../../../store/index.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const createInstance: Step = {
  name: 'create a throwaway instance',
  needs: ['snap', 'opts'],
  gives: ['instance', 'states'],
  run: async (ctx, ev) => {
    const dir = await mkdtemp(join(tmpdir(), 'understudy-rehearsal-'));
    ctx.cleanups.push(async () => {
      ctx.instance?.close();
      if (ctx.opts.keepInstance) ctx.io.progress(`instance kept at ${join(dir, 'instance')}`);
      else await rm(dir, { recursive: true, force: true });
    });
    const inst = await create(ctx.opts.snapshot, join(dir, 'instance'), { snapshot: need(ctx.snap, 'the snapshot') });
    ctx.instance = inst;
    ctx.states.baseline = structuredClone({ config: inst.data.config, issues: inst.data.issues });
    const hash = inst.hash();
    ev.push(`baseline hash ${hash}${hash === ctx.result.hashes.baseline ? '' : ` (the snapshot in memory: ${ctx.result.hashes.baseline})`}`);
    return verdict(hash === ctx.result.hashes.baseline);
  },
};
