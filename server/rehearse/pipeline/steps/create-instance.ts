/** Step: the throwaway instance on disk (in the system's temporary folder) that the engine migrates. */
import { join } from 'node:path';
import { makeTempDir } from '../../../common/temp-dir.ts';
import { createInstance as create } from '../../../store/index.ts';
import { need } from '../context.ts';
import { type Step, verdict } from '../step.ts';

export const createInstance: Step = {
  name: 'create a throwaway instance',
  needs: ['snap', 'opts'],
  gives: ['instance'],
  run: async (ctx, ev) => {
    // Removed at the end, and however the process ends before (a migration's process.exit, Ctrl-C): common/temp-dir.ts.
    const temp = await makeTempDir('understudy-rehearsal-');
    const dir = temp.dir;
    ctx.cleanups.push(async () => {
      ctx.instance?.close();
      if (ctx.opts.keepInstance) {
        temp.keep();
        ctx.io.progress(`instance kept at ${join(dir, 'instance')}`);
      } else await temp.remove();
    });
    const inst = await create(ctx.opts.snapshot, join(dir, 'instance'), { snapshot: need(ctx.snap, 'the snapshot') });
    ctx.instance = inst;
    const hash = inst.hash();
    ev.push(`baseline hash ${hash}${hash === ctx.result.hashes.baseline ? '' : ` (the snapshot in memory: ${ctx.result.hashes.baseline})`}`);
    return verdict(hash === ctx.result.hashes.baseline);
  },
};
