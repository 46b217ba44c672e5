/**
 * Custom fields, contexts, defaults and options: create → change → remove round trips that hash
 * as before, the trash, the delete and replace tasks, and a table of Jira's refusals.
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

const F = '/rest/api/3/field';
const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';
const get = async (path: string) => (await h.call('GET', path, { as: personaOf(h, 'admin') })).body;
const call = (method: string, path: string, body?: unknown, as = 'admin') =>
  h.call(method, path, { as: personaOf(h, as), ...(body !== undefined ? { body } : {}) });

/** Follows a 303 the way clients do (fetch follows it with a GET to the task), then waits for the task. */
const finished = async (res: { status: number; body: any }) => {
  expect(res.status).toBe(200);
  expect(res.body.self).toMatch(/\/rest\/api\/3\/task\/\d+$/);
  return waitForTask(h, res.body.self);
};

describe('custom fields: create, configure, trash, restore, delete', () => {
  it('a select field through its whole life; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: F,
      body: { name: 'Cause Category', type: `${CF}select`, searcherKey: `${CF}multiselectsearcher`, description: 'Why it broke' },
      status: 201,
    });
    const id = made.body.id as string;
    expect(id).toMatch(/^customfield_\d+$/);
    expect(made.body).toMatchObject({ custom: true, name: 'Cause Category', schema: { type: 'option', custom: `${CF}select` } });
    expect((await get(`/rest/api/3/field`)).map((f: any) => f.id)).toContain(id);
    const [context] = (await get(`${F}/${id}/context`)).values;
    expect(context).toMatchObject({ name: 'Default Configuration Scheme for Cause Category', isGlobalContext: true, isAnyIssueType: true });

    const opts = await runCase(h, {
      name: 'options',
      method: 'POST',
      path: `${F}/${id}/context/${context.id}/option`,
      body: { options: [{ value: 'Code' }, { value: 'Config' }, { value: 'Infrastructure', disabled: true }] },
      status: 200,
    });
    const [code, config, infra] = opts.body.options;
    expect(infra).toMatchObject({ value: 'Infrastructure', disabled: true });
    await runCase(h, {
      name: 'move',
      method: 'PUT',
      path: `${F}/${id}/context/${context.id}/option/move`,
      body: { customFieldOptionIds: [infra.id], position: 'First' },
      status: 204,
    });
    await runCase(h, {
      name: 'rename',
      method: 'PUT',
      path: `${F}/${id}/context/${context.id}/option`,
      body: { options: [{ id: config.id, value: 'Configuration', disabled: false }] },
      status: 200,
    });
    expect((await get(`${F}/${id}/context/${context.id}/option`)).values.map((o: any) => o.value)).toEqual([
      'Infrastructure',
      'Code',
      'Configuration',
    ]);
    await runCase(h, {
      name: 'default',
      method: 'PUT',
      path: `${F}/${id}/context/defaultValue`,
      body: { defaultValues: [{ contextId: context.id, type: 'option.single', optionId: code.id }] },
      status: 204,
    });
    expect((await get(`${F}/${id}/context/defaultValue`)).values).toEqual([{ contextId: context.id, type: 'option.single', optionId: code.id }]);

    const web = await runCase(h, {
      name: 'context',
      method: 'POST',
      path: `${F}/${id}/context`,
      body: { name: 'Web bugs', description: 'Only here', projectIds: ['10000'], issueTypeIds: ['1'] },
      status: 201,
    });
    expect(web.body).toMatchObject({ name: 'Web bugs', description: 'Only here', projectIds: ['10000'], issueTypeIds: ['1'] });
    await runCase(h, {
      name: 'assign MOB',
      method: 'PUT',
      path: `${F}/${id}/context/${web.body.id}/project`,
      body: { projectIds: ['10001'] },
      status: 204,
    });
    expect((await get(`${F}/${id}/context/projectmapping`)).values).toContainEqual({
      contextId: web.body.id,
      projectId: '10001',
      isGlobalContext: false,
    });
    await runCase(h, {
      name: 'unassign MOB',
      method: 'POST',
      path: `${F}/${id}/context/${web.body.id}/project/remove`,
      body: { projectIds: ['10001'] },
      status: 204,
    });
    await runCase(h, {
      name: 'add a type',
      method: 'PUT',
      path: `${F}/${id}/context/${web.body.id}/issuetype`,
      body: { issueTypeIds: ['10001'] },
      status: 204,
    });
    await runCase(h, {
      name: 'remove a type',
      method: 'POST',
      path: `${F}/${id}/context/${web.body.id}/issuetype/remove`,
      body: { issueTypeIds: ['10001'] },
      status: 204,
    });
    await runCase(h, {
      name: 'rename context',
      method: 'PUT',
      path: `${F}/${id}/context/${web.body.id}`,
      body: { name: 'Web bugs only', description: '' },
      status: 204,
    });
    await runCase(h, { name: 'delete context', method: 'DELETE', path: `${F}/${id}/context/${web.body.id}`, status: 204 });
    await runCase(h, {
      name: 'clear default',
      method: 'PUT',
      path: `${F}/${id}/context/defaultValue`,
      body: { defaultValues: [{ contextId: context.id, type: 'option.single', optionId: null }] },
      status: 204,
    });
    for (const o of [code, config, infra])
      await runCase(h, { name: 'delete option', method: 'DELETE', path: `${F}/${id}/context/${context.id}/option/${o.id}`, status: 204 });

    await runCase(h, { name: 'rename field', method: 'PUT', path: `${F}/${id}`, body: { name: 'Cause', description: 'Why' }, status: 204 });
    await runCase(h, { name: 'trash', method: 'POST', path: `${F}/${id}/trash`, status: 204 });
    expect((await get(`/rest/api/3/field`)).map((f: any) => f.id)).not.toContain(id);
    expect((await get(`${F}/search/trashed`)).values.map((f: any) => f.id)).toContain(id);
    await runCase(h, { name: 'restore', method: 'POST', path: `${F}/${id}/restore`, status: 204 });
    expect((await get(`/rest/api/3/field`)).find((f: any) => f.id === id).name).toBe('Cause');
    const task = await finished(await call('DELETE', `${F}/${id}`));
    expect(task.status).toBe('COMPLETE');
    expect((await get(`/rest/api/3/field`)).map((f: any) => f.id)).not.toContain(id);
    expect(await hashOf(h)).toBe(start);
  });

  it('trashing a field with values takes them off the issues; restoring puts them back exactly', async () => {
    const start = await hashOf(h);
    const before = await get('/rest/api/3/issue/MOB-2?fields=customfield_10028,customfield_10027');
    expect(before.fields.customfield_10028).toBeTruthy();
    await runCase(h, { name: 'trash device', method: 'POST', path: `${F}/customfield_10028/trash`, status: 204 });
    const hidden = await get('/rest/api/3/issue/MOB-2?fields=customfield_10028');
    expect(hidden.fields.customfield_10028 ?? null).toBeNull();
    await runCase(h, { name: 'restore device', method: 'POST', path: `${F}/customfield_10028/restore`, status: 204 });
    expect((await get('/rest/api/3/issue/MOB-2?fields=customfield_10028,customfield_10027')).fields).toEqual(before.fields);
    expect(await hashOf(h)).toBe(start);
  });
});

