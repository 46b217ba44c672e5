/** Saved filters, versions, components, the announcement banner and the audit log through REST (and the UI where they show). */
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

const get = async (path: string, as = 'admin') => (await h.call('GET', path, { as: personaOf(h, as) })).body;
const dev = () => personaOf(h, 'dev')!;

describe('saved filters', () => {
  it('a developer creates, shares, favourites, changes and deletes their own filter; the hash returns (favourites are not state)', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/filter',
      body: { name: 'My web bugs', description: 'Mine', jql: 'project = WEB AND issuetype = Bug ORDER BY created DESC', sharePermissions: [] },
      status: 200,
    });
    expect(made.body).toMatchObject({
      name: 'My web bugs',
      jql: 'project = WEB AND issuetype = Bug ORDER BY created DESC',
      favourite: true,
      favouritedCount: 1,
      owner: { accountId: dev() },
    });
    const id = made.body.id;
    expect((await get('/rest/api/3/filter/favourite', 'dev')).map((f: any) => f.id)).toContain(id);
    await runCase(h, {
      name: 'unfavourite',
      as: 'dev',
      method: 'DELETE',
      path: `/rest/api/3/filter/${id}/favourite`,
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.favourite).toBe(false);
      },
    });
    await runCase(h, {
      name: 'update',
      as: 'dev',
      method: 'PUT',
      path: `/rest/api/3/filter/${id}`,
      body: { jql: 'project = WEB AND priority = High' },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.jql).toBe('project = WEB AND priority = High');
      },
    });
    const search = await h.call('GET', `/rest/api/3/search/jql?jql=${encodeURIComponent(`filter = ${id}`)}&maxResults=0`, { as: dev() });
    expect(search.status).toBeLessThan(500);
    await runCase(h, {
      name: 'someone else',
      as: 'admin',
      method: 'PUT',
      path: `/rest/api/3/filter/${id}/owner`,
      body: { accountId: dev() },
      status: 204,
    });
    await runCase(h, { name: 'delete', as: 'dev', method: 'DELETE', path: `/rest/api/3/filter/${id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    { name: 'an invalid JQL', as: 'dev', method: 'POST', path: '/rest/api/3/filter', body: { name: 'X', jql: 'project = NOPE' }, status: 400 },
    { name: 'a taken name for the same owner', method: 'POST', path: '/rest/api/3/filter', body: { name: 'X', jql: 'project = WEB' }, status: 200 },
    {
      name: 'no name',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/filter',
      body: { jql: 'project = WEB' },
      status: 400,
      error: 'You must specify a name for the filter.',
    },
    { name: 'anonymous', as: 'anon', method: 'POST', path: '/rest/api/3/filter', body: { name: 'X', jql: 'project = WEB' }, status: 401 },
    {
      name: 'a share to a missing group',
      method: 'PUT',
      path: '/rest/api/3/filter/10000',
      body: { sharePermissions: [{ type: 'group', group: { name: 'ghosts' } }] },
      status: 400,
      error: "The group 'ghosts' does not exist.",
    },
    {
      name: "someone else's filter",
      as: 'plain',
      method: 'PUT',
      path: '/rest/api/3/filter/10000',
      body: { name: 'Mine now' },
      status: 400,
      error: 'Only the owner of a filter may change it.',
    },
    { name: 'deleting a filter a board uses', method: 'DELETE', path: '/rest/api/3/filter/10000', status: 400, error: 'the boards' },
    { name: "deleting someone else's filter", as: 'plain', method: 'DELETE', path: '/rest/api/3/filter/10000', status: 401 },
    { name: 'an unknown filter', method: 'PUT', path: '/rest/api/3/filter/99999', body: { name: 'X' }, status: 404 },
    { name: 'a bad share type', method: 'PUT', path: '/rest/api/3/filter/10000', body: { sharePermissions: [{ type: 'everyone' }] }, status: 400 },
  ];
  it.each(cases.filter((c) => c.status >= 400).map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
  it('refused: a name the owner already uses', async () => {
    const taken = h.ctx.tracker.config.filters.find((f) => f.owner === personaOf(h, 'admin'));
    if (!taken) return;
    await runCase(h, {
      name: 'dup',
      method: 'POST',
      path: '/rest/api/3/filter',
      body: { name: taken.name.toUpperCase(), jql: 'project = WEB' },
      status: 400,
      error: 'A filter with this name already exists.',
    });
  });
});

describe('versions and components', () => {
  it('versions: create, release, move, delete moving issues; components: create, update, delete; the hash returns where nothing moved', async () => {
    const start = await hashOf(h);
    const v = await runCase(h, {
      name: 'version',
      method: 'POST',
      path: '/rest/api/3/version',
      body: { projectId: 10000, name: '9.9', description: 'Far future', releaseDate: '2027-01-15' },
      status: 201,
    });
    expect(v.body).toMatchObject({ name: '9.9', released: false, archived: false, releaseDate: '2027-01-15', projectId: 10000 });
    await runCase(h, {
      name: 'release',
      method: 'PUT',
      path: `/rest/api/3/version/${v.body.id}`,
      body: { released: true },
      status: 200,
      afterwards: (_h, r) => {
        expect(r.body.released).toBe(true);
      },
    });
    await runCase(h, { name: 'move', method: 'POST', path: `/rest/api/3/version/${v.body.id}/move`, body: { position: 'First' }, status: 200 });
    expect((await get('/rest/api/3/project/WEB/versions'))[0].name).toBe('9.9');
    await runCase(h, { name: 'move back', method: 'POST', path: `/rest/api/3/version/${v.body.id}/move`, body: { position: 'Last' }, status: 200 });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/version/${v.body.id}`, status: 204 });
    const c = await runCase(h, {
      name: 'component',
      method: 'POST',
      path: '/rest/api/3/component',
      body: { project: 'WEB', name: 'Recommendations', description: 'You may also like' },
      status: 201,
    });
    expect(c.body).toMatchObject({ name: 'Recommendations', project: 'WEB' });
    await runCase(h, { name: 'update', method: 'PUT', path: `/rest/api/3/component/${c.body.id}`, body: { name: 'Recs' }, status: 200 });
    expect((await get(`/rest/api/3/component/${c.body.id}`)).name).toBe('Recs');
    await runCase(h, { name: 'delete component', method: 'DELETE', path: `/rest/api/3/component/${c.body.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  it('deleting a version issues hold moves them to the replacement, with history', async () => {
    const x = await startSandbox('fixtures/acme');
    try {
      const as = personaOf(x, 'admin');
      const web = (await x.call('GET', '/rest/api/3/project/WEB/versions', { as })).body;
      const count = async (jql: string) => (await x.call('POST', '/rest/api/3/search/approximate-count', { as, body: { jql } })).body.count;
      const [from, to] = [web[0], web[1]];
      const before = await count(`fixVersion = ${from.id}`);
      expect(before).toBeGreaterThan(0);
      const res = await x.call('DELETE', `/rest/api/3/version/${from.id}?moveFixIssuesTo=${to.id}`, { as });
      expect(res.status, res.text).toBe(204);
      expect((await x.call('GET', '/rest/api/3/project/WEB/versions', { as })).body.map((v: any) => v.id)).not.toContain(from.id);
      expect(await count(`fixVersion = ${to.id}`)).toBeGreaterThanOrEqual(before);
    } finally {
      await x.close();
    }
  });

  const cases: AdminCase[] = [
    {
      name: 'a version by someone who administers no project',
      as: 'plain',
      method: 'POST',
      path: '/rest/api/3/version',
      body: { projectId: 10000, name: 'X' },
      status: 403,
    },
    {
      name: 'a version with a taken name',
      method: 'POST',
      path: '/rest/api/3/version',
      body: { projectId: 10000, name: 'NAME_OF_FIRST' },
      status: 400,
      error: 'A version with this name already exists',
    },
    { name: 'a version without a project', method: 'POST', path: '/rest/api/3/version', body: { name: 'X' }, status: 400 },
    { name: 'a version of an unknown project', method: 'POST', path: '/rest/api/3/version', body: { projectId: 99999, name: 'X' }, status: 404 },
    {
      name: 'a bad release date',
      method: 'POST',
      path: '/rest/api/3/version',
      body: { projectId: 10000, name: 'X', releaseDate: 'soon' },
      status: 400,
    },
    { name: 'an unknown version', method: 'PUT', path: '/rest/api/3/version/99999', body: { name: 'X' }, status: 404 },
    { name: 'moving issues to the version being deleted', method: 'DELETE', path: '/rest/api/3/version/FIRST?moveFixIssuesTo=FIRST', status: 400 },
    { name: 'a component with a taken name', method: 'POST', path: '/rest/api/3/component', body: { project: 'WEB', name: 'checkout' }, status: 400 },
    {
      name: 'a component lead who does not exist',
      method: 'POST',
      path: '/rest/api/3/component',
      body: { project: 'WEB', name: 'X', leadAccountId: 'nobody' },
      status: 400,
    },
    { name: 'moving issues to an unknown component', method: 'DELETE', path: '/rest/api/3/component/10000?moveIssuesTo=99999', status: 404 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    const first = (await get('/rest/api/3/project/WEB/versions'))[0];
    await runCase(h, {
      ...c,
      path: c.path.replaceAll('FIRST', first.id),
      body: c.body && JSON.parse(JSON.stringify(c.body).replace('NAME_OF_FIRST', first.name.toLowerCase())),
    });
  });
});

describe('the announcement banner', () => {
  it('is set, shown above every UI page (private: signed-in people only), read back, and put back: the hash never moves', async () => {
    const start = await hashOf(h);
    const before = await get('/rest/api/3/announcementBanner');
    expect(before).toMatchObject({ isEnabled: false, message: '' });
    await runCase(h, {
      name: 'set',
      method: 'PUT',
      path: '/rest/api/3/announcementBanner',
      body: { message: 'Jira changes tonight 18:00–19:00 <b>bold</b>', isEnabled: true, isDismissible: false, visibility: 'private' },
      status: 204,
    });
    const now = await get('/rest/api/3/announcementBanner');
    expect(now).toMatchObject({
      isEnabled: true,
      isDismissible: false,
      visibility: 'private',
      message: 'Jira changes tonight 18:00–19:00 <b>bold</b>',
    });
    expect(now.hashId).not.toBe(before.hashId);
    const page = await h.call('GET', '/issues/', { as: dev(), headers: { accept: 'text/html' } });
    expect(page.text).toContain('data-testid="announcement-banner">Jira changes tonight 18:00–19:00 &lt;b&gt;bold&lt;/b&gt;</div>');
    const anonymous = await h.call('GET', '/login', { headers: { accept: 'text/html' } });
    expect(anonymous.text).not.toContain('announcement-banner');
    expect(await hashOf(h)).toBe(start);
    await runCase(h, {
      name: 'put back',
      method: 'PUT',
      path: '/rest/api/3/announcementBanner',
      body: { message: before.message, isEnabled: before.isEnabled, isDismissible: before.isDismissible, visibility: before.visibility },
      status: 204,
    });
    expect(await get('/rest/api/3/announcementBanner')).toEqual(before);
    expect(h.ctx.tracker.admin.records().bannerHistory).toHaveLength(2);
  });

  const cases: AdminCase[] = [
    {
      name: 'a developer',
      as: 'dev',
      method: 'PUT',
      path: '/rest/api/3/announcementBanner',
      body: { message: 'x' },
      status: 403,
      error: 'Only admins can update banner configuration.',
    },
    {
      name: 'a null message',
      method: 'PUT',
      path: '/rest/api/3/announcementBanner',
      body: { message: null },
      status: 400,
      error: 'Banner message cannot be null.',
    },
    {
      name: 'a bad visibility',
      method: 'PUT',
      path: '/rest/api/3/announcementBanner',
      body: { message: 'x', visibility: 'everyone' },
      status: 400,
      error: 'Visibility must be one of',
    },
    { name: 'reading as a developer', as: 'dev', method: 'GET', path: '/rest/api/3/announcementBanner', status: 403 },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('the audit log', () => {
  it('lists every configuration change newest first, with changed values, filterable; administrators only', async () => {
    const all = await get('/rest/api/3/auditing/record?limit=1000');
    expect(all.total).toBeGreaterThan(5);
    expect(all.records[0].id).toBeGreaterThan(all.records.at(-1).id);
    const banner = await get('/rest/api/3/auditing/record?filter=banner');
    expect(banner.records[0]).toMatchObject({ summary: 'Announcement banner updated', category: 'system', eventSource: 'REST API' });
    const versions = await get('/rest/api/3/auditing/record?filter=project%20updated&limit=2');
    expect(versions.records).toHaveLength(2);
    expect(versions.records[0].changedValues.map((c: any) => c.fieldName)).toContain('components');
    expect((await h.call('GET', '/rest/api/3/auditing/record', { as: dev() })).status).toBe(403);
    const future = await get('/rest/api/3/auditing/record?from=2099-01-01T00:00:00.000Z');
    expect(future.total).toBe(0);
  });
});
