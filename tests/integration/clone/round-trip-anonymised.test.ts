/**
 * The round trip through msw, anonymised (the default): clone the emulated Jira Cloud (acme, 3,000
 * issues), start the sandbox on the snapshot, and for the same personas the REST API answers the
 * same structure — visible projects, issues with their status, type, priority, assignee and reporter,
 * permissions, transitions, edit screens, fields, boards and filters — modulo anonymised names and texts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runClone } from '../../../server/clone/command.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { CLOUD, emulate, prodEnv, stopEmulated, stopMsw, type Emulated } from './emulator.ts';
import { recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

let e: Emulated;
let copy: Harness;
let out: string;

beforeAll(async () => {
  e = await emulate({ fixture: 'fixtures/acme' });
  out = join(await tempDir('anon-rt'), 'clone');
  await runClone(
    {
      from: 'jira',
      url: CLOUD,
      out,
      issuesPerBucket: 10_000,
      maxIssues: 10_000,
      anonymize: true,
      resume: false,
      concurrency: 4,
      env: prodEnv(CLOUD),
    },
    recordingIo(),
  );
  copy = await startSandbox(out);
}, 120_000);
afterAll(async () => {
  await copy?.close();
  await stopEmulated(e);
  stopMsw();
});
afterAll(removeTempDirs);

const PERMISSIONS = 'BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,TRANSITION_ISSUES,ASSIGN_ISSUES,DELETE_ISSUES,ADD_COMMENTS,ADMINISTER';

/** What a persona sees, without names and texts. */
const structure = async (h: Harness, who: string, sampleKeys: string[]) => {
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await h.call(method, path, { as: who, ...(body ? { body } : {}) });
    return r.body as any;
  };
  const issues = await call('POST', '/rest/api/3/search/jql', {
    jql: 'ORDER BY key ASC',
    fields: ['status', 'issuetype', 'priority', 'assignee', 'reporter'],
    maxResults: 5000,
  });
  return {
    projects: ((await call('GET', '/rest/api/3/project')) as any[]).map((p) => p.key).sort(),
    issues: (issues.issues as any[]).map((i) => [
      i.key,
      i.fields.status?.id,
      i.fields.issuetype?.id,
      i.fields.priority?.id ?? null,
      i.fields.assignee?.accountId ?? null,
      i.fields.reporter?.accountId ?? null,
    ]),
    permissions: Object.fromEntries(
      Object.entries((await call('GET', `/rest/api/3/mypermissions?permissions=${PERMISSIONS}`)).permissions).map(([k, v]: [string, any]) => [
        k,
        v.havePermission,
      ]),
    ),
    fields: ((await call('GET', '/rest/api/3/field')) as any[]).map((f) => f.id).sort(),
    boards: ((await call('GET', '/rest/agile/1.0/board')).values as any[]).map((b) => b.id),
    filters: ((await call('GET', '/rest/api/3/filter/search?maxResults=100')).values as any[]).map((f) => f.id),
    transitions: await Promise.all(
      sampleKeys.map(async (k) => ((await call('GET', `/rest/api/3/issue/${k}/transitions`)).transitions ?? []).map((t: any) => [t.id, t.to?.id])),
    ),
    editable: await Promise.all(sampleKeys.map(async (k) => Object.keys((await call('GET', `/rest/api/3/issue/${k}/editmeta`)).fields ?? {}).sort())),
  };
};

describe('the anonymised clone of an emulated Jira Cloud serves the same tracker', () => {
  it('is valid and anonymised', async () => {
    expect(await snapshotErrors(out)).toEqual([]);
    // People are anonymised; service accounts (bots) keep their names by the anonymiser's design.
    const names = new Set(e.sandbox.ctx.tracker.config.users.filter((u) => !u.serviceAccount).map((u) => u.displayName));
    const emails = new Set(e.sandbox.personas.map((p) => p.email));
    expect(copy.personas.filter((p) => names.has(p.displayName)).map((p) => p.displayName)).toEqual([]);
    expect(copy.personas.filter((p) => emails.has(p.email)).map((p) => p.email)).toEqual([]);
  });

  it('same personas, same structure of answers', async () => {
    const ids = (h: Harness) => h.personas.map((p) => p.accountId).sort();
    expect(ids(copy)).toEqual(ids(e.sandbox));
    const admin = e.sandbox.personas.find((p) => p.admin)!.accountId;
    const dev = e.sandbox.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
    const other = e.sandbox.personas.find((p) => !p.admin && !p.groups.includes('developers'))!.accountId;
    const keys = e.sandbox.ctx.tracker.issues.filter((_, i) => i % 300 === 0).map((i) => i.key);
    for (const who of [admin, dev, other]) {
      const [a, b] = await Promise.all([structure(e.sandbox, who, keys), structure(copy, who, keys)]);
      expect(a.issues.length).toBeGreaterThan(0);
      expect(b, who).toEqual(a);
    }
  }, 120_000);
});
