/**
 * Issue 18's twelve points, one row each (point 9 and the writes of point 5 are the admin
 * engineer's: see points-config-writes.test.ts): each row is what a real client does and failed
 * against the sandbox before the fix. fixtures/acme, a developer (mei.lin, role Developers in WEB)
 * and an administrator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';

let h: Harness;
const DEV = '2d4968499e904ee182e3e0e6';
const ADMIN = 'cbb4e96f290d1caee5708f48';
beforeAll(async () => {
  h = await startSandbox('fixtures/acme');
});
afterAll(async () => {
  await h.close();
});

const rows: Array<{ point: number; what: string; run: () => Promise<void> }> = [
  {
    point: 1,
    what: '/rest/api/latest is served as v2',
    run: async () => {
      const issue = await h.call('GET', '/rest/api/latest/issue/WEB-1?fields=summary', { as: DEV });
      expect(issue.status).toBe(200);
      expect(issue.body.key).toBe('WEB-1');
      expect(issue.body.self).toContain('/rest/api/2/issue/');
      expect((await h.call('PUT', '/rest/api/latest/issue/WEB-65/assignee', { as: ADMIN, body: { accountId: DEV } })).status).toBe(204);
    },
  },
  {
    point: 2,
    what: 'POST …/watchers with a bare JSON string, DELETE ?accountId=',
    run: async () => {
      const add = await h.call('POST', '/rest/api/2/issue/WEB-6/watchers', { as: DEV, raw: JSON.stringify(DEV) });
      expect(add.status, add.text).toBe(204);
      expect(
        (await h.call('GET', '/rest/api/2/issue/WEB-6/watchers', { as: DEV })).body.watchers.map((w: { accountId: string }) => w.accountId),
      ).toContain(DEV);
      expect((await h.call('DELETE', `/rest/api/2/issue/WEB-6/watchers?accountId=${DEV}`, { as: DEV })).status).toBe(204);
      expect((await h.call('GET', '/rest/api/2/issue/WEB-6/watchers', { as: DEV })).body.isWatching).toBe(false);
    },
  },
  {
    point: 3,
    what: 'POST /issueLink, fields.issuelinks, GET/DELETE /issueLink/{id}, /issueLinkType/{id}',
    run: async () => {
      const made = await h.call('POST', '/rest/api/2/issueLink', {
        as: DEV,
        body: { type: { name: 'Blocks' }, inwardIssue: { key: 'WEB-8' }, outwardIssue: { key: 'WEB-27' } },
      });
      expect(made.status, made.text).toBe(201);
      const links = (await h.call('GET', '/rest/api/2/issue/WEB-27?fields=issuelinks', { as: DEV })).body.fields.issuelinks;
      const link = links.find((l: { outwardIssue?: { key: string } }) => l.outwardIssue?.key === 'WEB-8');
      expect(link?.type.outward).toBe('blocks');
      const one = await h.call('GET', `/rest/api/2/issueLink/${link.id}`, { as: DEV });
      expect([one.status, one.body.inwardIssue.key, one.body.outwardIssue.key]).toEqual([200, 'WEB-8', 'WEB-27']);
      expect((await h.call('GET', '/rest/api/2/issueLinkType/10000', { as: DEV })).body.name).toBe('Blocks');
      expect((await h.call('DELETE', `/rest/api/2/issueLink/${link.id}`, { as: DEV })).status).toBe(204);
      expect((await h.call('GET', `/rest/api/2/issueLink/${link.id}`, { as: DEV })).status).toBe(404);
    },
  },
  {
    point: 4,
    what: 'GET, PUT and DELETE /issue/KEY/comment/ID',
    run: async () => {
      const added = await h.call('POST', '/rest/api/2/issue/WEB-47/comment', { as: DEV, body: { body: 'first words' } });
      const path = `/rest/api/2/issue/WEB-47/comment/${added.body.id}`;
      expect((await h.call('GET', path, { as: DEV })).body.body).toBe('first words');
      const edited = await h.call('PUT', path, { as: DEV, body: { body: 'second words' } });
      expect([edited.status, edited.body.body]).toEqual([200, 'second words']);
      expect((await h.call('DELETE', path, { as: ADMIN })).status).toBe(204);
      expect((await h.call('GET', path, { as: DEV })).status).toBe(404);
    },
  },
  {
    point: 5,
    what: 'GET /version/ID and /component/ID (the self URLs)',
    run: async () => {
      const project = (await h.call('GET', '/rest/api/2/project/WEB', { as: DEV })).body;
      const v = await h.call('GET', new URL(project.versions[0].self).pathname, { as: DEV });
      expect([v.status, v.body.name]).toEqual([200, project.versions[0].name]);
      const c = await h.call('GET', new URL(project.components[0].self).pathname, { as: DEV });
      expect([c.status, c.body.name]).toEqual([200, project.components[0].name]);
    },
  },
  {
    point: 6,
    what: 'an issue carries attachment, worklog, votes and timetracking, empty where there are none',
    run: async () => {
      const f = (await h.call('GET', '/rest/api/2/issue/WEB-80', { as: DEV })).body.fields;
      expect(f.attachment).toEqual([]);
      expect(f.worklog).toMatchObject({ total: 0, worklogs: [] });
      expect(f.votes).toMatchObject({ votes: 0, hasVoted: false });
      expect(f.timetracking).toEqual({});
    },
  },
  {
    point: 7,
    what: 'GET /group?groupname=…&expand=users',
    run: async () => {
      const g = await h.call('GET', '/rest/api/2/group?groupname=developers&expand=users', { as: ADMIN });
      expect(g.status, g.text).toBe(200);
      expect(g.body.users.items.map((u: { accountId: string }) => u.accountId)).toContain(DEV);
    },
  },
  {
    point: 8,
    what: 'JQL filter = ID and filter = "name"',
    run: async () => {
      const all = await h.call('POST', '/rest/api/3/search/approximate-count', { as: DEV, body: { jql: 'project = WEB' } });
      for (const jql of ['filter = 10000', 'filter = "Storefront Web board"', 'filter in (10000) AND project = WEB']) {
        const res = await h.call('POST', '/rest/api/3/search/approximate-count', { as: DEV, body: { jql } });
        expect([res.status, res.body.count], jql).toEqual([200, all.body.count]);
      }
    },
  },
  {
    point: 10,
    what: 'a scrum board lists no epics and only issues in a mapped column',
    run: async () => {
      const mapped = new Set<string>(
        (await h.call('GET', '/rest/agile/1.0/board/1/configuration', { as: DEV })).body.columnConfig.columns.flatMap(
          (c: { statuses: Array<{ id: string }> }) => c.statuses.map((s) => s.id),
        ),
      );
      const issues = (await h.call('GET', '/rest/agile/1.0/board/1/issue?maxResults=1000&fields=issuetype,status', { as: DEV })).body.issues;
      expect(issues.length).toBeGreaterThan(0);
      expect(issues.filter((i: { fields: { issuetype: { name: string } } }) => i.fields.issuetype.name === 'Epic')).toEqual([]);
      expect(issues.filter((i: { fields: { status: { id: string } } }) => !mapped.has(i.fields.status.id))).toEqual([]);
    },
  },
  {
    point: 11,
    what: 'permission schemes are readable by any user',
    run: async () => {
      const res = await h.call('GET', '/rest/api/3/permissionscheme?expand=permissions', { as: DEV });
      expect(res.status, res.text).toBe(200);
      expect(res.body.permissionSchemes.length).toBeGreaterThan(0);
    },
  },
  {
    point: 12,
    what: 'GET /mypermissions accepts every key of GET /permissions',
    run: async () => {
      const keys = Object.keys((await h.call('GET', '/rest/api/3/permissions', { as: DEV })).body.permissions);
      expect(keys).toEqual(
        expect.arrayContaining(['DELETE_ALL_ATTACHMENTS', 'MODIFY_REPORTER', 'VIEW_READONLY_WORKFLOW', 'ADMINISTER', 'BULK_CHANGE']),
      );
      const res = await h.call('GET', `/rest/api/3/mypermissions?projectKey=WEB&permissions=${keys.join(',')}`, { as: DEV });
      expect(res.status, res.text).toBe(200);
      expect(res.body.permissions.CREATE_ATTACHMENTS.havePermission).toBe(true);
      expect(res.body.permissions.ADMINISTER.havePermission).toBe(false);
    },
  },
];

describe('issue 18: the everyday calls real clients make', () => {
  it.each(rows.map((r) => [`${r.point}. ${r.what}`, r] as const))('%s', async (_name, row) => {
    await row.run();
  });
});
