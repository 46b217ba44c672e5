/**
 * Fixtures for your own regression specs (run by `npm run rehearse` in every phase: baseline,
 * after up, after down). Each test gets its own fork of the phase's sandbox, so it may create and
 * change issues freely.
 *
 * - `sandbox`: `{ url, fork, api(as, method, path, body?), personas() }` — REST as a persona
 *   (e-mail, display name or account id; or `admin`, or `group:NAME` for a member of that group,
 *   which still works on an anonymised clone, where people's names are replaced), on this test's fork;
 * - `as(persona)`: a browser page signed in as that persona, on this test's fork;
 * - `observe(name, value)`: records a fact; the rehearsal compares it between phases, so a value
 *   that changes after the migration is a regression (unless an `expect` entry declares it).
 * A test that passes at baseline and fails after the change is a regression too.
 *
 * Every test and describe block at the top of a file is declared once per phase, inside a `[phase]`
 * block, so one worker (one browser) runs your specs in all phases; declare them with this `test`
 * (or one you `extend` from it), not with @playwright/test's.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { record, SandboxClient, suiteUrl, type ApiAnswer, type ApiPersona } from '../../server/rehearse/suite/client.ts';
import { signedIn } from '../../server/rehearse/suite/browser.ts';
import { declaredPerPhase, phaseOfTest as phaseOf, specFileOf, titleWithoutPhase } from '../../server/rehearse/suite/per-phase.ts';

export interface RegressionSandbox {
  url: string;
  fork: string;
  api: (as: string | null, method: string, path: string, body?: unknown) => Promise<ApiAnswer>;
  personas: () => Promise<ApiPersona[]>;
}

interface Fixtures {
  sandbox: RegressionSandbox;
  as: (persona: string) => Promise<Page>;
  observe: (name: string, value: unknown) => void;
}

export const test = declaredPerPhase(
  base.extend<Fixtures>({
    sandbox: async ({}, use, testInfo) => {
      // One Playwright run observes every phase: this test's [phase] block names the one it sees.
      const client = new SandboxClient(suiteUrl(), phaseOf(testInfo));
      const fork = await client.fork();
      await use({
        url: client.url,
        fork,
        api: (as, method, path, body) => client.call(as, method, path, body, fork),
        personas: () => client.personaList(),
      });
      await client.drop(fork);
    },
    as: async ({ browser, sandbox }, use, testInfo) => {
      const contexts: { close: () => Promise<void> }[] = [];
      const client = new SandboxClient(sandbox.url, phaseOf(testInfo));
      await use(async (ref) => {
        const p = await client.persona(ref);
        if (!p) throw new Error(`no active persona '${ref}' in this phase's sandbox`);
        const { context, page } = await signedIn(browser, sandbox.url, p, sandbox.fork);
        contexts.push(context);
        return page;
      });
      for (const c of contexts) await c.close();
    },
    observe: async ({}, use, testInfo) => {
      const facts: { name: string; value: unknown }[] = [];
      await use((name, value) => {
        facts.push({ name, value });
      });
      const title = titleWithoutPhase(testInfo);
      const file = specFileOf(testInfo);
      record(
        facts.map((f) => ({
          check: 'specs' as const,
          id: `specs|${file}|${title}|${f.name}`,
          label: `${title}: ${f.name}`,
          keys: { test: [title, testInfo.title], file: [file] },
          value: f.value,
        })),
        phaseOf(testInfo),
      );
    },
  }),
);

export { expect };
