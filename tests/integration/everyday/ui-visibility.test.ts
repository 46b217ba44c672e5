/** The web UI's issue view shows a restricted comment only to its role, as the REST API does. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSandboxApp, createSandboxContext, loadUiRouter } from '../../../server/http/app.ts';
import { listen, type Listening } from '../../../server/http/listen.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { PERSONA_COOKIE, personaCookieValue } from '../../../server/common/sandbox-names.ts';

let server: Listening;
let cookieOf: (accountId: string) => string;
beforeAll(async () => {
  const snap = await readSnapshot('fixtures/tiny');
  const ctx = createSandboxContext({ state: structuredClone({ config: snap.config!, issues: snap.issues }), now: '2025-06-01T12:00:00.000Z' });
  cookieOf = (accountId) => `${PERSONA_COOKIE}=${personaCookieValue(ctx.personas().find((p) => p.accountId === accountId)!)}`;
  ctx.tracker.addComment('u-bob', 'ACME-1', 'for developers only', { type: 'role', value: 'Developers' });
  server = await listen(buildSandboxApp(ctx, await loadUiRouter()));
});
afterAll(async () => {
  await server.close();
});

it.each([
  ['u-erin', true],
  ['u-dave', false],
] as const)('%s sees the restricted comment: %s', async (who, sees) => {
  const page = await (await fetch(`${server.url}/browse/ACME-1`, { headers: { cookie: cookieOf(who) } })).text();
  expect(page).toContain('ACME-1');
  expect(page.includes('for developers only')).toBe(sees);
});
