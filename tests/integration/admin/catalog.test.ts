/** Priorities, resolutions and issue types: create, update, move, delete (tasks that replace values on issues), refusals. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, waitForTask, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const get = async (path: string, x: Harness = h) => (await x.call('GET', path, { as: personaOf(x, 'admin') })).body;
const count = async (jql: string, x: Harness = h) =>
  (await x.call('POST', '/rest/api/3/search/approximate-count', { as: personaOf(x, 'admin'), body: { jql } })).body.count;

describe('priorities', () => {
  it('create, update, move, delete as a task; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/priority',
      body: { name: 'Blocker', description: 'Stops everything', statusColor: '#ff0000' },
      status: 201,
    });
    const id = made.body.id;
    expect(await get(`/rest/api/3/priority/${id}`)).toMatchObject({ name: 'Blocker', statusColor: '#ff0000', description: 'Stops everything' });
    await runCase(h, { name: 'move first', method: 'PUT', path: '/rest/api/3/priority/move', body: { ids: [id], position: 'First' }, status: 204 });
    expect((await get('/rest/api/3/priority')).map((p: any) => p.name)).toEqual(['Blocker', 'Highest', 'High', 'Medium', 'Low', 'Lowest']);
    await runCase(h, { name: 'move after', method: 'PUT', path: '/rest/api/3/priority/move', body: { ids: [id], after: '5' }, status: 204 });
    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: `/rest/api/3/priority/${id}`,
      body: { name: 'Showstopper', statusColor: '#f00' },
      status: 204,
    });
    expect((await get(`/rest/api/3/priority/${id}`)).name).toBe('Showstopper');
    const task = await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/priority/${id}`, status: 200 });
    expect((await waitForTask(h, task.body.self)).status).toBe('COMPLETE');
    expect(await hashOf(h)).toBe(start);
  });

  it('deleting a priority issues hold moves them to the replacement when the task runs', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      expect(await count('priority = Lowest', x)).toBe(176);
      const res = await x.call('DELETE', '/rest/api/3/priority/5?replaceWith=4', { as: personaOf(x, 'admin') });
      const done = await waitForTask(x, res.body.self);
      expect(done.status).toBe('COMPLETE');
      expect(done.result.issuesUpdated).toBeGreaterThanOrEqual(176);
      expect((await get('/rest/api/3/priority', x)).map((p: any) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low']);
      expect(await count('priority = Low', x)).toBeGreaterThanOrEqual(176);
    } finally {
      await x.close();
    }
  });
});

describe('resolutions', () => {
  it('create, update, move, delete with a replacement; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/resolution',
      body: { name: 'Obsolete', description: 'No longer relevant' },
      status: 201,
    });
    const id = made.body.id;
    expect(await get(`/rest/api/3/resolution/${id}`)).toMatchObject({ name: 'Obsolete', description: 'No longer relevant' });
    await runCase(h, { name: 'move', method: 'PUT', path: '/rest/api/3/resolution/move', body: { ids: [id], position: 'First' }, status: 204 });
    await runCase(h, { name: 'move back', method: 'PUT', path: '/rest/api/3/resolution/move', body: { ids: [id], position: 'Last' }, status: 204 });
    await runCase(h, { name: 'update', method: 'PUT', path: `/rest/api/3/resolution/${id}`, body: { name: 'Outdated' }, status: 204 });
    const task = await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/resolution/${id}?replaceWith=1`, status: 200 });
    expect((await waitForTask(h, task.body.self)).status).toBe('COMPLETE');
    expect(await hashOf(h)).toBe(start);
  });
});

describe('issue types', () => {
  it('create, update, alternatives, delete moving its issues to the alternative', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const made = await x.call('POST', '/rest/api/3/issuetype', {
        as,
        body: { name: 'Spike', description: 'Time-boxed research', hierarchyLevel: 0 },
      });
      expect(made.status).toBe(201);
      expect(made.body).toMatchObject({ name: 'Spike', subtask: false, hierarchyLevel: 0 });
      const id = made.body.id;
      expect((await x.call('PUT', '/rest/api/3/issuetypescheme/10000/issuetype', { as, body: { issueTypeIds: [id] } })).status).toBe(204);
      expect((await x.call('PUT', `/rest/api/3/issuetype/${id}`, { as, body: { description: 'Research' } })).body.description).toBe('Research');
      const issue = await x.call('POST', '/rest/api/3/issue', {
        as,
        body: { fields: { project: { key: 'WEB' }, issuetype: { id }, summary: 'Try the new search engine' } },
      });
      expect(issue.status, issue.text).toBe(201);
      const alternatives = (await x.call('GET', `/rest/api/3/issuetype/${id}/alternatives`, { as })).body.map((t: any) => t.name);
      expect(alternatives).toEqual(expect.arrayContaining(['Task', 'Story', 'Bug']));
      expect(alternatives).not.toContain('Sub-task');
      await runCase(x, { name: 'in use, no alternative', method: 'DELETE', path: `/rest/api/3/issuetype/${id}`, status: 404, error: 'is in use' });
      await runCase(x, {
        name: 'itself as the alternative',
        method: 'DELETE',
        path: `/rest/api/3/issuetype/${id}?alternativeIssueTypeId=${id}`,
        status: 409,
      });
      await runCase(x, {
        name: 'a sub-task alternative',
        method: 'DELETE',
        path: `/rest/api/3/issuetype/${id}?alternativeIssueTypeId=5`,
        status: 409,
      });
      await runCase(x, { name: 'delete', method: 'DELETE', path: `/rest/api/3/issuetype/${id}?alternativeIssueTypeId=3`, status: 204 });
      const moved = (await x.call('GET', `/rest/api/3/issue/${issue.body.key}?expand=changelog`, { as })).body;
      expect(moved.fields.issuetype.name).toBe('Task');
      expect(moved.changelog.histories.at(-1).items[0]).toMatchObject({ field: 'issuetype', fromString: 'Spike', toString: 'Task' });
      expect(
        (await x.call('GET', '/rest/api/3/issuetypescheme/mapping?issueTypeSchemeId=10000', { as })).body.values.map((v: any) => v.issueTypeId),
      ).not.toContain(id);
    } finally {
      await x.close();
    }
  });
});

describe('issue type schemes', () => {
  it('create, add, move, remove, update, delete; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/issuetypescheme',
      body: { name: 'Trial types', description: 'Trial', issueTypeIds: ['3', '1'], defaultIssueTypeId: '3' },
      status: 201,
    });
    const id = made.body.issueTypeSchemeId;
    await runCase(h, { name: 'add', method: 'PUT', path: `/rest/api/3/issuetypescheme/${id}/issuetype`, body: { issueTypeIds: ['5'] }, status: 204 });
    await runCase(h, {
      name: 'move',
      method: 'PUT',
      path: `/rest/api/3/issuetypescheme/${id}/issuetype/move`,
      body: { issueTypeIds: ['1'], position: 'First' },
      status: 204,
    });
    expect((await get(`/rest/api/3/issuetypescheme/mapping?issueTypeSchemeId=${id}`)).values.map((v: any) => v.issueTypeId)).toEqual(['1', '3', '5']);
    await runCase(h, { name: 'remove', method: 'DELETE', path: `/rest/api/3/issuetypescheme/${id}/issuetype/5`, status: 204 });
    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: `/rest/api/3/issuetypescheme/${id}`,
      body: { name: 'Trial', defaultIssueTypeId: '1' },
      status: 204,
    });
    expect((await get(`/rest/api/3/issuetypescheme?id=${id}`)).values[0]).toMatchObject({
      name: 'Trial',
      description: 'Trial',
      defaultIssueTypeId: '1',
    });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/issuetypescheme/${id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });
});

describe('catalogue refusals change nothing', () => {
  const cases: AdminCase[] = [
    {
      name: 'priority by a developer',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/priority',
      body: { name: 'X', statusColor: '#fff' },
      status: 403,
    },
    {
      name: 'priority with a taken name',
      method: 'POST',
      path: '/rest/api/3/priority',
      body: { name: 'high', statusColor: '#fff' },
      status: 400,
      error: "The priority name 'high' is already used.",
    },
    { name: 'priority without a color', method: 'POST', path: '/rest/api/3/priority', body: { name: 'X' }, status: 400, error: 'hexadecimal color' },
    {
      name: 'priority with a long description',
      method: 'POST',
      path: '/rest/api/3/priority',
      body: { name: 'X', statusColor: '#fff', description: 'd'.repeat(256) },
      status: 400,
      error: 'The length of the description must not exceed 255 characters.',
    },
    {
      name: 'update of an unknown priority',
      method: 'PUT',
      path: '/rest/api/3/priority/999',
      body: { name: 'X' },
      status: 404,
      error: 'Priority with ID 999 not found.',
    },
    {
      name: 'move with duplicates',
      method: 'PUT',
      path: '/rest/api/3/priority/move',
      body: { ids: ['1', '1'], position: 'Last' },
      status: 400,
      error: 'duplicates',
    },
    { name: 'move after itself', method: 'PUT', path: '/rest/api/3/priority/move', body: { ids: ['1'], after: '1' }, status: 400 },
    {
      name: 'move an unknown priority',
      method: 'PUT',
      path: '/rest/api/3/priority/move',
      body: { ids: ['999'], position: 'Last' },
      status: 404,
      error: 'Priority with ID 999 not found.',
    },
    {
      name: 'delete a priority issues hold, without a replacement',
      method: 'DELETE',
      path: '/rest/api/3/priority/5',
      status: 400,
      error: 'The newPriority has to be provided.',
    },
    { name: 'delete a priority filters name', method: 'DELETE', path: '/rest/api/3/priority/1?replaceWith=2', status: 400, error: 'invalid' },
    { name: 'delete an unknown priority', method: 'DELETE', path: '/rest/api/3/priority/999', status: 404 },
    {
      name: 'resolution by a developer',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/resolution',
      body: { name: 'X' },
      status: 403,
      error: 'Administrator privileges are required',
    },
    {
      name: 'resolution with a taken name',
      method: 'POST',
      path: '/rest/api/3/resolution',
      body: { name: "won't fix" },
      status: 400,
      error: 'is already used',
    },
    {
      name: 'delete a resolution without replaceWith',
      method: 'DELETE',
      path: '/rest/api/3/resolution/4',
      status: 400,
      error: 'The replaceWith has to be provided.',
    },
    {
      name: 'delete a resolution that a workflow sets',
      method: 'DELETE',
      path: '/rest/api/3/resolution/3?replaceWith=1',
      status: 400,
      error: 'invalid',
    },
    { name: 'replace a resolution with an unknown one', method: 'DELETE', path: '/rest/api/3/resolution/4?replaceWith=999', status: 404 },
    {
      name: 'issue type with a name over 60',
      method: 'POST',
      path: '/rest/api/3/issuetype',
      body: { name: 'x'.repeat(61) },
      status: 400,
      error: 'must not exceed 60',
    },
    {
      name: 'issue type with a taken name',
      method: 'POST',
      path: '/rest/api/3/issuetype',
      body: { name: 'bug' },
      status: 400,
      error: 'An issue type with this name already exists.',
    },
    { name: 'issue type at level 1', method: 'POST', path: '/rest/api/3/issuetype', body: { name: 'X', hierarchyLevel: 1 }, status: 400 },
    { name: 'issue type by a developer', as: 'dev', method: 'POST', path: '/rest/api/3/issuetype', body: { name: 'X' }, status: 403 },
    {
      name: 'delete an issue type in use without an alternative',
      method: 'DELETE',
      path: '/rest/api/3/issuetype/1',
      status: 404,
      error: 'is in use',
    },
    {
      name: 'issue type scheme with an unknown type',
      method: 'POST',
      path: '/rest/api/3/issuetypescheme',
      body: { name: 'X', issueTypeIds: ['999'] },
      status: 404,
      error: 'These issue types were not found: 999',
    },
    {
      name: 'issue type scheme whose default is not among its types',
      method: 'POST',
      path: '/rest/api/3/issuetypescheme',
      body: { name: 'X', issueTypeIds: ['3'], defaultIssueTypeId: '1' },
      status: 400,
      error: 'The default issue type ID has to be present in issue type IDs list.',
    },
    {
      name: 'issue type scheme with a taken name',
      method: 'POST',
      path: '/rest/api/3/issuetypescheme',
      body: { name: 'software issue type scheme', issueTypeIds: ['3'] },
      status: 400,
      error: 'The name is used by another scheme.',
    },
    {
      name: 'adding a type already there',
      method: 'PUT',
      path: '/rest/api/3/issuetypescheme/10000/issuetype',
      body: { issueTypeIds: ['1'] },
      status: 400,
      error: 'already present in the issue type scheme: 1',
    },
    {
      name: 'removing a type issues use',
      method: 'DELETE',
      path: '/rest/api/3/issuetypescheme/10000/issuetype/1',
      status: 400,
      error: 'used by issues',
    },
    {
      name: "assigning a scheme that lacks the project's types",
      method: 'PUT',
      path: '/rest/api/3/issuetypescheme/project',
      body: { projectId: '10000', issueTypeSchemeId: '10005' },
      status: 400,
      error: "This issue type scheme can't be assigned to the project.",
    },
    { name: 'deleting a scheme in use', method: 'DELETE', path: '/rest/api/3/issuetypescheme/10000', status: 400, error: 'is used by WEB, MOB' },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await runCase(h, c);
  });
});
