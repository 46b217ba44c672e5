/** Step: can the regression runner run here (a browser for Playwright)? No browser is exit 2 at once. */
import type { Step } from '../step.ts';
import { verdict } from '../step.ts';

export const findRunner: Step = {
  name: (ctx) => ctx.runner.checkName,
  needs: ['runner'],
  gives: [],
  run: async (ctx, ev) => {
    ev.push(...(await ctx.runner.check()));
    return verdict(true);
  },
};