describe('options: replacing a value on issues is a task', () => {
  it('replaces Internet Explorer 11 with Edge on 31 bugs when the task runs, each with a history entry', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const count = async (jql: string) => (await x.call('POST', '/rest/api/3/search/approximate-count', { as, body: { jql } })).body.count;
      expect(await count('Browser = "Internet Explorer 11"')).toBe(31);
      await fetch(`${x.url}/_understudy/tasks/hold`, { method: 'POST' });
      const res = await x.call('DELETE', `${F}/customfield_10013/context/10203/option/10108/issue?replaceWith=10107`, { as });
      // fetch followed the 303 to the task: it is queued or has started, and it waits while held.
      expect(res.body).toMatchObject({ description: "Remove option 10108 from issues matched by '*', and replace with option 10107" });
      expect(['ENQUEUED', 'RUNNING']).toContain(res.body.status);
      await waitForStatus(x, res.body.self, 'RUNNING');
      expect(await count('Browser = "Internet Explorer 11"')).toBe(31);
      await fetch(`${x.url}/_understudy/tasks/release`, { method: 'POST' });
      const done = await waitForTask(x, res.body.self);
      expect(done.status).toBe('COMPLETE');
      expect(done.result.modifiedIssues).toHaveLength(31);
      expect(await count('Browser = "Internet Explorer 11"')).toBe(0);
      const key = (
        await x.call('POST', '/rest/api/3/search/jql', { as, body: { jql: `id = ${done.result.modifiedIssues[0]}`, fields: ['customfield_10013'] } })
      ).body.issues[0].key;
      const issue = (await x.call('GET', `/rest/api/3/issue/${key}?expand=changelog`, { as })).body;
      expect(issue.fields.customfield_10013.value).toBe('Microsoft Edge');
      expect(issue.changelog.histories.at(-1).items[0]).toMatchObject({
        field: 'Browser',
        fromString: 'Internet Explorer 11',
        toString: 'Microsoft Edge',
      });
      // The option is unused now, but a saved filter still names it: the model refuses the delete.
      const del = await x.call('DELETE', `${F}/customfield_10013/context/10203/option/10108`, { as });
      expect(del.status).toBe(400);
      expect(del.body.errorMessages[0]).toContain('invalid');
    } finally {
      await x.close();
    }
  });
});

