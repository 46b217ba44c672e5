/**
 * An admin script written with jira.js 5.4.0's own admin methods (admin-script.ts) runs against
 * the sandbox unchanged: every kind of entity created, changed and removed, existing ones changed
 * and put back — and the canonical hash afterwards is the one before.
 */
import { Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { runAdminScript } from './admin-script.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const hash = async () => ((await (await fetch(`${h.url}/_understudy/hash`)).json()) as { hash: string }).hash;

describe('jira.js 5.4.0 admin methods', () => {
  it('create, change and remove one entity of each kind, undo changes to existing ones: the hash is as before', async () => {
    const admin = h.personas.find((p) => p.admin)!;
    const client = new Version3Client({ host: h.url, authentication: { basic: { email: admin.email, apiToken: admin.token } } });
    const before = await hash();
    const auditBefore = h.ctx.tracker.admin.records().audit.length;
    const done = await runAdminScript(client, admin.accountId);
    expect(done.at(-1)).toBe('audit log read');
    expect(done.length).toBeGreaterThan(80);
    expect(await hash()).toBe(before);
    // Every change is in the audit log (history, outside the hash).
    expect(h.ctx.tracker.admin.records().audit.length - auditBefore).toBeGreaterThan(60);
  }, 120_000);

  it('a non-admin running the same script is refused at the first write, and nothing changed', async () => {
    const dev = h.personas.find((p) => !p.admin && p.groups.includes('developers'))!;
    const client = new Version3Client({ host: h.url, authentication: { basic: { email: dev.email, apiToken: dev.token } } });
    const before = await hash();
    await expect(runAdminScript(client, dev.accountId)).rejects.toMatchObject({ status: 403 });
    expect(await hash()).toBe(before);
  });
});
