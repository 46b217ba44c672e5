/**
 * How the generated specs cover every phase in one Playwright run: each spec declares its tests once
 * per phase, inside a `[phase]` describe block (the outcome reporter takes the phase from it and
 * leaves it out of the title), so one pair of workers — one browser each — serves all phases; and a
 * worker-scoped UiSession, one browser context per worker re-pointed at a persona and a fork per step.
 */
import { test as base } from '@playwright/test';
import { UiSession } from './browser.ts';
import { phaseTitle, SandboxClient, suitePhases, suiteUrl } from './client.ts';

export const test = base.extend<Record<never, never>, { ui: UiSession }>({
  ui: [
    async ({ browser }, use) => {
      // Personas (account ids, tokens) are the same in every phase unless a migration removes one: ask each phase.
      const phases = suitePhases();
      const clients = (phases.length ? phases : [undefined]).map((p) => new SandboxClient(suiteUrl(), p));
      const session = new UiSession(browser, {
        url: suiteUrl(),
        persona: async (ref) => {
          for (const c of clients) {
            const p = await c.persona(ref);
            if (p) return p;
          }
          return undefined;
        },
      });
      await use(session);
      await session.close();
    },
    { scope: 'worker' },
  ],
});

/** Declares a spec's tests once for every phase of the run. */
export const eachPhase = (declare: (phase: string) => void): void => {
  for (const phase of suitePhases()) test.describe(phaseTitle(phase), () => declare(phase));
};
