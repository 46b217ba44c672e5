/**
 * Workflows through Jira Cloud's current API: a read → change → update → revert round trip with
 * the version token (409 on a stale one), status mappings (refused without them, an async task
 * when issues move), the validation calls, create and delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { errorText, hashOf, personaOf, runCase, waitForStatus, waitForTask, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const W = '/rest/api/3/workflows';
const BUG = '10100';

const read = async (ids: string[], x: Harness = h) => (await x.call('POST', W, { as: personaOf(x, 'admin'), body: { workflowIds: ids } })).body;

/** The bug workflow with "Needs Triage" in front of Open: new bugs start there, "Accept" moves them on. */
const withTriage = (wf: any) => ({
  ...wf,
  statuses: [{ statusReference: 'triage-ref', layout: { x: -200, y: 0 }, properties: {} }, ...wf.statuses],
  transitions: [
    ...wf.transitions.map((t: any) => (t.type === 'INITIAL' ? { ...t, toStatusReference: 'triage-ref' } : t)),
    {
      name: 'Accept',
      type: 'DIRECTED',
      toStatusReference: '1',
      links: [{ fromStatusReference: 'triage-ref', fromPort: 0, toPort: 0 }],
      actions: [],
      validators: [],
      conditions: { operation: 'ALL', conditions: [], conditionGroups: [] },
    },
  ],
});
const update = (wfs: any[], statuses: any[] = []) => ({ statuses, workflows: wfs });
const triageStatus = { statusReference: 'triage-ref', name: 'Needs Triage', statusCategory: 'TODO', description: 'Not yet looked at' };

