import { test as base } from '@playwright/test';
import { createApp } from '../../server/http/app.ts';
import { listen } from '../../server/http/listen.ts';
import { readSnapshot } from '../../server/store/snapshot-read.ts';
import type { Config } from '../../server/model/types.ts';

export interface Sandbox { url: string; config: Config }

/** One sandbox per worker, over a snapshot read into memory (tests that write get their own). */
export const test = base.extend<object, { sandbox: Sandbox }>({
  sandbox: [
    async ({}, use) => {
      const snap = await readSnapshot(process.env.UNDERSTUDY_E2E_SNAPSHOT ?? 'fixtures/tiny');
      if (!snap.config || snap.problems.length) throw new Error(`cannot read the e2e snapshot: ${snap.problems.map((p) => p.message).join('; ')}`);
      const state = { config: snap.config, issues: snap.issues };
      const server = await listen(createApp({ state: () => state }));
      await use({ url: server.url, config: state.config });
      await server.close();
    },
    { scope: 'worker' },
  ],
});
export { expect } from '@playwright/test';
