/** Field configurations and their schemes: items that change create metadata, mappings, refusals, reverts that hash as before. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';
import { hashOf, personaOf, runCase, type AdminCase } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/acme', { withUi: true });
});
afterAll(async () => {
  await h.close();
});

const FC = '/rest/api/3/fieldconfiguration';
const FCS = '/rest/api/3/fieldconfigurationscheme';
const get = async (path: string) => (await h.call('GET', path, { as: personaOf(h, 'admin') })).body;
const required = async (project: string, type: string, field: string) =>
  (await get(`/rest/api/3/issue/createmeta/${project}/issuetypes/${type}`)).fields.find((f: any) => f.fieldId === field)?.required;

describe('field configurations', () => {
  it('lists every field, not only configured ones', async () => {
    const page = await get(`${FC}/10000/fields?maxResults=1000`);
    expect(page.total).toBeGreaterThan(60);
    expect(page.values[0]).toEqual({ id: 'summary', isHidden: false, isRequired: true });
    expect(page.values.find((v: any) => v.id === 'customfield_10012')).toEqual({ id: 'customfield_10012', isHidden: false, isRequired: false });
  });

  it('making a field required shows in the create metadata and the create form; the revert hashes as before', async () => {
    const start = await hashOf(h);
    // WEB bugs use field configuration 10001 (the software scheme maps Bug to it).
    expect(await required('WEB', '1', 'customfield_10012')).toBe(false);
    await runCase(h, {
      name: 'require',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: true, description: 'How bad is it?' }] },
      status: 204,
    });
    expect(await required('WEB', '1', 'customfield_10012')).toBe(true);
    expect((await get(`${FC}/10001/fields?maxResults=1000`)).values.find((v: any) => v.id === 'customfield_10012')).toEqual({
      id: 'customfield_10012',
      isHidden: false,
      isRequired: true,
      description: 'How bad is it?',
    });
    const form = await h.call('GET', '/secure/CreateIssue?pid=WEB&issuetype=1', { as: personaOf(h, 'admin'), headers: { accept: 'text/html' } });
    expect(form.text).toMatch(/Severity<span class="req"/);
    await runCase(h, {
      name: 'revert',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: false, description: '' }] },
      status: 204,
    });
    expect(await hashOf(h)).toBe(start);
    // An item already there goes back to where it stood.
    await runCase(h, {
      name: 'shown',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10011', isHidden: false }] },
      status: 204,
    });
    await runCase(h, {
      name: 'hidden again',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10011', isHidden: true }] },
      status: 204,
    });
    expect(await hashOf(h)).toBe(start);
  });

  it('create, rename, map in a scheme, assign, unmap, delete; the hash returns', async () => {
    const start = await hashOf(h);
    const fc = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: FC,
      body: { name: 'Strict bugs', description: 'Everything required' },
      status: 200,
    });
    expect(fc.body).toMatchObject({ name: 'Strict bugs', description: 'Everything required', isDefault: false });
    await runCase(h, { name: 'rename', method: 'PUT', path: `${FC}/${fc.body.id}`, body: { name: 'Strict bugs v2' }, status: 204 });
    const s = await runCase(h, {
      name: 'scheme',
      method: 'POST',
      path: FCS,
      body: { name: 'Strict scheme', description: 'For trials' },
      status: 201,
    });
    expect(s.body).toMatchObject({ name: 'Strict scheme', description: 'For trials' });
    await runCase(h, {
      name: 'map',
      method: 'PUT',
      path: `${FCS}/${s.body.id}/mapping`,
      body: { mappings: [{ issueTypeId: '1', fieldConfigurationId: String(fc.body.id) }] },
      status: 204,
    });
    const rows = (await get(`${FCS}/mapping?fieldConfigurationSchemeId=${s.body.id}`)).values;
    expect(rows).toContainEqual({ fieldConfigurationSchemeId: s.body.id, issueTypeId: '1', fieldConfigurationId: String(fc.body.id) });
    await runCase(h, { name: 'fc in use', method: 'DELETE', path: `${FC}/${fc.body.id}`, status: 400, error: 'cannot be deleted' });
    await runCase(h, {
      name: 'rename scheme',
      method: 'PUT',
      path: `${FCS}/${s.body.id}`,
      body: { name: 'Strict scheme v2', description: '' },
      status: 204,
    });
    await runCase(h, { name: 'unmap', method: 'POST', path: `${FCS}/${s.body.id}/mapping/delete`, body: { issueTypeIds: ['1'] }, status: 204 });
    await runCase(h, { name: 'delete scheme', method: 'DELETE', path: `${FCS}/${s.body.id}`, status: 204 });
    await runCase(h, { name: 'delete fc', method: 'DELETE', path: `${FC}/${fc.body.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'a developer',
      as: 'dev',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: true }] },
      status: 403,
      error: 'Only Jira administrators can access field configurations.',
    },
    {
      name: 'an unknown configuration',
      method: 'PUT',
      path: `${FC}/99999/fields`,
      body: { fieldConfigurationItems: [] },
      status: 404,
      error: 'The field configuration was not found.',
    },
    {
      name: 'an unknown field',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_99999', isRequired: true }] },
      status: 400,
      error: 'The field customfield_99999 was not found.',
    },
    {
      name: 'summary made optional',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'summary', isRequired: false }] },
      status: 400,
      error: 'always required',
    },
    {
      name: 'required and hidden',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: true, isHidden: true }] },
      status: 400,
      error: 'cannot be both required and hidden',
    },
    {
      name: 'items not a list',
      method: 'PUT',
      path: `${FC}/10001/fields`,
      body: { fieldConfigurationItems: 'all' },
      status: 400,
      error: 'must be a list',
    },
    { name: 'a taken name', method: 'POST', path: FC, body: { name: 'default field configuration' }, status: 400, error: 'already exists' },
    { name: 'delete the default', method: 'DELETE', path: `${FC}/10000`, status: 400, error: 'The default field configuration cannot be deleted.' },
    {
      name: 'a scheme with a taken name',
      method: 'POST',
      path: FCS,
      body: { name: 'software field configuration scheme' },
      status: 400,
      error: 'A field configuration scheme is using this name.',
    },
    { name: 'delete a scheme in use', method: 'DELETE', path: `${FCS}/10000`, status: 400, error: 'assigned to the projects WEB, MOB' },
    {
      name: 'map to an unknown configuration',
      method: 'PUT',
      path: `${FCS}/10000/mapping`,
      body: { mappings: [{ issueTypeId: '1', fieldConfigurationId: '99999' }] },
      status: 404,
    },
    {
      name: 'map an unknown issue type',
      method: 'PUT',
      path: `${FCS}/10000/mapping`,
      body: { mappings: [{ issueTypeId: '999', fieldConfigurationId: '10001' }] },
      status: 404,
    },
    {
      name: 'unmap twice the same type',
      method: 'POST',
      path: `${FCS}/10000/mapping/delete`,
      body: { issueTypeIds: ['1', '1'] },
      status: 400,
      error: 'The issueTypeIds must not contain duplicates.',
    },
    {
      name: 'assign to an unknown project',
      method: 'PUT',
      path: `${FCS}/project`,
      body: { projectId: '99999', fieldConfigurationSchemeId: '10000' },
      status: 404,
      error: 'The project was not found.',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});