describe('workflows: update with the version token, then revert', () => {
  it('reads version 1, updates to version 2, refuses the stale token, reverts with a status mapping, and the hash returns', async () => {
    const start = await hashOf(h);
    const {
      workflows: [bug],
      statuses,
    } = await read([BUG]);
    expect(bug.version.versionNumber).toBe(1);
    expect(statuses.length).toBeGreaterThan(3);

    const res = await runCase(h, {
      name: 'update',
      method: 'POST',
      path: `${W}/update`,
      body: update([withTriage(bug)], [triageStatus]),
      status: 200,
    });
    expect(res.body.taskId).toBeUndefined();
    const [wf2] = res.body.workflows;
    expect(wf2.version.versionNumber).toBe(2);
    expect(wf2.version.id).not.toBe(bug.version.id);
    const triage = res.body.statuses.find((s: any) => s.name === 'Needs Triage');
    expect(triage).toMatchObject({ statusCategory: 'TODO', statusReference: triage.id });
    expect(wf2.statuses[0].statusReference).toBe(triage.id);
    const accept = wf2.transitions.find((t: any) => t.name === 'Accept');
    expect(Number(accept.id)).toBeGreaterThan(121);

    const back = (await read([BUG])).workflows[0];
    expect(back.version).toEqual(wf2.version);
    expect(back.statuses.map((s: any) => s.statusReference)).toEqual(wf2.statuses.map((s: any) => s.statusReference));
    const legacy = await h.call('GET', '/rest/api/3/workflow/search?workflowName=Acme%20Bug%20Workflow&expand=statuses,transitions', {
      as: personaOf(h, 'admin'),
    });
    expect(legacy.body.values[0].statuses.map((s: any) => s.name)).toContain('Needs Triage');
    const meta = await h.call('GET', '/rest/api/3/project/WEB/statuses', { as: personaOf(h, 'admin') });
    expect(meta.body.find((t: any) => t.name === 'Bug').statuses.map((s: any) => s.name)).toContain('Needs Triage');

    await runCase(h, {
      name: 'stale token',
      method: 'POST',
      path: `${W}/update`,
      body: update([{ ...withTriage(bug), version: bug.version }], [triageStatus]),
      status: 409,
      error: 'Workflow version and version token must match.',
    });
    await runCase(h, {
      name: 'no version',
      method: 'POST',
      path: `${W}/update`,
      body: update([{ ...bug, version: undefined }]),
      status: 400,
      error: 'version',
    });

    const revert = { ...bug, version: wf2.version };
    const missing = await runCase(h, {
      name: 'revert without mappings',
      method: 'POST',
      path: `${W}/update`,
      body: update([revert]),
      status: 400,
      error: 'Status mappings are missing for project WEB',
    });
    expect(errorText(missing.body)).toContain('Needs Triage');
    await runCase(h, {
      name: 'mapping to a status outside the workflow',
      method: 'POST',
      path: `${W}/update`,
      body: update([{ ...revert, defaultStatusMappings: [{ oldStatusReference: triage.id, newStatusReference: '10000' }] }]),
      status: 400,
      error: 'must lead to a status of workflow',
    });

    const validation = await h.call('POST', `${W}/update/validation`, { as: personaOf(h, 'admin'), body: { payload: update([revert]) } });
    expect(validation.status).toBe(200);
    expect(validation.body.errors).toEqual([expect.objectContaining({ level: 'ERROR', type: 'STATUS_MAPPING', code: 'MISSING_STATUS_MAPPING' })]);
    const fine = await h.call('POST', `${W}/update/validation`, {
      as: personaOf(h, 'admin'),
      body: { payload: update([{ ...revert, defaultStatusMappings: [{ oldStatusReference: triage.id, newStatusReference: '1' }] }]) },
    });
    expect(fine.body).toEqual({ errors: [] });

    const reverted = await runCase(h, {
      name: 'revert',
      method: 'POST',
      path: `${W}/update`,
      body: update([{ ...revert, defaultStatusMappings: [{ oldStatusReference: triage.id, newStatusReference: '1' }] }]),
      status: 200,
    });
    expect(reverted.body.workflows[0].version.versionNumber).toBe(3);
    await runCase(h, { name: 'delete the status', method: 'DELETE', path: `/rest/api/3/statuses?id=${triage.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
    expect((await read([BUG])).workflows[0].version.versionNumber).toBe(3);
  });
});

describe('workflows: refusals change nothing', () => {
  const cases = async (): Promise<AdminCase[]> => {
    const {
      workflows: [bug],
    } = await read([BUG]);
    return [
      {
        name: 'a developer (401, as the current workflow API answers)',
        as: 'dev',
        method: 'POST',
        path: `${W}/update`,
        body: update([bug]),
        status: 401,
      },
      { name: 'anonymous', as: 'anon', method: 'POST', path: `${W}/update`, body: update([bug]), status: 401 },
      {
        name: 'an unknown workflow',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, id: 'nope' }]),
        status: 404,
        error: 'The workflow was not found.',
      },
      {
        name: 'a transition to an unknown status reference',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, transitions: [...bug.transitions, { name: 'Lost', type: 'GLOBAL', toStatusReference: 'nowhere', links: [] }] }]),
        status: 400,
        error: "The status reference 'nowhere'",
      },
      {
        name: 'a transition to a status outside the workflow',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, transitions: [...bug.transitions, { name: 'Elsewhere', type: 'GLOBAL', toStatusReference: '10000', links: [] }] }]),
        status: 400,
        error: 'goes to a status that is not in the workflow',
      },
      {
        name: 'no initial transition (the model refuses it)',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, transitions: bug.transitions.filter((t: any) => t.type !== 'INITIAL') }]),
        status: 400,
        error: 'has no initial transition',
      },
      {
        name: "an app's rule",
        method: 'POST',
        path: `${W}/update`,
        body: update([
          {
            ...bug,
            transitions: bug.transitions.map((t: any, i: number) =>
              i === 1 ? { ...t, validators: [{ ruleKey: 'connect:expression-validator', parameters: {} }] } : t,
            ),
          },
        ]),
        status: 400,
        error: 'built-in workflow rules only',
      },
      {
        name: 'two transitions with one id',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, transitions: [...bug.transitions, { ...bug.transitions[1] }] }]),
        status: 400,
        error: 'two transitions with the ID',
      },
      {
        name: 'a bad transition type',
        method: 'POST',
        path: `${W}/update`,
        body: update([{ ...bug, transitions: [{ ...bug.transitions[0], type: 'LOOP' }] }]),
        status: 400,
        error: 'INITIAL, GLOBAL or DIRECTED',
      },
      {
        name: 'create: a taken name',
        method: 'POST',
        path: `${W}/create`,
        body: {
          scope: { type: 'GLOBAL' },
          statuses: [],
          workflows: [
            {
              name: 'acme bug workflow',
              statuses: [{ statusReference: '1', properties: {} }],
              transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: '1', links: [] }],
            },
          ],
        },
        status: 400,
        error: "A workflow with the name 'acme bug workflow' already exists.",
      },
      {
        name: 'create: a status with a taken name',
        method: 'POST',
        path: `${W}/create`,
        body: {
          scope: { type: 'GLOBAL' },
          statuses: [{ statusReference: 'r', name: 'Open', statusCategory: 'TODO' }],
          workflows: [
            {
              name: 'Fresh',
              statuses: [{ statusReference: 'r', properties: {} }],
              transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: 'r', links: [] }],
            },
          ],
        },
        status: 400,
        error: "A status with the name 'Open' already exists.",
      },
      {
        name: 'create by a developer',
        as: 'dev',
        method: 'POST',
        path: `${W}/create`,
        body: { scope: { type: 'GLOBAL' }, statuses: [], workflows: [] },
        status: 401,
      },
      {
        name: 'delete of an active workflow',
        method: 'DELETE',
        path: `/rest/api/3/workflow/${BUG}`,
        status: 400,
        error: 'Cannot delete an active workflow.',
      },
      {
        name: 'delete of an unknown workflow',
        method: 'DELETE',
        path: '/rest/api/3/workflow/nope',
        status: 404,
        error: 'The workflow was not found.',
      },
      { name: 'delete by a developer', as: 'dev', method: 'DELETE', path: `/rest/api/3/workflow/${BUG}`, status: 403 },
    ];
  };
  it("each refusal answers in Jira's words and leaves the hash", async () => {
    for (const c of await cases()) await runCase(h, c);
  });
});

describe('workflows: create, then delete', () => {
  it('creates a workflow with a new status, reads it back at version 1, deletes it while inactive; the hash returns', async () => {
    const start = await hashOf(h);
    const body = {
      scope: { type: 'GLOBAL' },
      statuses: [
        { statusReference: 'a', name: 'Queued', statusCategory: 'TODO' },
        { statusReference: '10002', id: '10002', name: 'Done', statusCategory: 'DONE' },
      ],
      workflows: [
        {
          name: 'Simple Flow',
          description: 'Queued, then done',
          statuses: [
            { statusReference: 'a', properties: {} },
            { statusReference: '10002', properties: {} },
          ],
          transitions: [
            { name: 'Create', type: 'INITIAL', toStatusReference: 'a', links: [] },
            {
              name: 'Finish',
              type: 'DIRECTED',
              toStatusReference: '10002',
              links: [{ fromStatusReference: 'a' }],
              validators: [{ ruleKey: 'system:CommentRequiredValidator', parameters: {} }],
            },
          ],
        },
      ],
    };
    const res = await runCase(h, { name: 'create', method: 'POST', path: `${W}/create`, body, status: 200 });
    const wf = res.body.workflows[0];
    expect(wf.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(wf.version.versionNumber).toBe(1);
    expect(wf.transitions.map((t: any) => t.id)).toEqual(['1', '11']);
    expect(wf.transitions[1].validators[0].ruleKey).toBe('system:CommentRequiredValidator');
    const back = (await read([wf.id])).workflows[0];
    expect(back.name).toBe('Simple Flow');
    expect((await h.call('GET', '/rest/api/2/workflow', { as: personaOf(h, 'admin') })).body.map((w: any) => w.name)).toContain('Simple Flow');
    await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/workflow/${wf.id}`, status: 204 });
    const queued = res.body.statuses.find((s: any) => s.name === 'Queued');
    await runCase(h, { name: 'delete the status', method: 'DELETE', path: `/rest/api/3/statuses?id=${queued.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });
});

describe('workflows: removing a status that holds issues is a task', () => {
  it('answers with a taskId; the old workflow serves until the task runs; then the issues moved, with history', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const admin = personaOf(x, 'admin');
      const {
        workflows: [bug],
      } = await read([BUG], x);
      const added = await x.call('POST', `${W}/update`, { as: admin, body: update([withTriage(bug)], [triageStatus]) });
      const triage = added.body.statuses.find((s: any) => s.name === 'Needs Triage');
      const created = await x.call('POST', '/rest/api/3/issue', {
        as: admin,
        body: { fields: { project: { key: 'WEB' }, issuetype: { name: 'Bug' }, summary: 'Starts in triage', priority: { name: 'Medium' } } },
      });
      expect(created.status, created.text).toBe(201);
      expect((await x.call('GET', `/rest/api/3/issue/${created.body.key}?fields=status`, { as: admin })).body.fields.status.name).toBe(
        'Needs Triage',
      );

      await fetch(`${x.url}/_understudy/tasks/hold`, { method: 'POST' });
      const revert = {
        ...bug,
        version: added.body.workflows[0].version,
        defaultStatusMappings: [{ oldStatusReference: triage.id, newStatusReference: '1' }],
      };
      const res = await x.call('POST', `${W}/update`, { as: admin, body: update([revert]) });
      expect(res.status).toBe(200);
      expect(res.body.taskId).toMatch(/^\d+$/);
      expect(res.body.workflows[0].version.versionNumber).toBe(3);
      const running = await waitForStatus(x, `/rest/api/3/task/${res.body.taskId}`, 'RUNNING');
      expect(running).toMatchObject({ status: 'RUNNING', progress: 0 });
      // Nothing has changed yet: a client that does not wait sees the old workflow.
      expect((await read([BUG], x)).workflows[0].version.versionNumber).toBe(2);
      expect((await x.call('GET', `/rest/api/3/issue/${created.body.key}?fields=status`, { as: admin })).body.fields.status.name).toBe(
        'Needs Triage',
      );
      await runCase(x, {
        name: 'a second update while the task runs',
        method: 'POST',
        path: `${W}/update`,
        body: update([revert]),
        status: 409,
        error: 'Failed to acquire lock',
      });
      await fetch(`${x.url}/_understudy/tasks/release`, { method: 'POST' });
      const done = await waitForTask(x, `/rest/api/3/task/${res.body.taskId}`);
      expect(done).toMatchObject({ status: 'COMPLETE', progress: 100, result: { issuesMigrated: 1 } });
      const issue = (await x.call('GET', `/rest/api/3/issue/${created.body.key}?expand=changelog`, { as: admin })).body;
      expect(issue.fields.status.name).toBe('Open');
      expect(issue.changelog.histories.at(-1).items[0]).toMatchObject({ field: 'status', fromString: 'Needs Triage', toString: 'Open' });
      expect((await read([BUG], x)).workflows[0].version.versionNumber).toBe(3);
    } finally {
      await x.close();
    }
  });
});

describe('workflows: the admin UI shows what the REST API changed', () => {
  it('a status added through /workflows/update is drawn in the workflow page, and gone after the revert', async () => {
    const x = await startSandbox('fixtures/acme', { withUi: true });
    try {
      const as = personaOf(x, 'admin');
      const page = async () =>
        (
          await x.call('GET', '/secure/admin/workflows/ViewWorkflowSteps.jspa?workflowName=Acme%20Bug%20Workflow', {
            as,
            headers: { accept: 'text/html' },
          })
        ).text;
      expect(await page()).not.toContain('Needs Triage');
      const {
        workflows: [bug],
      } = await read([BUG], x);
      const added = await x.call('POST', `${W}/update`, { as, body: update([withTriage(bug)], [triageStatus]) });
      expect(added.status).toBe(200);
      expect(await page()).toContain('Needs Triage');
      const triage = added.body.statuses.find((s: any) => s.name === 'Needs Triage');
      await x.call('POST', `${W}/update`, {
        as,
        body: update([
          { ...bug, version: added.body.workflows[0].version, defaultStatusMappings: [{ oldStatusReference: triage.id, newStatusReference: '1' }] },
        ]),
      });
      expect(await page()).not.toContain('Needs Triage');
    } finally {
      await x.close();
    }
  });
});
