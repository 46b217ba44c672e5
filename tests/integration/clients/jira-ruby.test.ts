/** jira-ruby 2.1.5 (Debian's ruby-jira), unmodified, runs an everyday script against the sandbox. */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { everydayGrants } from '../everyday/tiny-grants.ts';
import { LIBS, missing, runScript } from './client-scripts.ts';
import { expectEveryday } from './everyday-expect.ts';

const why = missing(LIBS.ruby);
let h: Harness;
beforeAll(async () => {
  if (!why) h = await startSandbox('fixtures/tiny', { patch: everydayGrants });
});
afterAll(async () => {
  await h?.close();
});

describe.skipIf(why !== undefined)(`jira-ruby 2.1.5${why ? ` (skipped: ${why})` : ''}`, () => {
  it('connect, search with paging, get with expand, createmeta, create, edit, comments, transition, assign, watchers, links, attachments, worklogs, filters, boards, versions, group members, permissions, errors', async () => {
    const out = await runScript(LIBS.ruby, h, 'u-bob', 'u-alice');
    expectEveryday(out, h);
  }, 120_000);
});
