/** Screens, tabs, tab fields, screen schemes and issue type screen schemes: changes read back through REST and the admin UI, refusals. */
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

const S = '/rest/api/3/screens';
const get = async (path: string) => (await h.call('GET', path, { as: personaOf(h, 'admin') })).body;

describe('screens', () => {
  it('create (with a field tab), tabs, fields added, moved and removed, shown in the admin UI; deleted; the hash returns', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: S,
      body: { name: 'Triage Screen', description: 'What triage asks' },
      status: 201,
    });
    const id = made.body.id;
    const [tab] = await get(`${S}/${id}/tabs`);
    expect(tab.name).toBe('Field Tab');
    for (const f of ['summary', 'priority', 'customfield_10012'])
      await runCase(h, { name: `add ${f}`, method: 'POST', path: `${S}/${id}/tabs/${tab.id}/fields`, body: { fieldId: f }, status: 200 });
    await runCase(h, {
      name: 'move first',
      method: 'POST',
      path: `${S}/${id}/tabs/${tab.id}/fields/customfield_10012/move`,
      body: { position: 'First' },
      status: 204,
    });
    await runCase(h, {
      name: 'move after',
      method: 'POST',
      path: `${S}/${id}/tabs/${tab.id}/fields/summary/move`,
      body: { after: 'customfield_10012' },
      status: 204,
    });
    expect((await get(`${S}/${id}/tabs/${tab.id}/fields`)).map((f: any) => f.id)).toEqual(['customfield_10012', 'summary', 'priority']);
    const second = await runCase(h, { name: 'tab', method: 'POST', path: `${S}/${id}/tabs`, body: { name: 'Details' }, status: 200 });
    await runCase(h, { name: 'rename tab', method: 'PUT', path: `${S}/${id}/tabs/${second.body.id}`, body: { name: 'More' }, status: 200 });
    await runCase(h, { name: 'move tab', method: 'POST', path: `${S}/${id}/tabs/${second.body.id}/move/0`, status: 204 });
    expect((await get(`${S}/${id}/tabs`)).map((t: any) => t.name)).toEqual(['More', 'Field Tab']);
    const page = await h.call('GET', '/secure/admin/ViewFieldScreens.jspa', { as: personaOf(h, 'admin'), headers: { accept: 'text/html' } });
    expect(page.text).toContain('Triage Screen');
    expect(page.text).toMatch(/Tab: Field Tab<\/h3><ol><li>Severity<\/li><li>Summary<\/li><li>Priority<\/li>/);
    await runCase(h, { name: 'delete tab', method: 'DELETE', path: `${S}/${id}/tabs/${second.body.id}`, status: 204 });
    await runCase(h, { name: 'remove field', method: 'DELETE', path: `${S}/${id}/tabs/${tab.id}/fields/priority`, status: 204 });
    await runCase(h, { name: 'rename', method: 'PUT', path: `${S}/${id}`, body: { name: 'Triage', description: '' }, status: 200 });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `${S}/${id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  it('a field added to the create screen appears in the create metadata; removing it reverts', async () => {
    const start = await hashOf(h);
    // WEB bugs are created on screen 10000's screen scheme; find the create screen through the metadata's absence first.
    // WEB bugs are created on screen 10012 (screen scheme 10000's create screen); Owning Group has a global context but is not on it.
    const before = (await get('/rest/api/3/issue/createmeta/WEB/issuetypes/1')).fields.map((f: any) => f.fieldId);
    expect(before).not.toContain('customfield_10024');
    await runCase(h, { name: 'add', method: 'POST', path: `${S}/10012/tabs/100121/fields`, body: { fieldId: 'customfield_10024' }, status: 200 });
    const after = (await get('/rest/api/3/issue/createmeta/WEB/issuetypes/1')).fields.map((f: any) => f.fieldId);
    expect(after).toEqual([...before, 'customfield_10024']);
    await runCase(h, { name: 'remove', method: 'DELETE', path: `${S}/10012/tabs/100121/fields/customfield_10024`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'create by a developer',
      as: 'dev',
      method: 'POST',
      path: S,
      body: { name: 'X' },
      status: 403,
      error: 'Only Jira administrators can manage screens.',
    },
    { name: 'a taken name', method: 'POST', path: S, body: { name: 'default screen' }, status: 400, error: 'The name is used by another screen.' },
    { name: 'delete a screen a scheme uses', method: 'DELETE', path: `${S}/1`, status: 400, error: 'The screen is used in a screen scheme.' },
    { name: 'delete an unknown screen', method: 'DELETE', path: `${S}/99999`, status: 404, error: 'The screen was not found.' },
    {
      name: 'a field twice on a screen',
      method: 'POST',
      path: `${S}/1/tabs/11/fields`,
      body: { fieldId: 'summary' },
      status: 400,
      error: 'The field with id summary already exists on the screen.',
    },
    { name: 'an unknown field', method: 'POST', path: `${S}/1/tabs/11/fields`, body: { fieldId: 'customfield_99999' }, status: 404 },
    { name: 'an unknown tab', method: 'POST', path: `${S}/1/tabs/99999/fields`, body: { fieldId: 'summary' }, status: 404 },
    { name: 'remove a field not on the tab', method: 'DELETE', path: `${S}/1/tabs/11/fields/customfield_10039`, status: 404 },
    {
      name: 'move with both after and position',
      method: 'POST',
      path: `${S}/1/tabs/11/fields/summary/move`,
      body: { after: 'priority', position: 'First' },
      status: 400,
    },
    { name: 'move to a bad position', method: 'POST', path: `${S}/1/tabs/11/fields/summary/move`, body: { position: 'Top' }, status: 400 },
    { name: 'the last tab', method: 'DELETE', path: `${S}/1/tabs/11`, status: 400, error: 'The last tab of a screen cannot be deleted.' },
    { name: 'a tab out of range', method: 'POST', path: `${S}/1/tabs/11/move/5`, status: 400, error: 'out of range' },
    { name: 'tabs by a developer', as: 'dev', method: 'POST', path: `${S}/1/tabs`, body: { name: 'X' }, status: 403 },
    {
      name: 'a screen scheme without a default screen',
      method: 'POST',
      path: '/rest/api/3/screenscheme',
      body: { name: 'X', screens: { create: 1 } },
      status: 400,
      error: 'The default screen has to be provided.',
    },
    {
      name: 'a screen scheme naming an unknown screen',
      method: 'POST',
      path: '/rest/api/3/screenscheme',
      body: { name: 'X', screens: { default: 99999 } },
      status: 404,
    },
    {
      name: 'delete a screen scheme in use',
      method: 'DELETE',
      path: '/rest/api/3/screenscheme/10000',
      status: 400,
      error: 'used in one or more issue type screen schemes',
    },
    {
      name: 'an issue type screen scheme without default',
      method: 'POST',
      path: '/rest/api/3/issuetypescreenscheme',
      body: { name: 'X', issueTypeMappings: [{ issueTypeId: '1', screenSchemeId: '1' }] },
      status: 400,
      error: 'default issue type mapping',
    },
    {
      name: 'repeated issue types',
      method: 'POST',
      path: '/rest/api/3/issuetypescreenscheme',
      body: {
        name: 'X',
        issueTypeMappings: [
          { issueTypeId: 'default', screenSchemeId: '1' },
          { issueTypeId: '1', screenSchemeId: '1' },
          { issueTypeId: '1', screenSchemeId: '1' },
        ],
      },
      status: 400,
      error: 'One or more issue type IDs are repeated',
    },
    {
      name: 'a default mapping through /mapping',
      method: 'PUT',
      path: '/rest/api/3/issuetypescreenscheme/10000/mapping',
      body: { issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: '10001' }] },
      status: 400,
      error: 'A default mapping cannot be added.',
    },
    {
      name: 'delete an issue type screen scheme in use',
      method: 'DELETE',
      path: '/rest/api/3/issuetypescreenscheme/10000',
      status: 400,
      error: 'assigned to one or more projects',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('screen schemes and issue type screen schemes', () => {
  it('create, map, assign to a project and back, delete; the hash returns', async () => {
    const start = await hashOf(h);
    const ss = await runCase(h, {
      name: 'screen scheme',
      method: 'POST',
      path: '/rest/api/3/screenscheme',
      body: { name: 'Trial screens', description: 'Trial', screens: { default: 1, create: 1 } },
      status: 201,
    });
    await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: `/rest/api/3/screenscheme/${ss.body.id}`,
      body: { screens: { create: null, edit: 1 } },
      status: 204,
    });
    expect((await get(`/rest/api/3/screenscheme?id=${ss.body.id}`)).values[0]).toMatchObject({
      description: 'Trial',
      screens: { default: 1, edit: 1 },
    });
    const itss = await runCase(h, {
      name: 'itss',
      method: 'POST',
      path: '/rest/api/3/issuetypescreenscheme',
      body: { name: 'Trial ITSS', issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: String(ss.body.id) }] },
      status: 201,
    });
    await runCase(h, {
      name: 'map',
      method: 'PUT',
      path: `/rest/api/3/issuetypescreenscheme/${itss.body.id}/mapping`,
      body: { issueTypeMappings: [{ issueTypeId: '1', screenSchemeId: '10001' }] },
      status: 204,
    });
    await runCase(h, {
      name: 'default',
      method: 'PUT',
      path: `/rest/api/3/issuetypescreenscheme/${itss.body.id}/mapping/default`,
      body: { screenSchemeId: '10001' },
      status: 204,
    });
    await runCase(h, {
      name: 'default back',
      method: 'PUT',
      path: `/rest/api/3/issuetypescreenscheme/${itss.body.id}/mapping/default`,
      body: { screenSchemeId: String(ss.body.id) },
      status: 204,
    });
    const project = (await get('/rest/api/3/issuetypescreenscheme/project?projectId=10007')).values[0].issueTypeScreenScheme.id;
    await runCase(h, {
      name: 'assign',
      method: 'PUT',
      path: '/rest/api/3/issuetypescreenscheme/project',
      body: { projectId: '10007', issueTypeScreenSchemeId: itss.body.id },
      status: 204,
    });
    expect((await get('/rest/api/3/issuetypescreenscheme/project?projectId=10007')).values[0].issueTypeScreenScheme.id).toBe(itss.body.id);
    await runCase(h, {
      name: 'assign back',
      method: 'PUT',
      path: '/rest/api/3/issuetypescreenscheme/project',
      body: { projectId: '10007', issueTypeScreenSchemeId: project },
      status: 204,
    });
    await runCase(h, {
      name: 'unmap',
      method: 'POST',
      path: `/rest/api/3/issuetypescreenscheme/${itss.body.id}/mapping/remove`,
      body: { issueTypeIds: ['1'] },
      status: 204,
    });
    await runCase(h, { name: 'delete itss', method: 'DELETE', path: `/rest/api/3/issuetypescreenscheme/${itss.body.id}`, status: 204 });
    await runCase(h, { name: 'delete ss', method: 'DELETE', path: `/rest/api/3/screenscheme/${ss.body.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });
});
