/** Statuses through the current API: create, update, delete, bulk reads; ids, validation, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const create = (statuses: unknown[], scope: unknown = { type: 'GLOBAL' }) => ({ scope, statuses });
const S = '/rest/api/3/statuses';

const refusals: AdminCase[] = [
  {
    name: 'a developer',
    as: 'dev',
    method: 'POST',
    path: S,
    body: create([{ name: 'X', statusCategory: 'TODO' }]),
    status: 403,
    error: 'Administrator privileges are required',
  },
  { name: 'anonymous', as: 'anon', method: 'POST', path: S, body: create([{ name: 'X', statusCategory: 'TODO' }]), status: 401 },
  {
    name: 'a duplicate name (any case)',
    method: 'POST',
    path: S,
    body: create([{ name: 'in progress', statusCategory: 'IN_PROGRESS' }]),
    status: 400,
    error: "A status with the name 'in progress' already exists.",
  },
  {
    name: 'a duplicate within the request',
    method: 'POST',
    path: S,
    body: create([
      { name: 'Twice', statusCategory: 'TODO' },
      { name: 'twice', statusCategory: 'TODO' },
    ]),
    status: 400,
    error: 'already exists',
  },
  { name: 'an empty name', method: 'POST', path: S, body: create([{ name: ' ', statusCategory: 'TODO' }]), status: 400, error: 'must not be empty' },
  {
    name: 'a name of 256 characters',
    method: 'POST',
    path: S,
    body: create([{ name: 'x'.repeat(256), statusCategory: 'TODO' }]),
    status: 400,
    error: 'must not exceed 255',
  },
  {
    name: 'an unknown category',
    method: 'POST',
    path: S,
    body: create([{ name: 'X', statusCategory: 'LATER' }]),
    status: 400,
    error: 'TODO, IN_PROGRESS, DONE',
  },
  { name: 'no scope', method: 'POST', path: S, body: { statuses: [{ name: 'X', statusCategory: 'TODO' }] }, status: 400, error: 'scope is required' },
  {
    name: 'a team-managed scope',
    method: 'POST',
    path: S,
    body: create([{ name: 'X', statusCategory: 'TODO' }], { type: 'PROJECT', project: { id: '10000' } }),
    status: 400,
    error: 'company-managed',
  },
  { name: 'statuses not a list', method: 'POST', path: S, body: create('Open' as unknown as unknown[]), status: 400, error: 'must be a list' },
  {
    name: 'a long description',
    method: 'POST',
    path: S,
    body: create([{ name: 'X', statusCategory: 'TODO', description: 'd'.repeat(256) }]),
    status: 400,
    error: 'must not exceed 255',
  },
  {
    name: 'update of an unknown id',
    method: 'PUT',
    path: S,
    body: { statuses: [{ id: '999', name: 'X', statusCategory: 'TODO' }] },
    status: 404,
    error: 'The status with ID 999 was not found.',
  },
  {
    name: 'update to a taken name',
    method: 'PUT',
    path: S,
    body: { statuses: [{ id: '1', name: 'Closed', statusCategory: 'TODO' }] },
    status: 400,
    error: "A status with the name 'Closed' already exists.",
  },
  {
    name: 'update by a developer',
    as: 'dev',
    method: 'PUT',
    path: S,
    body: { statuses: [{ id: '1', name: 'Opened', statusCategory: 'TODO' }] },
    status: 403,
  },
  {
    name: 'delete of a status a workflow uses',
    method: 'DELETE',
    path: `${S}?id=1`,
    status: 400,
    error: "The status 'Open' can't be deleted because it's used in these workflows",
  },
  { name: 'delete of an unknown id', method: 'DELETE', path: `${S}?id=424242`, status: 404, error: 'was not found' },
  { name: 'delete without ids', method: 'DELETE', path: S, status: 400, error: 'At least one status ID' },
  { name: 'delete by a developer', as: 'dev', method: 'DELETE', path: `${S}?id=1`, status: 403 },
  { name: 'bulk get without ids', method: 'GET', path: S, status: 400, error: 'At least one status ID' },
];

describe('statuses: refusals change nothing', () => {
  it.each(refusals.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('statuses: create, read back, update, delete', () => {
  it('creates with a new id, reads back through both APIs and the search, updates, deletes; the hash returns', async () => {
    const before = await hashOf(h);
    const created = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: S,
      body: create([
        { name: 'Needs Info', statusCategory: 'TODO', description: 'Waiting for the reporter' },
        { name: 'On Hold', statusCategory: 'IN_PROGRESS' },
      ]),
      status: 200,
    });
    expect(created.body.map((s: any) => s.name)).toEqual(['Needs Info', 'On Hold']);
    const [a, b] = created.body as Array<{ id: string }>;
    expect(Number(a!.id)).toBeGreaterThan(10018);
    expect(Number(b!.id)).toBe(Number(a!.id) + 1);
    const legacy = await h.call('GET', `/rest/api/2/status/${a!.id}`, { as: personaOf(h, 'admin') });
    expect(legacy.body).toMatchObject({ name: 'Needs Info', description: 'Waiting for the reporter', statusCategory: { key: 'new' } });
    const bulk = await h.call('GET', `${S}?id=${a!.id}&id=${b!.id}`, { as: personaOf(h, 'admin') });
    expect(bulk.body.map((s: any) => s.statusCategory)).toEqual(['TODO', 'IN_PROGRESS']);
    const byName = await h.call('GET', `${S}/byNames?name=on%20hold`, { as: personaOf(h, 'admin') });
    expect(byName.body.map((s: any) => s.id)).toEqual([b!.id]);
    const search = await h.call('GET', '/rest/api/3/statuses/search?searchString=needs', { as: personaOf(h, 'admin') });
    expect(search.body.values.map((s: any) => s.id)).toContain(a!.id);

    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: S,
      body: { statuses: [{ id: a!.id, name: 'Needs Information', statusCategory: 'IN_PROGRESS' }] },
      status: 204,
    });
    const after = await h.call('GET', `/rest/api/3/status/${a!.id}`, { as: personaOf(h, 'admin') });
    expect(after.body).toMatchObject({ name: 'Needs Information', description: '', statusCategory: { key: 'indeterminate' } });

    await runCase(h, { name: 'delete', method: 'DELETE', path: `${S}?id=${a!.id},${b!.id}`, status: 204 });
    expect((await h.call('GET', `/rest/api/3/status/${a!.id}`, { as: personaOf(h, 'admin') })).status).toBe(404);
    expect(await hashOf(h)).toBe(before);

    // A status created again gets a new id: ids are never reused.
    const again = await runCase(h, {
      name: 'recreate',
      method: 'POST',
      path: S,
      body: create([{ name: 'Needs Info', statusCategory: 'TODO' }]),
      status: 200,
    });
    expect(Number(again.body[0].id)).toBeGreaterThan(Number(b!.id));
    await runCase(h, { name: 'delete again', method: 'DELETE', path: `${S}?id=${again.body[0].id}`, status: 204 });
    expect(await hashOf(h)).toBe(before);
  });

  it('every change is an audit record with the changed values', async () => {
    const audit = h.ctx.tracker.admin.records().audit;
    const created = audit.find((r) => r.summary === 'Status created' && r.objectItem.name === 'Needs Info');
    expect(created).toMatchObject({ category: 'workflows', eventSource: 'REST API', objectItem: { typeName: 'STATUS' } });
    expect(created!.changedValues).toContainEqual({ fieldName: 'name', changedTo: 'Needs Info' });
    const updated = audit.find((r) => r.summary === 'Status updated');
    expect(updated!.changedValues).toContainEqual({ fieldName: 'name', changedFrom: 'Needs Info', changedTo: 'Needs Information' });
    expect(audit.filter((r) => r.summary === 'Status deleted')).toHaveLength(3);
  });
});

describe('statuses in Data Center mode', () => {
  it('the current status API is Cloud only: 404 on DC', async () => {
    const dc = await startSandbox('fixtures/tiny', { deploymentType: 'DataCenter' });
    try {
      const admin = dc.personas.find((p) => p.admin)!.accountId;
      const res = await dc.call('POST', '/rest/api/2/statuses', { as: admin, body: create([{ name: 'X', statusCategory: 'TODO' }]) });
      expect(res.status).toBe(404);
      expect(res.body.errorMessages[0]).toContain('Data Center');
      expect((await dc.call('GET', '/rest/api/2/status', { as: admin })).status).toBe(200);
    } finally {
      await dc.close();
    }
  });
});