describe('fields, contexts and options: refusals change nothing', () => {
  const cases: AdminCase[] = [
    {
      name: 'create by a developer (400, as Jira answers)',
      as: 'dev',
      method: 'POST',
      path: F,
      body: { name: 'X', type: `${CF}textfield` },
      status: 400,
      error: 'Only Jira administrators can create custom fields.',
    },
    { name: 'create anonymously', as: 'anon', method: 'POST', path: F, body: { name: 'X', type: `${CF}textfield` }, status: 401 },
    {
      name: 'create with an unknown type',
      method: 'POST',
      path: F,
      body: { name: 'X', type: `${CF}rainbow` },
      status: 400,
      error: "The custom field type 'com.atlassian.jira.plugin.system.customfieldtypes:rainbow' is not supported",
    },
    { name: 'create without a type', method: 'POST', path: F, body: { name: 'X' }, status: 400, error: "'type' is required." },
    {
      name: 'create with a taken name',
      method: 'POST',
      path: F,
      body: { name: 'severity', type: `${CF}textfield` },
      status: 400,
      error: "A custom field with the name 'severity' already exists",
    },
    { name: 'create without a name', method: 'POST', path: F, body: { type: `${CF}textfield` }, status: 400, error: 'must not be empty' },
    {
      name: 'update of an unknown field',
      method: 'PUT',
      path: `${F}/customfield_99999`,
      body: { name: 'X' },
      status: 404,
      error: 'The custom field was not found.',
    },
    {
      name: 'update of a system field',
      method: 'PUT',
      path: `${F}/summary`,
      body: { name: 'X' },
      status: 404,
      error: 'The custom field was not found.',
    },
    {
      name: 'update by a developer',
      as: 'dev',
      method: 'PUT',
      path: `${F}/customfield_10012`,
      body: { name: 'X' },
      status: 403,
      error: 'Only Jira administrators can edit custom fields.',
    },
    { name: 'trash a field a filter names', method: 'POST', path: `${F}/customfield_10013/trash`, status: 400, error: 'invalid' },
    {
      name: 'restore a field not in the trash',
      method: 'POST',
      path: `${F}/customfield_10012/restore`,
      status: 404,
      error: 'not found in the trash',
    },
    { name: 'delete an unknown field', method: 'DELETE', path: `${F}/customfield_99999`, status: 404 },
    {
      name: 'an option with a taken value',
      method: 'POST',
      path: `${F}/customfield_10013/context/10203/option`,
      body: { options: [{ value: 'safari' }] },
      status: 400,
      error: "An option with the value 'safari' already exists in this context.",
    },
    {
      name: 'options on a text field',
      method: 'POST',
      path: `${F}/customfield_10010/context/10200/option`,
      body: { options: [{ value: 'x' }] },
      status: 400,
      error: "The custom field doesn't support options.",
    },
    {
      name: 'options in an unknown context',
      method: 'POST',
      path: `${F}/customfield_10013/context/99999/option`,
      body: { options: [{ value: 'x' }] },
      status: 404,
      error: 'The context was not found.',
    },
    {
      name: 'options by a developer',
      as: 'dev',
      method: 'POST',
      path: `${F}/customfield_10013/context/10203/option`,
      body: { options: [{ value: 'x' }] },
      status: 403,
      error: 'Only Jira administrators can manage custom field options.',
    },
    {
      name: 'delete an option issues hold',
      method: 'DELETE',
      path: `${F}/customfield_10013/context/10203/option/10104`,
      status: 409,
      error: 'replace it first',
    },
    { name: 'delete an unknown option', method: 'DELETE', path: `${F}/customfield_10013/context/10203/option/99999`, status: 404 },
    {
      name: 'delete a cascading parent with children',
      method: 'DELETE',
      path: `${F}/customfield_10028/context/10219/option/10126`,
      status: 400,
      error: 'Options with cascading options cannot be deleted',
    },
    {
      name: 'move with after and position',
      method: 'PUT',
      path: `${F}/customfield_10013/context/10203/option/move`,
      body: { customFieldOptionIds: ['10104'], after: '10105', position: 'First' },
      status: 400,
      error: "'after' and 'position' were provided.",
    },
    {
      name: 'move an unknown option',
      method: 'PUT',
      path: `${F}/customfield_10013/context/10203/option/move`,
      body: { customFieldOptionIds: ['99999'], position: 'First' },
      status: 404,
    },
    {
      name: 'replace with an unknown option',
      method: 'DELETE',
      path: `${F}/customfield_10013/context/10203/option/10108/issue?replaceWith=99999`,
      status: 404,
    },
    {
      name: 'replace with a bad JQL',
      method: 'DELETE',
      path: `${F}/customfield_10013/context/10203/option/10108/issue?replaceWith=10107&jql=project%20%3D%3D`,
      status: 400,
    },
    {
      name: 'a context for an unknown project',
      method: 'POST',
      path: `${F}/customfield_10013/context`,
      body: { name: 'X', projectIds: ['99999'] },
      status: 404,
      error: 'These projects were not found: 99999.',
    },
    {
      name: 'a context with an unknown issue type',
      method: 'POST',
      path: `${F}/customfield_10013/context`,
      body: { name: 'X', issueTypeIds: ['99999'] },
      status: 404,
      error: 'These issue types were not found: 99999.',
    },
    {
      name: 'removing a project a context does not have',
      method: 'POST',
      path: `${F}/customfield_10013/context/10203/project/remove`,
      body: { projectIds: ['10001'] },
      status: 400,
      error: 'not associated with the context',
    },
    {
      name: 'adding an issue type already there',
      method: 'PUT',
      path: `${F}/customfield_10018/context/10209/issuetype`,
      body: { issueTypeIds: ['1', '1'] },
      status: 400,
    },
    {
      name: 'taking a context off a project whose issues hold values',
      method: 'POST',
      path: `${F}/customfield_10012/context/10202/project/remove`,
      body: { projectIds: ['10001'] },
      status: 400,
      error: 'invalid',
    },
    {
      name: 'trash a field a workflow condition names',
      method: 'POST',
      path: `${F}/customfield_10012/trash`,
      status: 400,
      error: "unknown field 'customfield_10012'",
    },
    {
      name: 'a default of another type',
      method: 'PUT',
      path: `${F}/customfield_10013/context/defaultValue`,
      body: { defaultValues: [{ contextId: '10203', type: 'textfield', text: 'x' }] },
      status: 400,
      error: 'does not fit the field',
    },
    {
      name: 'a default option of no context',
      method: 'PUT',
      path: `${F}/customfield_10013/context/defaultValue`,
      body: { defaultValues: [{ contextId: '10203', type: 'option.single', optionId: '10100' }] },
      status: 400,
      error: 'invalid',
    },
    {
      name: 'defaults of two types',
      method: 'PUT',
      path: `${F}/customfield_10013/context/defaultValue`,
      body: {
        defaultValues: [
          { contextId: '10203', type: 'option.single', optionId: '10104' },
          { contextId: '10203', type: 'textfield', text: 'x' },
        ],
      },
      status: 400,
      error: 'All default values in the request must have the same type.',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await runCase(h, c);
  });
});
