/**
 * The configuration-write parts of issue 18's points, one row each: 9 (filters created, updated,
 * deleted, favourites), 5 (versions and components created, updated, released, archived, deleted)
 * and group membership changes. The admin engineer (issue 19) builds these writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';

let h: Harness;
const DEV = '2d4968499e904ee182e3e0e6';
const ADMIN = 'cbb4e96f290d1caee5708f48';

const rows: Array<{ point: string; what: string; run: () => Promise<void> }> = [
  {
    point: '9',
    what: 'filters: create, update, favourite, delete',
    run: async () => {
      const made = await h.call('POST', '/rest/api/3/filter', { as: DEV, body: { name: 'Open web bugs', jql: 'project = WEB AND issuetype = Bug' } });
      expect(made.status, made.text).toBe(200);
      expect(
        (
          await h.call('PUT', `/rest/api/3/filter/${made.body.id}`, {
            as: DEV,
            body: { name: 'Open web bugs', jql: 'project = WEB AND issuetype = Bug AND resolution = Unresolved' },
          })
        ).body.jql,
      ).toMatch(/Unresolved/);
      expect((await h.call('PUT', `/rest/api/3/filter/${made.body.id}/favourite`, { as: DEV })).body.favourite).toBe(true);
      expect((await h.call('GET', '/rest/api/3/filter/favourite', { as: DEV })).body.map((f: { id: string }) => f.id)).toContain(made.body.id);
      expect((await h.call('DELETE', `/rest/api/3/filter/${made.body.id}/favourite`, { as: DEV })).body.favourite).toBe(false);
      expect((await h.call('DELETE', `/rest/api/3/filter/${made.body.id}`, { as: DEV })).status).toBe(204);
      expect((await h.call('GET', `/rest/api/3/filter/${made.body.id}`, { as: DEV })).status).toBe(404);
    },
  },
  {
    point: '5',
    what: 'versions: create, release, archive, delete',
    run: async () => {
      const project = (await h.call('GET', '/rest/api/3/project/WEB', { as: ADMIN })).body;
      const v = await h.call('POST', '/rest/api/3/version', { as: ADMIN, body: { name: '2099.01', projectId: Number(project.id) } });
      expect(v.status, v.text).toBe(201);
      expect(
        (await h.call('PUT', `/rest/api/3/version/${v.body.id}`, { as: ADMIN, body: { released: true, releaseDate: '2099-01-31' } })).body.released,
      ).toBe(true);
      expect((await h.call('PUT', `/rest/api/3/version/${v.body.id}`, { as: ADMIN, body: { archived: true } })).body.archived).toBe(true);
      expect((await h.call('DELETE', `/rest/api/3/version/${v.body.id}`, { as: ADMIN })).status).toBe(204);
      expect((await h.call('GET', `/rest/api/3/version/${v.body.id}`, { as: ADMIN })).status).toBe(404);
    },
  },
  {
    point: '5',
    what: 'components: create, update, delete',
    run: async () => {
      const c = await h.call('POST', '/rest/api/3/component', { as: ADMIN, body: { name: 'Loyalty', project: 'WEB' } });
      expect(c.status, c.text).toBe(201);
      expect((await h.call('PUT', `/rest/api/3/component/${c.body.id}`, { as: ADMIN, body: { name: 'Loyalty & Rewards' } })).body.name).toBe(
        'Loyalty & Rewards',
      );
      expect((await h.call('DELETE', `/rest/api/3/component/${c.body.id}`, { as: ADMIN })).status).toBe(204);
    },
  },
  {
    point: '7',
    what: 'groups: create, add and remove a member, delete',
    run: async () => {
      expect((await h.call('POST', '/rest/api/3/group', { as: ADMIN, body: { name: 'release-managers' } })).status).toBe(201);
      expect((await h.call('POST', '/rest/api/3/group/user?groupname=release-managers', { as: ADMIN, body: { accountId: DEV } })).status).toBe(201);
      expect(
        (await h.call('GET', '/rest/api/3/group/member?groupname=release-managers', { as: ADMIN })).body.values.map(
          (u: { accountId: string }) => u.accountId,
        ),
      ).toEqual([DEV]);
      expect((await h.call('DELETE', `/rest/api/3/group/user?groupname=release-managers&accountId=${DEV}`, { as: ADMIN })).status).toBe(200);
      expect((await h.call('DELETE', '/rest/api/3/group?groupname=release-managers', { as: ADMIN })).status).toBe(200);
    },
  },
];

describe('issue 18: configuration writes everyday scripts make (issue 19 builds them)', () => {
  beforeAll(async () => {
    h = await startSandbox('fixtures/acme');
  });
  afterAll(async () => {
    await h?.close();
  });
  it.each(rows.map((r) => [`${r.point}. ${r.what}`, r] as const))('%s', async (_name, row) => {
    await row.run();
  });
});
