/** Step: load and check the migration files (one that does not compile is bad input: exit 2). */
import { loadMigrations as load } from '../../../migrate/index.ts';
import { type Step, verdict } from '../step.ts';

export const loadMigrations: Step = {
  name: 'load the migrations',
  needs: ['opts'],
  gives: ['loaded'],
  run: async (ctx, ev) => {
    const l = await load(ctx.opts.migrations);
    ev.push(`${l.length} migration file${l.length === 1 ? '' : 's'} in ${ctx.opts.migrations}`);
    ctx.loaded = l;
    return verdict(true);
  },
};
