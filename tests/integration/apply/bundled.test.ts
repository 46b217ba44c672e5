/**
 * The bundled change set (migrations/ against fixtures/acme) carried to a sandbox playing
 * production (Cloud) after the bundled green rehearsal: apply exits 0 and production then answers
 * through REST as a sandbox on the snapshot migrated by the engine does (ids Jira assigned, history
 * and `updated` aside: apply does not replay history, the proof says so); `migrate:down --url
 * --steps 6` then brings back exactly the original answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProductionDown } from '../../../server/apply/index.ts';
import { makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';
import { startSandbox } from '../http/harness.ts';
import { compareAnswers, migratedSandbox } from '../../helpers/apply-reference.ts';
import type { Harness } from '../http/harness.ts';

let ws: ApplyWorkspace;
let ref: Harness;
beforeAll(async () => {
  ws = await makeApplyWorkspace();
  ref = await migratedSandbox();
});
afterAll(async () => {
  await ref.close();
  await ws.cleanup();
});

const questions = (h: Harness): string[] => {
  const c = h.ctx.tracker.config;
  const field = (name: string) => c.fields.find((f) => f.name === name)!;
  const incident = c.screens.find((s) => s.name === 'Incident Screen')!;
  const sd = c.fieldConfigurations.find((f) => f.name === 'Service Desk Field Configuration')!;
  return [
    '/rest/api/3/status',
    '/rest/api/3/resolution',
    '/rest/api/3/priority',
    '/rest/api/3/workflows/search',
    '/rest/api/3/permissionscheme?expand=permissions',
    '/rest/api/3/filter/search?expand=jql,sharePermissions,owner&maxResults=100',
    '/rest/api/3/project/MOB/versions',
    '/rest/api/3/project/WEB/statuses',
    `/rest/api/3/field/${field('Browser').id}/context/${field('Browser').contexts[0]!.id}/option`,
    `/rest/api/3/field/${field('Office Location').id}/context/defaultValue`,
    `/rest/api/3/screens/${incident.id}/tabs/${incident.tabs[0]!.id}/fields`,
    `/rest/api/3/fieldconfiguration/${sd.id}/fields?maxResults=200`,
    '/rest/api/3/issue/createmeta/HELP/issuetypes',
    '/rest/agile/1.0/board',
  ];
};

describe('the bundled change set on production', () => {
  it('apply exits 0, every step read back as planned', async () => {
    const r = await ws.apply(['--yes']);
    expect(r.out).toMatch(/production plan for Jira Cloud: 6 migrations, 17 steps/);
    expect(r.out).toMatch(/✔ applied to .* every step read back as planned/);
    expect(r.out).toMatch(/production ledger: 6 migrations applied on this site/);
    expect(r.code).toBe(0);
  }, 300_000);

  it('production answers as the engine-migrated sandbox, for an admin and a developer, issues included', async () => {
    const admin = ws.prod.personas.find((p) => p.admin)!.accountId;
    const dev = ws.prod.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
    expect(await compareAnswers(ws.prod, ref, admin, questions(ws.prod))).toEqual([]);
    expect(
      await compareAnswers(ws.prod, ref, dev, [
        '/rest/api/3/status',
        '/rest/api/3/resolution',
        '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=SEC',
      ]),
    ).toEqual([]);
    expect(values(ws.prod)).toEqual(values(ref));
  }, 120_000);

  it('migrate:down --url --steps 6 brings back exactly the original answers', async () => {
    const d = await ws.run(runProductionDown, ['--url', ws.prod.url, '--steps', '6']);
    expect(d.out).toMatch(/backing out 6 migrations/);
    expect(d.out).toMatch(/✔ backed out to .* every step read back as planned/);
    expect(d.code).toBe(0);
    const original = await startSandbox('fixtures/acme');
    try {
      const admin = ws.prod.personas.find((p) => p.admin)!.accountId;
      const dev = ws.prod.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
      expect(await compareAnswers(ws.prod, original, admin, questions(ws.prod))).toEqual([]);
      expect(await compareAnswers(ws.prod, original, dev, ['/rest/api/3/status', '/rest/api/3/resolution', '/rest/api/3/project/SEC'])).toEqual([]);
      expect(values(ws.prod)).toEqual(values(original));
    } finally {
      await original.close();
    }
  }, 300_000);
});

// Issue values the change set writes, every issue: resolution, Browser, Office Location.
const values = (h: Harness) =>
  h.ctx.tracker.issues.map((i) => [
    i.key,
    h.ctx.tracker.config.resolutions.find((r) => r.id === i.resolution)?.name ?? null,
    ...['customfield_10013', 'customfield_10045'].map(
      (f) =>
        h.ctx.tracker.config.fields
          .find((x) => x.id === f)!
          .contexts.flatMap((c) => c.options ?? [])
          .find((o) => o.id === i.customFields[f])?.value ?? null,
    ),
  ]);
