/** Tasks: cancel before they run (nothing changes), refusals of cancel and of reading another's task; the usage reads apply relies on. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const hold = () => fetch(`${h.url}/_understudy/tasks/hold`, { method: 'POST' });
const release = () => fetch(`${h.url}/_understudy/tasks/release`, { method: 'POST' });
const task = async (id: string, as = 'admin') => (await h.call('GET', `/rest/api/3/task/${id}`, { as: personaOf(h, as) })).body;
const settle = async (id: string) => {
  for (let i = 0; i < 200; i++) {
    const t = await task(id);
    if (!['ENQUEUED', 'RUNNING', 'CANCEL_REQUESTED'].includes(t.status)) return t;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('task did not finish');
};

describe('tasks', () => {
  it('a task cancelled before it runs is CANCELLED and changes nothing; a finished one cannot be cancelled', async () => {
    const start = await hashOf(h);
    await hold();
    const res = await h.call('DELETE', '/rest/api/3/priority/5?replaceWith=4', { as: personaOf(h, 'admin') });
    expect(['ENQUEUED', 'RUNNING']).toContain(res.body.status);
    await runCase(h, { name: 'cancel', method: 'POST', path: `/rest/api/3/task/${res.body.id}/cancel`, status: 202 });
    expect((await task(res.body.id)).status).toBe('CANCEL_REQUESTED');
    await release();
    expect((await settle(res.body.id)).status).toBe('CANCELLED');
    expect(await hashOf(h)).toBe(start);
    expect((await h.call('GET', '/rest/api/3/priority/5', { as: personaOf(h, 'admin') })).status).toBe(200);
    await runCase(h, {
      name: 'cancel again',
      method: 'POST',
      path: `/rest/api/3/task/${res.body.id}/cancel`,
      status: 400,
      error: 'it has finished already',
    });
    await runCase(h, { name: 'another person reads it', as: 'dev', method: 'GET', path: `/rest/api/3/task/${res.body.id}`, status: 403 });
    await runCase(h, {
      name: 'an unknown task',
      method: 'GET',
      path: '/rest/api/3/task/424242',
      status: 404,
      error: 'The task with ID 424242 does not exist.',
    });
  });

  it('a task whose change became impossible before it ran FAILS with the reason, changing nothing', async () => {
    const as = personaOf(h, 'admin');
    const made = await h.call('POST', '/rest/api/3/field/customfield_10013/context/10203/option', { as, body: { options: [{ value: 'Brave' }] } });
    const brave = made.body.options[0].id;
    await hold();
    const res = await h.call('DELETE', `/rest/api/3/field/customfield_10013/context/10203/option/10108/issue?replaceWith=${brave}`, { as });
    expect(['ENQUEUED', 'RUNNING']).toContain(res.body.status);
    // Meanwhile the replacement goes away.
    expect((await h.call('DELETE', `/rest/api/3/field/customfield_10013/context/10203/option/${brave}`, { as })).status).toBe(204);
    const before = await hashOf(h);
    await release();
    const done = await settle(res.body.id);
    expect(done).toMatchObject({ status: 'FAILED', message: `The option with ID ${brave} was not found.` });
    expect(await hashOf(h)).toBe(before);
    expect((await h.call('POST', '/rest/api/3/search/approximate-count', { as, body: { jql: 'Browser = "Internet Explorer 11"' } })).body.count).toBe(
      31,
    );
  });
});

describe('usage reads', () => {
  it("status and workflow usages, a scheme's mapping for one issue type", async () => {
    const as = personaOf(h, 'admin');
    const status = (await h.call('GET', '/rest/api/3/statuses/1/workflowUsages', { as })).body;
    expect(status.workflows.values.map((w: any) => w.id)).toEqual(expect.arrayContaining(['10100']));
    expect((await h.call('GET', '/rest/api/3/statuses/1/projectUsages', { as })).body.projects.values.map((p: any) => p.id)).toContain('10000');
    expect((await h.call('GET', '/rest/api/3/workflow/10100/workflowSchemes', { as })).body.workflowSchemes.values.map((s: any) => s.id)).toContain(
      '10000',
    );
    expect((await h.call('GET', '/rest/api/3/workflow/10100/projectUsages', { as })).body.projects.values.map((p: any) => p.id)).toEqual(
      expect.arrayContaining(['10000', '10001']),
    );
    expect((await h.call('GET', '/rest/api/3/workflowscheme/10000/issuetype/1', { as })).body).toEqual({
      issueType: '1',
      workflow: 'Acme Bug Workflow',
    });
    expect((await h.call('GET', '/rest/api/3/workflow/nope/projectUsages', { as })).status).toBe(404);
  });
});
