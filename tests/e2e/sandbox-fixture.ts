/**
 * Playwright fixtures: one sandbox per worker (the whole app: control API, Jira REST, this web UI)
 * over the acme snapshot (read once per worker), the
 * page's baseURL pointing at it, `writable` for tests that change state (a checkpoint of the
 * worker's sandbox, restored after the test), and persona fixtures that sign in through the UI.
 */
import { test as base, expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { mkdir, writeFile } from 'node:fs/promises';
import { createSandboxApp, createSandboxContext, type FullSandboxContext } from '../../server/http/app.ts';
import type { Persona } from '../../server/http/context.ts';
import { listen } from '../../server/http/listen.ts';
import { createUiRouter } from '../../server/http/ui/index.ts';
import { readSnapshot } from '../../server/store/snapshot-read.ts';

export interface Sandbox {
  url: string;
  ctx: FullSandboxContext;
}

/** The sandbox's frozen clock: the same timestamps in every run (and in the README's screenshots). */
export const NOW = '2026-11-02T09:00:00.000Z';

export interface Personas {
  /** Holds the global Administer permission (and is in triage). */
  admin: Persona;
  /** A developer: no admin rights, not in triage. */
  developer: Persona;
  byName: (displayName: string) => Persona;
}

interface WorkerFixtures {
  sandbox: Sandbox;
  personas: Personas;
}
interface TestFixtures {
  writable: Sandbox;
  signIn: (persona: Persona) => Promise<Page>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sandbox: [
    async ({}, use) => {
      const snap = await readSnapshot(process.env.UNDERSTUDY_E2E_SNAPSHOT ?? 'fixtures/acme');
      if (!snap.config || snap.problems.length) throw new Error(`cannot read the e2e snapshot: ${snap.problems.map((p) => p.message).join('; ')}`);
      const ctx = createSandboxContext({ state: { config: snap.config, issues: snap.issues }, now: NOW });
      const server = await listen(await createSandboxApp({ ctx, ui: createUiRouter }));
      await use({ url: server.url, ctx });
      await server.close();
    },
    { scope: 'worker' },
  ],
  personas: [
    async ({ sandbox }, use) => {
      const list = sandbox.ctx.personas();
      const byName = (displayName: string) => {
        const p = list.find((x) => x.displayName === displayName);
        if (!p) throw new Error(`no persona named '${displayName}' in the e2e snapshot`);
        return p;
      };
      const admin = list.find((p) => p.admin && p.groups.includes('triage'));
      const developer = list.find((p) => !p.admin && p.groups.includes('developers') && !p.groups.includes('triage'));
      if (!admin || !developer) throw new Error('the e2e snapshot needs an admin in triage and a developer outside it');
      await use({ admin, developer, byName });
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ sandbox }, use) => {
    await use(sandbox.url);
  },
  writable: async ({ sandbox }, use) => {
    await sandbox.ctx.checkpoint();
    await use(sandbox);
    await sandbox.ctx.restore();
  },
  signIn: async ({ page }, use) => {
    await use(async (persona) => {
      await page.goto('/login');
      await page.getByRole('button', { name: persona.displayName, exact: true }).click();
      await expect(page.getByTestId('current-persona')).toHaveText(persona.displayName);
      return page;
    });
  },
});

/**
 * Keeps a screenshot (of the page, the full page, or one element) as a test artefact, and as
 * docs/screenshots/NAME.png when UNDERSTUDY_DOC_SCREENSHOTS=1 (how the README's images are made).
 */
export const keepScreenshot = async (target: Page | Locator, testInfo: TestInfo, name: string, fullPage = false): Promise<void> => {
  const body = 'goto' in target ? await target.screenshot({ fullPage }) : await target.screenshot();
  await testInfo.attach(name, { body, contentType: 'image/png' });
  if (process.env.UNDERSTUDY_DOC_SCREENSHOTS === '1') {
    await mkdir('docs/screenshots', { recursive: true });
    await writeFile(`docs/screenshots/${name}.png`, body);
  }
};

export { expect };
