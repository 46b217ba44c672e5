/**
 * Workflow schemes: legacy create/update/delete on an inactive scheme, refusals on an active one,
 * the current API's read and update (version token, status mappings), the required mappings, and
 * the project switch as an async task that migrates issues.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, waitForStatus, waitForTask, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const WS = '/rest/api/3/workflowscheme';
const admin = () => personaOf(h, 'admin');

describe('workflow schemes: the legacy calls', () => {
  it('create, read back, change while inactive, delete; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: WS,
      body: {
        name: 'Security v2',
        description: 'Trial',
        defaultWorkflow: 'Acme Software Workflow',
        issueTypeMappings: { 3: 'Acme Simple Workflow' },
      },
      status: 201,
    });
    expect(made.body).toMatchObject({
      name: 'Security v2',
      defaultWorkflow: 'Acme Software Workflow',
      issueTypeMappings: { 3: 'Acme Simple Workflow' },
    });
    const id = made.body.id;
    expect(id).toBeGreaterThan(10005);
    expect((await h.call('GET', `${WS}/${id}`, { as: admin() })).body.name).toBe('Security v2');
    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: `${WS}/${id}`,
      body: { name: 'Security v3', issueTypeMappings: { 5: 'Acme Sub-task Workflow' } },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.issueTypeMappings).toEqual({ 5: 'Acme Sub-task Workflow' });
      },
    });
    await runCase(h, {
      name: 'default',
      method: 'PUT',
      path: `${WS}/${id}/default`,
      body: { workflow: 'Acme Simple Workflow' },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.defaultWorkflow).toBe('Acme Simple Workflow');
      },
    });
    await runCase(h, {
      name: 'issue type',
      method: 'PUT',
      path: `${WS}/${id}/issuetype/3`,
      body: { issueType: '3', workflow: 'Acme Software Workflow' },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.issueTypeMappings).toEqual({ 5: 'Acme Sub-task Workflow', 3: 'Acme Software Workflow' });
      },
    });
    await runCase(h, {
      name: 'issue type removed',
      method: 'DELETE',
      path: `${WS}/${id}/issuetype/5`,
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.issueTypeMappings).toEqual({ 3: 'Acme Software Workflow' });
      },
    });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `${WS}/${id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const refusals: AdminCase[] = [
    { name: 'create by a developer', as: 'dev', method: 'POST', path: WS, body: { name: 'X', defaultWorkflow: 'Acme Simple Workflow' }, status: 403 },
    {
      name: 'create with a taken name',
      method: 'POST',
      path: WS,
      body: { name: 'software workflow scheme', defaultWorkflow: 'Acme Simple Workflow' },
      status: 400,
      error: "A workflow scheme with the name 'software workflow scheme' already exists.",
    },
    { name: 'create without a default workflow', method: 'POST', path: WS, body: { name: 'X' }, status: 400, error: 'default workflow is required' },
    {
      name: 'create naming an unknown workflow',
      method: 'POST',
      path: WS,
      body: { name: 'X', defaultWorkflow: 'Nope' },
      status: 400,
      error: 'The workflow Nope does not exist.',
    },
    {
      name: 'create mapping an unknown issue type',
      method: 'POST',
      path: WS,
      body: { name: 'X', defaultWorkflow: 'Acme Simple Workflow', issueTypeMappings: { 999: 'Acme Simple Workflow' } },
      status: 400,
      error: 'The issue type 999 does not exist.',
    },
    {
      name: 'update of an active scheme',
      method: 'PUT',
      path: `${WS}/10000`,
      body: { name: 'Renamed' },
      status: 400,
      error: 'Cannot update an active workflow scheme',
    },
    {
      name: 'update of an active scheme asking for a draft',
      method: 'PUT',
      path: `${WS}/10000`,
      body: { name: 'Renamed', updateDraftIfNeeded: true },
      status: 400,
      error: 'does not model workflow scheme drafts',
    },
    {
      name: 'update of an unknown scheme',
      method: 'PUT',
      path: `${WS}/999`,
      body: { name: 'X' },
      status: 404,
      error: 'The workflow scheme was not found.',
    },
    { name: 'delete of an active scheme', method: 'DELETE', path: `${WS}/10000`, status: 400, error: 'Cannot delete an active workflow scheme' },
    { name: 'delete by a developer', as: 'dev', method: 'DELETE', path: `${WS}/10000`, status: 403 },
    {
      name: 'assign to a project with issues',
      method: 'PUT',
      path: `${WS}/project`,
      body: { projectId: '10003', workflowSchemeId: '10001' },
      status: 400,
      error: 'the project has issues',
    },
    {
      name: 'switch by a developer (401)',
      as: 'dev',
      method: 'POST',
      path: `${WS}/project/switch`,
      body: { projectId: '10003', targetSchemeId: '10001' },
      status: 401,
    },
    {
      name: 'switch to an unknown scheme',
      method: 'POST',
      path: `${WS}/project/switch`,
      body: { projectId: '10003', targetSchemeId: '999' },
      status: 404,
    },
    {
      name: 'switch without the mappings it needs',
      method: 'POST',
      path: `${WS}/project/switch`,
      body: { projectId: '10003', targetSchemeId: '10001' },
      status: 400,
      error: 'Status mappings are required for issue type',
    },
  ];
  it.each(refusals.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('workflow schemes: the current API', () => {
  it('reads with a version; the required mappings; updates with the version (409 when stale, 400 without needed mappings)', async () => {
    const [read] = (await h.call('POST', `${WS}/read`, { as: admin(), body: { projectIds: ['10003'] } })).body;
    expect(read).toMatchObject({ id: '10002', scope: { type: 'GLOBAL' }, version: { versionNumber: 1 }, defaultWorkflow: { id: '10105' } });
    expect(read.workflowsForIssueTypes).toContainEqual(
      expect.objectContaining({ issueTypeIds: ['3'], workflow: expect.objectContaining({ id: '10108' }) }),
    );

    const assoc = [
      { issueTypeIds: ['3'], workflowId: '10101' },
      { issueTypeIds: ['5'], workflowId: '10102' },
    ];
    const required = await h.call('POST', `${WS}/update/mappings`, {
      as: admin(),
      body: { id: '10002', defaultWorkflowId: '10105', workflowsForIssueTypes: assoc },
    });
    // The simple workflow's statuses are all in the software workflow: nothing needs a mapping.
    expect(required.body).toMatchObject({ statusMappingsByIssueTypes: [], statusMappingsByWorkflows: [] });
    const toSecurity = await h.call('POST', `${WS}/update/mappings`, {
      as: admin(),
      body: { id: '10002', defaultWorkflowId: '10105', workflowsForIssueTypes: [{ issueTypeIds: ['3', '5'], workflowId: '10105' }] },
    });
    expect(toSecurity.body.statusMappingsByWorkflows).toContainEqual({
      sourceWorkflowId: '10108',
      targetWorkflowId: '10105',
      statusIds: ['10000', '3', '10002'],
    });
    expect(toSecurity.body.statusesPerWorkflow).toContainEqual(expect.objectContaining({ workflowId: '10105', initialStatusId: '10011' }));
    await runCase(h, {
      name: 'update needing mappings, without them',
      method: 'POST',
      path: `${WS}/update`,
      body: {
        id: '10002',
        name: read.name,
        description: read.description,
        defaultWorkflowId: '10105',
        workflowsForIssueTypes: [{ issueTypeIds: ['3'], workflowId: '10105' }],
        version: read.version,
      },
      status: 400,
      error: 'Status mappings are required for issue type 3 of project SEC',
    });

    const body = {
      id: '10002',
      name: read.name,
      description: read.description,
      defaultWorkflowId: '10105',
      workflowsForIssueTypes: assoc,
      version: read.version,
    };
    await runCase(h, {
      name: 'stale',
      method: 'POST',
      path: `${WS}/update`,
      body: { ...body, version: { ...read.version, versionNumber: 7 } },
      status: 409,
      error: 'version token must match',
    });
    await runCase(h, { name: 'update', method: 'POST', path: `${WS}/update`, body, status: 200 });
    const [after] = (await h.call('POST', `${WS}/read`, { as: admin(), body: { workflowSchemeIds: ['10002'] } })).body;
    expect(after.version.versionNumber).toBe(2);
    expect(after.workflowsForIssueTypes).toContainEqual(
      expect.objectContaining({ issueTypeIds: ['3'], workflow: expect.objectContaining({ id: '10101' }) }),
    );
    const legacy = await h.call('GET', `${WS}/10002`, { as: admin() });
    expect(legacy.body.issueTypeMappings['3']).toBe('Acme Software Workflow');
  });

  it('switches a project to another scheme as a task: the old scheme serves until it runs; issues move to mapped statuses', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const made = await x.call('POST', WS, {
        as,
        body: {
          name: 'Security simple',
          defaultWorkflow: 'Acme Software Workflow',
          issueTypeMappings: { 3: 'Acme Simple Workflow', 5: 'Acme Sub-task Workflow' },
        },
      });
      const target = String(made.body.id);
      const mappings = [
        {
          issueTypeId: '10004',
          statusMappings: ['10011', '10012', '10013', '5', '10014'].map((s) => ({
            oldStatusId: s,
            newStatusId: s === '5' || s === '10014' ? '10002' : '10000',
          })),
        },
      ];
      await fetch(`${x.url}/_understudy/tasks/hold`, { method: 'POST' });
      const res = await fetch(`${x.url}${WS}/project/switch`, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          authorization: `Basic ${Buffer.from(`${x.personas.find((p) => p.accountId === as)!.email}:${x.personas.find((p) => p.accountId === as)!.token}`).toString('base64')}`,
        },
        body: JSON.stringify({ projectId: '10003', targetSchemeId: target, mappingsByIssueTypeOverride: mappings }),
      });
      expect(res.status).toBe(303);
      const location = res.headers.get('location')!;
      expect(location).toMatch(new RegExp(`^${x.url}/rest/api/3/task/\\d+$`));
      const queued = await res.json();
      expect(queued).toMatchObject({ status: 'ENQUEUED', progress: 0, self: location });
      expect(await waitForStatus(x, location, 'RUNNING')).toMatchObject({ progress: 0 });
      expect((await x.call('POST', `${WS}/read`, { as, body: { projectIds: ['10003'] } })).body[0].id).toBe('10002');
      await fetch(`${x.url}/_understudy/tasks/release`, { method: 'POST' });
      const done = await waitForTask(x, location);
      expect(done).toMatchObject({ status: 'COMPLETE', progress: 100, result: { issuesMigrated: 93 } });
      expect((await x.call('POST', `${WS}/read`, { as, body: { projectIds: ['10003'] } })).body[0].id).toBe(target);
      const search = await x.call('POST', '/rest/api/3/search/jql', {
        as,
        body: { jql: 'project = SEC AND issuetype = 10004 AND status = "To Do"', maxResults: 0 },
      });
      expect(search.status).toBe(200);
      const count = await x.call('POST', '/rest/api/3/search/approximate-count', { as, body: { jql: 'project = SEC AND issuetype = 10004' } });
      const todo = await x.call('POST', '/rest/api/3/search/approximate-count', {
        as,
        body: { jql: 'project = SEC AND issuetype = 10004 AND status = "To Do"' },
      });
      expect(count.body.count).toBe(93);
      expect(todo.body.count).toBe(16);
    } finally {
      await x.close();
    }
  });
});
