/**
 * apply → migrate:status --url → migrate:down --url against a sandbox playing production (Cloud):
 * the triage migration (a status and a workflow change) is carried out, production then answers
 * as a sandbox migrated by the engine does (ids Jira assigned aside), the ledger says so, and the
 * backout from the ledger alone brings back exactly the original state (canonical hash).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProductionDown, runProductionStatus } from '../../../server/apply/index.ts';
import { makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';
import { compareAnswers, migratedSandbox } from '../../helpers/apply-reference.ts';
import type { Harness } from '../http/harness.ts';

const M1 = '20261101-090000-add-needs-triage';
const hashOf = async (h: Harness): Promise<string> => ((await (await fetch(`${h.url}/_understudy/hash`)).json()) as { hash: string }).hash;

let ws: ApplyWorkspace;
let original: string;
beforeAll(async () => {
  ws = await makeApplyWorkspace();
  original = await hashOf(ws.prod);
});
afterAll(async () => {
  await ws.cleanup();
});

describe('apply, status and down on production', () => {
  it('applies the triage migration: exit 0, every step read back, the ledger and the report say so', async () => {
    const r = await ws.apply(['--yes', '--to', M1]);
    expect(r.out).toMatch(/✔ \[1\/2\] create the status 'Needs Triage'/);
    expect(r.out).toMatch(/✔ \[2\/2\] update the workflow 'Acme Bug Workflow'/);
    expect(r.out).toMatch(/✔ applied to http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s: every step read back as planned/);
    expect(r.code).toBe(0);
    const md = await readFile(join(ws.report, 'apply-report.md'), 'utf8');
    expect(md).toMatch(/outcome: \*\*applied\*\*/);
    expect(md).toMatch(/\| 20261101-090000-add-needs-triage#2: update the workflow 'Acme Bug Workflow' \| migrate \| automatic \| done \|/);
    expect(md).not.toContain(ws.env.JIRA_API_TOKEN!);
    const journal = await readFile(join(ws.dir, '.understudy', 'production', `127.0.0.1-${new URL(ws.prod.url).port}`, 'journal.json'), 'utf8');
    expect(journal).not.toContain(ws.env.JIRA_API_TOKEN!);
    expect(journal).not.toContain(ws.env.JIRA_EMAIL!);
    // The journal maps what Jira created to the id Jira gave it, by content.
    const created = ws.prod.ctx.tracker.config.statuses.find((s) => s.name === 'Needs Triage')!.id;
    expect(JSON.parse(journal).steps['20261101-090000-add-needs-triage#1'].ids).toEqual({ 'statuses/Needs Triage': created });
  }, 120_000);

  it('production then answers as a sandbox migrated by the engine, ids Jira assigned aside', async () => {
    const ref = await migratedSandbox([M1]);
    try {
      const dev =
        ws.prod.personas.find((p) => !p.admin && p.groups.includes('triage'))?.accountId ?? ws.prod.personas.find((p) => !p.admin)!.accountId;
      const admin = ws.prod.personas.find((p) => p.admin)!.accountId;
      const bug = ws.prod.ctx.tracker.issues.find((i) => i.project === 'WEB' && i.issueType === '1' && i.status === '1')!.key;
      expect(
        await compareAnswers(ws.prod, ref, admin, [
          '/rest/api/3/status',
          '/rest/api/3/workflows/search',
          '/rest/api/3/project/WEB/statuses',
          `/rest/api/3/issue/${bug}/transitions`,
        ]),
      ).toEqual([]);
      expect(await compareAnswers(ws.prod, ref, dev, [`/rest/api/3/issue/${bug}/transitions`, `/rest/api/2/issue/${bug}/transitions`])).toEqual([]);
    } finally {
      await ref.close();
    }
  }, 60_000);

  it('migrate:status --url says what was applied, when, by whom, and that production still matches', async () => {
    const r = await ws.run(runProductionStatus, ['--url', ws.prod.url]);
    expect(r.out).toMatch(new RegExp(`applied  ${M1}  \\d{4}-\\d\\d-\\d\\dT[^ ]+ by .+ — 2 steps`));
    expect(r.out).toMatch(/production still matches what apply left/);
    expect(r.code).toBe(0);
  }, 60_000);

  it('migrate:down --url --steps 1 backs it out from the ledger and production is exactly as before', async () => {
    const r = await ws.run(runProductionDown, ['--url', ws.prod.url, '--steps', '1']);
    expect(r.out).toMatch(/backing out 1 migration from http/);
    expect(r.out).toMatch(/✔ \[1\/2\] undo: update the workflow 'Acme Bug Workflow'/);
    expect(r.out).toMatch(/✔ \[2\/2\] undo: create the status 'Needs Triage'/);
    expect(r.code).toBe(0);
    expect(await hashOf(ws.prod)).toBe(original);
    const s = await ws.run(runProductionStatus, ['--url', ws.prod.url]);
    expect(s.out).toMatch(new RegExp(`reverted ${M1} .*; reverted .* by `));
    const again = await ws.run(runProductionDown, ['--url', ws.prod.url]);
    expect(again.out).toMatch(/nothing to back out/);
    expect(again.code).toBe(0);
  }, 120_000);
});
