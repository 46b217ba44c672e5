/** Projects (create, update, archive, restore, trash and back, delete for good as a task) and bulk issue operations through the queue. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, waitForTask, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme', { withUi: true });
});
afterAll(async () => {
  await h.close();
});

const get = async (path: string, as = 'admin') => (await h.call('GET', path, { as: personaOf(h, as) })).body;

describe('projects', () => {
  it('create with the schemes of another project, read back through REST and the UI, update, delete; the hash returns', async () => {
    const start = await hashOf(h);
    const web = await get('/rest/api/3/project/WEB');
    const schemes = {
      permissionScheme: 10000,
      notificationScheme: 10000,
      workflowScheme: 10000,
      issueTypeScheme: 10000,
      issueTypeScreenScheme: 10000,
      fieldConfigurationScheme: 10000,
    };
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'PAY', name: 'Payments', projectTypeKey: 'software', leadAccountId: web.lead.accountId, description: 'Card payments', ...schemes },
      status: 201,
    });
    expect(made.body).toMatchObject({ key: 'PAY', self: expect.stringContaining('/rest/api/3/project/') });
    expect(await get('/rest/api/3/project/PAY')).toMatchObject({
      key: 'PAY',
      name: 'Payments',
      description: 'Card payments',
      lead: { accountId: web.lead.accountId },
    });
    expect((await get('/rest/api/3/project/PAY/permissionscheme')).id).toBe(10000);
    // The lead is in the new project's Administrators role, so the project page lists it for them.
    const page = await h.call('GET', '/projects', { as: web.lead.accountId, headers: { accept: 'text/html' } });
    expect(page.text).toContain('Payments');
    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: '/rest/api/3/project/PAY',
      body: { name: 'Payments & Billing', description: '' },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.name).toBe('Payments & Billing');
      },
    });
    await runCase(h, { name: 'archive', method: 'POST', path: '/rest/api/3/project/PAY/archive', status: 204 });
    expect((await get('/rest/api/3/project/PAY')).archived).toBe(true);
    await runCase(h, { name: 'restore', method: 'POST', path: '/rest/api/3/project/PAY/restore', status: 200 });
    await runCase(h, { name: 'delete for good', method: 'DELETE', path: '/rest/api/3/project/PAY?enableUndo=false', status: 204 });
    expect((await h.call('GET', '/rest/api/3/project/PAY', { as: personaOf(h, 'admin') })).status).toBe(404);
    expect(await hashOf(h)).toBe(start);
  });

  it('a project and its issues go to the trash and come back exactly', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const web = (await x.call('GET', '/rest/api/3/project/WEB', { as })).body;
      const lead = web.lead.accountId;
      const schemes = {
        permissionScheme: 10000,
        notificationScheme: 10000,
        workflowScheme: 10000,
        issueTypeScheme: 10000,
        issueTypeScreenScheme: 10000,
        fieldConfigurationScheme: 10000,
      };
      expect(
        (
          await x.call('POST', '/rest/api/3/project', {
            as,
            body: { key: 'PAY', name: 'Payments', projectTypeKey: 'software', leadAccountId: lead, ...schemes },
          })
        ).status,
      ).toBe(201);
      expect((await x.call('POST', '/rest/api/3/project/PAY/role/10000', { as, body: { user: [lead] } })).status).toBe(200);
      const issue = await x.call('POST', '/rest/api/3/issue', {
        as: lead,
        body: { fields: { project: { key: 'PAY' }, issuetype: { name: 'Task' }, summary: 'Settle the card batch' } },
      });
      expect(issue.status, issue.text).toBe(201);
      const start = await hashOf(x);
      await runCase(x, { name: 'trash', method: 'DELETE', path: '/rest/api/3/project/PAY', status: 204 });
      expect((await x.call('GET', '/rest/api/3/project/PAY', { as })).status).toBe(404);
      expect((await x.call('GET', `/rest/api/3/issue/${issue.body.key}`, { as: lead })).status).toBe(404);
      await runCase(x, {
        name: 'a new project with the trashed key',
        method: 'POST',
        path: '/rest/api/3/project',
        body: { key: 'PAY', name: 'Other', leadAccountId: lead },
        status: 400,
        error: "Project 'PAY' uses this project key.",
      });
      await runCase(x, { name: 'restore', method: 'POST', path: '/rest/api/3/project/PAY/restore', status: 200 });
      expect(await hashOf(x)).toBe(start);
      expect((await x.call('GET', `/rest/api/3/issue/${issue.body.key}?fields=summary`, { as: lead })).body.fields.summary).toBe(
        'Settle the card batch',
      );
      const task = await x.call('POST', '/rest/api/3/project/PAY/delete', { as });
      expect((await waitForTask(x, task.body.self)).status).toBe('COMPLETE');
      expect((await x.call('GET', '/rest/api/3/project/PAY', { as })).status).toBe(404);
    } finally {
      await x.close();
    }
  });

  const cases: AdminCase[] = [
    {
      name: 'a developer',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'XX', name: 'X', leadAccountId: 'ME' },
      status: 403,
      error: 'You do not have permission to create projects.',
    },
    {
      name: 'a taken key',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'WEB', name: 'Another', leadAccountId: 'ME' },
      status: 400,
      error: "Project 'WEB' uses this project key.",
    },
    {
      name: 'a bad key',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'web-2', name: 'Another', leadAccountId: 'ME' },
      status: 400,
      error: 'Project keys must start with an uppercase letter',
    },
    {
      name: 'a taken name',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'NEW', name: 'storefront web', leadAccountId: 'ME' },
      status: 400,
      error: 'A project with that name already exists.',
    },
    {
      name: 'no lead',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'NEW', name: 'New' },
      status: 400,
      error: 'You must specify a valid project lead.',
    },
    {
      name: 'an unknown scheme',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'NEW', name: 'New', leadAccountId: 'ME', permissionScheme: 99999 },
      status: 400,
      error: 'does not exist',
    },
    {
      name: 'an unknown type',
      method: 'POST',
      path: '/rest/api/3/project',
      body: { key: 'NEW', name: 'New', leadAccountId: 'ME', projectTypeKey: 'product_discovery' },
      status: 400,
    },
    {
      name: 'a template and a scheme both',
      method: 'POST',
      path: '/rest/api/3/project',
      body: {
        key: 'NEW',
        name: 'New',
        leadAccountId: 'ME',
        projectTemplateKey: 'com.pyxis.greenhopper.jira:gh-simplified-scrum-classic',
        permissionScheme: 10000,
      },
      status: 400,
      error: 'you cannot specify the project template key',
    },
    {
      name: 'a key change',
      method: 'PUT',
      path: '/rest/api/3/project/WEB',
      body: { key: 'SHOP' },
      status: 400,
      error: 'Changing a project key is not modelled',
    },
    {
      name: 'schemes changed by a project admin who is not a Jira admin',
      as: 'dev',
      method: 'PUT',
      path: '/rest/api/3/project/WEB',
      body: { permissionScheme: 10001 },
      status: 403,
    },
    { name: 'archive', method: 'POST', path: '/rest/api/3/project/MKT/archive', status: 204 },
    { name: 'archive an archived project', method: 'POST', path: '/rest/api/3/project/MKT/archive', status: 400, error: 'already archived' },
    { name: 'restore a project neither archived nor trashed', method: 'POST', path: '/rest/api/3/project/WEB/restore', status: 400 },
    { name: 'delete an unknown project', method: 'DELETE', path: '/rest/api/3/project/NOPE', status: 404 },
  ];
  it('refusals (in order: archive, then archive again)', async () => {
    const me = personaOf(h, 'admin')!;
    for (const c of cases) await runCase(h, { ...c, body: c.body && JSON.parse(JSON.stringify(c.body).replace('"ME"', JSON.stringify(me))) });
    await runCase(h, { name: 'unarchive', method: 'POST', path: '/rest/api/3/project/MKT/restore', status: 200 });
  });
});

describe('bulk operations', () => {
  it('a bulk edit runs as a task: the queue shows it waiting, then every issue changed with history', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const keys = ['WEB-1', 'WEB-2', 'WEB-3'];
      await fetch(`${x.url}/_understudy/tasks/hold`, { method: 'POST' });
      const res = await x.call('POST', '/rest/api/3/bulk/issues/fields', {
        as,
        body: {
          selectedIssueIdsOrKeys: [...keys, 'NOPE-1'],
          selectedActions: ['labels', 'priority'],
          editedFieldsInput: {
            labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: 'ADD', labels: [{ name: 'bulk-checked' }] }],
            priority: { priorityId: '2' },
          },
          sendBulkNotification: false,
        },
      });
      expect(res.status, res.text).toBe(201);
      let queued = await x.call('GET', `/rest/api/3/bulk/queue/${res.body.taskId}`, { as });
      for (let i = 0; i < 100 && queued.body.status !== 'RUNNING'; i++) {
        await new Promise((r) => setTimeout(r, 5));
        queued = await x.call('GET', `/rest/api/3/bulk/queue/${res.body.taskId}`, { as });
      }
      expect(queued.body).toMatchObject({ taskId: res.body.taskId, status: 'RUNNING', progressPercent: 0 });
      expect((await x.call('GET', '/rest/api/3/issue/WEB-1?fields=labels', { as })).body.fields.labels).not.toContain('bulk-checked');
      await fetch(`${x.url}/_understudy/tasks/release`, { method: 'POST' });
      let done = queued.body;
      for (let i = 0; i < 200 && done.status !== 'COMPLETE'; i++) {
        await new Promise((r) => setTimeout(r, 10));
        done = (await x.call('GET', `/rest/api/3/bulk/queue/${res.body.taskId}`, { as })).body;
      }
      expect(done).toMatchObject({ status: 'COMPLETE', progressPercent: 100, totalIssueCount: 4, invalidOrInaccessibleIssueCount: 1 });
      expect(done.processedAccessibleIssues).toHaveLength(3);
      for (const k of keys) {
        const issue = (await x.call('GET', `/rest/api/3/issue/${k}?fields=labels,priority&expand=changelog`, { as })).body;
        expect(issue.fields.labels).toContain('bulk-checked');
        expect(issue.fields.priority.id).toBe('2');
      }
      const outbox = await (await fetch(`${x.url}/_understudy/outbox?event=updated`)).json();
      expect(outbox).toEqual([]);
    } finally {
      await x.close();
    }
  });

  it('a bulk transition runs each issue through its workflow; an issue it cannot take is reported, the others go on', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      // A developer: they may transition bugs (the administrator is not in the projects' roles).
      const as = personaOf(x, 'dev');
      const open = (
        await x.call('POST', '/rest/api/3/search/jql', {
          as,
          body: { jql: 'project = WEB AND issuetype = Bug AND status = Open ORDER BY key', maxResults: 2, fields: ['status'] },
        })
      ).body.issues.map((i: any) => i.key);
      const done = (
        await x.call('POST', '/rest/api/3/search/jql', {
          as,
          body: { jql: 'project = WEB AND issuetype = Bug AND status = Closed ORDER BY key', maxResults: 1, fields: ['status'] },
        })
      ).body.issues.map((i: any) => i.key);
      const res = await x.call('POST', '/rest/api/3/bulk/issues/transition', {
        as,
        body: { bulkTransitionInputs: [{ selectedIssueIdsOrKeys: [...open, ...done], transitionId: '11' }], sendBulkNotification: true },
      });
      expect(res.status).toBe(201);
      let p = (await x.call('GET', `/rest/api/3/bulk/queue/${res.body.taskId}`, { as })).body;
      for (let i = 0; i < 200 && p.status !== 'COMPLETE'; i++) {
        await new Promise((r) => setTimeout(r, 10));
        p = (await x.call('GET', `/rest/api/3/bulk/queue/${res.body.taskId}`, { as })).body;
      }
      expect(p.processedAccessibleIssues).toHaveLength(open.length);
      expect(Object.keys(p.failedAccessibleIssues)).toHaveLength(done.length);
      for (const k of open) expect((await x.call('GET', `/rest/api/3/issue/${k}?fields=status`, { as })).body.fields.status.name).toBe('In Progress');
    } finally {
      await x.close();
    }
  });

  const cases: AdminCase[] = [
    {
      name: 'an edit not among the selected actions',
      method: 'POST',
      path: '/rest/api/3/bulk/issues/fields',
      body: { selectedIssueIdsOrKeys: ['WEB-1'], selectedActions: ['labels'], editedFieldsInput: { priority: { priorityId: '2' } } },
      status: 400,
    },
    {
      name: 'an edit kind the sandbox does not model',
      method: 'POST',
      path: '/rest/api/3/bulk/issues/fields',
      body: {
        selectedIssueIdsOrKeys: ['WEB-1'],
        selectedActions: ['x'],
        editedFieldsInput: { colorFields: [{ fieldId: 'x', color: { name: 'red' } }] },
      },
      status: 400,
      error: 'not modelled',
    },
    {
      name: 'no issues',
      method: 'POST',
      path: '/rest/api/3/bulk/issues/transition',
      body: { bulkTransitionInputs: [{ selectedIssueIdsOrKeys: [], transitionId: '11' }] },
      status: 400,
    },
    {
      name: 'anonymous',
      as: 'anon',
      method: 'POST',
      path: '/rest/api/3/bulk/issues/transition',
      body: { bulkTransitionInputs: [{ selectedIssueIdsOrKeys: ['WEB-1'], transitionId: '11' }] },
      status: 401,
    },
    { name: 'an unknown queue entry', method: 'GET', path: '/rest/api/3/bulk/queue/999999', status: 404 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});
