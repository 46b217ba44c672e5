/**
 * Permission schemes and grants, notification schemes, groups, project roles and role actors:
 * each change shows in what people may do (mypermissions) or who is notified, reverts hash as
 * before, and Jira's refusals change nothing.
 */
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

const get = async (path: string, as = 'admin') => (await h.call('GET', path, { as: personaOf(h, as) })).body;
/** Whether a persona may browse a project (a project they cannot see answers 404). */
const canBrowse = async (accountId: string, project: string): Promise<boolean> => {
  const res = await h.call('GET', `/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=${project}`, { as: accountId });
  return res.status === 200 && res.body.permissions.BROWSE_PROJECTS.havePermission === true;
};
const outsider = async (project: string): Promise<string> => {
  for (const p of h.personas.filter((x) => !x.admin)) if (!(await canBrowse(p.accountId, project))) return p.accountId;
  throw new Error(`everybody browses ${project}`);
};
const schemeOf = async (project: string) => (await get(`/rest/api/3/project/${project}/permissionscheme`)).id;

describe('permission schemes and grants', () => {
  it('a grant to a user lets them browse; deleting it takes it back; the hash returns', async () => {
    const start = await hashOf(h);
    const who = await outsider('SEC');
    const scheme = await schemeOf('SEC');
    const g = await runCase(h, {
      name: 'grant',
      method: 'POST',
      path: `/rest/api/3/permissionscheme/${scheme}/permission`,
      body: { holder: { type: 'user', parameter: who }, permission: 'BROWSE_PROJECTS' },
      status: 201,
    });
    expect(g.body).toMatchObject({ permission: 'BROWSE_PROJECTS', holder: { type: 'user', parameter: who } });
    expect(await canBrowse(who, 'SEC')).toBe(true);
    expect((await get(`/rest/api/3/permissionscheme/${scheme}/permission/${g.body.id}`)).id).toBe(g.body.id);
    await runCase(h, { name: 'revoke', method: 'DELETE', path: `/rest/api/3/permissionscheme/${scheme}/permission/${g.body.id}`, status: 204 });
    expect(await canBrowse(who, 'SEC')).toBe(false);
    expect(await hashOf(h)).toBe(start);
  });

  it('create with grants, update the grants (kept ones keep their ids), assign to a project and back, delete', async () => {
    const start = await hashOf(h);
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/permissionscheme',
      body: {
        name: 'Locked down',
        description: 'Admins only',
        permissions: [
          { holder: { type: 'projectRole', parameter: '10002' }, permission: 'BROWSE_PROJECTS' },
          { holder: { type: 'group', parameter: 'jira-administrators' }, permission: 'ADMINISTER_PROJECTS' },
        ],
      },
      status: 201,
    });
    const [browse] = made.body.permissions;
    const upd = await runCase(h, {
      name: 'update',
      method: 'PUT',
      path: `/rest/api/3/permissionscheme/${made.body.id}`,
      body: {
        name: 'Locked',
        permissions: [
          { holder: { type: 'projectRole', parameter: '10002' }, permission: 'BROWSE_PROJECTS' },
          { holder: { type: 'applicationRole' }, permission: 'ADD_COMMENTS' },
        ],
      },
      status: 200,
    });
    expect(upd.body.permissions[0].id).toBe(browse.id);
    expect(upd.body.permissions[1]).toMatchObject({ permission: 'ADD_COMMENTS', holder: { type: 'applicationRole' } });
    const original = await schemeOf('INTRA');
    await runCase(h, { name: 'assign', method: 'PUT', path: '/rest/api/3/project/INTRA/permissionscheme', body: { id: made.body.id }, status: 200 });
    expect(await schemeOf('INTRA')).toBe(made.body.id);
    await runCase(h, {
      name: 'in use',
      method: 'DELETE',
      path: `/rest/api/3/permissionscheme/${made.body.id}`,
      status: 400,
      error: 'is used by INTRA',
    });
    await runCase(h, { name: 'assign back', method: 'PUT', path: '/rest/api/3/project/INTRA/permissionscheme', body: { id: original }, status: 200 });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/permissionscheme/${made.body.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'a grant to a missing group',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'group', parameter: 'no-such-group' }, permission: 'BROWSE_PROJECTS' },
      status: 400,
      error: "The group 'no-such-group' does not exist.",
    },
    {
      name: 'a grant to a missing role',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'projectRole', parameter: '99999' }, permission: 'BROWSE_PROJECTS' },
      status: 400,
      error: 'The project role with ID 99999 does not exist.',
    },
    {
      name: 'a grant to a missing user',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'user', parameter: 'nobody' }, permission: 'BROWSE_PROJECTS' },
      status: 400,
      error: "The user with account ID 'nobody' does not exist.",
    },
    {
      name: 'an unknown permission',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'anyone' }, permission: 'TIME_TRAVEL' },
      status: 400,
      error: "The permission 'TIME_TRAVEL'",
    },
    {
      name: 'an unknown holder type',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'groupCustomField', parameter: 'customfield_10024' }, permission: 'BROWSE_PROJECTS' },
      status: 400,
      error: "The holder type 'groupCustomField'",
    },
    {
      name: 'the same grant twice',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'projectRole', parameter: '10000' }, permission: 'BROWSE_PROJECTS' },
      status: 400,
      error: 'The same permission grant is already present',
    },
    {
      name: 'a grant by a developer',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/10000/permission',
      body: { holder: { type: 'anyone' }, permission: 'BROWSE_PROJECTS' },
      status: 403,
    },
    {
      name: 'deleting an unknown grant',
      method: 'DELETE',
      path: '/rest/api/3/permissionscheme/10000/permission/424242',
      status: 400,
      error: 'The permission grant with ID 424242 was not found.',
    },
    {
      name: 'a grant in an unknown scheme',
      method: 'POST',
      path: '/rest/api/3/permissionscheme/999/permission',
      body: { holder: { type: 'anyone' }, permission: 'BROWSE_PROJECTS' },
      status: 404,
    },
    {
      name: 'a scheme with a taken name',
      method: 'POST',
      path: '/rest/api/3/permissionscheme',
      body: { name: 'acme software permission scheme' },
      status: 400,
      error: 'already exists',
    },
    { name: 'deleting a scheme in use', method: 'DELETE', path: '/rest/api/3/permissionscheme/10000', status: 400, error: 'is used by WEB' },
    {
      name: 'revoking what keeps a project reachable',
      method: 'PUT',
      path: '/rest/api/3/permissionscheme/10000',
      body: { permissions: [] },
      status: 400,
      error: 'invalid',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('notification schemes', () => {
  it('add a group to an event, read it back with a stable id, remove it by that id; create and delete a scheme', async () => {
    const start = await hashOf(h);
    await runCase(h, {
      name: 'add',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/10000/notification',
      body: { notificationSchemeEvents: [{ event: { id: '1' }, notifications: [{ notificationType: 'Group', parameter: 'triage' }] }] },
      status: 204,
    });
    const scheme = await get('/rest/api/3/notificationscheme/10000?expand=all');
    const created = scheme.notificationSchemeEvents.find((e: any) => e.event.id === 1);
    const added = created.notifications.find((n: any) => n.notificationType === 'Group' && n.parameter === 'triage');
    expect(added.id).toBeGreaterThan(10000);
    expect(
      (await get('/rest/api/3/notificationscheme/10000?expand=all')).notificationSchemeEvents
        .find((e: any) => e.event.id === 1)
        .notifications.find((n: any) => n.parameter === 'triage').id,
    ).toBe(added.id);
    await runCase(h, { name: 'remove', method: 'DELETE', path: `/rest/api/3/notificationscheme/10000/notification/${added.id}`, status: 204 });
    const made = await runCase(h, {
      name: 'create',
      method: 'POST',
      path: '/rest/api/3/notificationscheme',
      body: {
        name: 'Quiet',
        description: 'Assignees only',
        notificationSchemeEvents: [{ event: { id: '3' }, notifications: [{ notificationType: 'CurrentAssignee' }] }],
      },
      status: 201,
    });
    await runCase(h, {
      name: 'rename',
      method: 'PUT',
      path: `/rest/api/3/notificationscheme/${made.body.id}`,
      body: { name: 'Very quiet' },
      status: 204,
    });
    await runCase(h, { name: 'delete', method: 'DELETE', path: `/rest/api/3/notificationscheme/${made.body.id}`, status: 204 });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'an unknown event',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/10000/notification',
      body: { notificationSchemeEvents: [{ event: { id: '77' }, notifications: [{ notificationType: 'Reporter' }] }] },
      status: 400,
      error: 'Event type with ID 77 not found.',
    },
    {
      name: 'a missing group',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/10000/notification',
      body: { notificationSchemeEvents: [{ event: { id: '1' }, notifications: [{ notificationType: 'Group', parameter: 'ghosts' }] }] },
      status: 400,
      error: "The group 'ghosts' does not exist.",
    },
    {
      name: 'an unknown scheme',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/99999/notification',
      body: { notificationSchemeEvents: [] },
      status: 404,
      error: 'Notification scheme with ID 99999 not found.',
    },
    {
      name: 'a recipient already there',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/10000/notification',
      body: { notificationSchemeEvents: [{ event: { id: '1' }, notifications: [{ notificationType: 'Reporter' }] }] },
      status: 400,
      error: 'already in the scheme',
    },
    {
      name: 'the default scheme',
      method: 'DELETE',
      path: '/rest/api/3/notificationscheme/10000',
      status: 400,
      error: 'You can’t delete the default notification scheme.',
    },
    { name: 'an unknown notification', method: 'DELETE', path: '/rest/api/3/notificationscheme/10000/notification/1', status: 404 },
    { name: 'a developer', as: 'dev', method: 'PUT', path: '/rest/api/3/notificationscheme/10000', body: { name: 'X' }, status: 403 },
    {
      name: 'a long description',
      method: 'PUT',
      path: '/rest/api/3/notificationscheme/10000',
      body: { description: 'x'.repeat(4001) },
      status: 400,
      error: 'must not exceed 4000',
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    await runCase(h, c);
  });
});

describe('groups, project roles and role actors', () => {
  it('a group with a member given a role lets the member browse; everything reverts and hashes as before', async () => {
    const start = await hashOf(h);
    const who = await outsider('SEC');
    const g = await runCase(h, { name: 'group', method: 'POST', path: '/rest/api/3/group', body: { name: 'auditors' }, status: 201 });
    expect(g.body).toMatchObject({ name: 'auditors', groupId: 'auditors' });
    await runCase(h, { name: 'member', method: 'POST', path: '/rest/api/3/group/user?groupname=auditors', body: { accountId: who }, status: 201 });
    expect((await get('/rest/api/3/group/member?groupname=auditors')).values.map((u: any) => u.accountId)).toEqual([who]);
    const role = await runCase(h, {
      name: 'role',
      method: 'POST',
      path: '/rest/api/3/role',
      body: { name: 'Auditors', description: 'Read everything' },
      status: 200,
    });
    await runCase(h, {
      name: 'grant role',
      method: 'POST',
      path: `/rest/api/3/permissionscheme/${await schemeOf('SEC')}/permission`,
      body: { holder: { type: 'projectRole', parameter: String(role.body.id) }, permission: 'BROWSE_PROJECTS' },
      status: 201,
      afterwards: async (_h, r) => {
        (role as any).grant = r.body.id;
      },
    });
    expect(await canBrowse(who, 'SEC')).toBe(false);
    const actors = await runCase(h, {
      name: 'actors',
      method: 'POST',
      path: `/rest/api/3/project/SEC/role/${role.body.id}`,
      body: { group: ['auditors'] },
      status: 200,
    });
    expect(actors.body.actors).toEqual([expect.objectContaining({ type: 'atlassian-group-role-actor', name: 'auditors' })]);
    expect(await canBrowse(who, 'SEC')).toBe(true);
    await runCase(h, {
      name: 'set actors',
      method: 'PUT',
      path: `/rest/api/3/project/SEC/role/${role.body.id}`,
      body: { categorisedActors: { 'atlassian-user-role-actor': [who] } },
      status: 200,
    });
    expect(await canBrowse(who, 'SEC')).toBe(true);
    await runCase(h, { name: 'remove actor', method: 'DELETE', path: `/rest/api/3/project/SEC/role/${role.body.id}?user=${who}`, status: 204 });
    expect(await canBrowse(who, 'SEC')).toBe(false);
    await runCase(h, {
      name: 'revoke',
      method: 'DELETE',
      path: `/rest/api/3/permissionscheme/${await schemeOf('SEC')}/permission/${(role as any).grant}`,
      status: 204,
    });
    await runCase(h, { name: 'rename role', method: 'POST', path: `/rest/api/3/role/${role.body.id}`, body: { description: 'Reads' }, status: 200 });
    await runCase(h, { name: 'delete role', method: 'DELETE', path: `/rest/api/3/role/${role.body.id}`, status: 204 });
    await runCase(h, { name: 'leave group', method: 'DELETE', path: `/rest/api/3/group/user?groupname=auditors&accountId=${who}`, status: 200 });
    await runCase(h, { name: 'delete group', method: 'DELETE', path: '/rest/api/3/group?groupname=auditors', status: 200 });
    // Roles of SEC keep an empty entry for the deleted role? No: deleting the role drops it everywhere.
    expect(await hashOf(h)).toBe(start);
  });

  it('a project administrator who is not a Jira administrator may change role actors', async () => {
    const lead = h.ctx.tracker.project('SEC')!.lead;
    const projectAdmin =
      h.personas.find((p) => !p.admin && p.accountId === lead) ??
      h.personas.find((p) => !p.admin && h.ctx.tracker.can(p.accountId, 'ADMINISTER_PROJECTS', 'SEC'));
    expect(projectAdmin).toBeDefined();
    const start = await hashOf(h);
    const role = '10000';
    const who = await outsider('SEC');
    await runCase(h, {
      name: 'add',
      as: projectAdmin!.accountId,
      method: 'POST',
      path: `/rest/api/3/project/SEC/role/${role}`,
      body: { user: [who] },
      status: 200,
    });
    await runCase(h, {
      name: 'remove',
      as: projectAdmin!.accountId,
      method: 'DELETE',
      path: `/rest/api/3/project/SEC/role/${role}?user=${who}`,
      status: 204,
    });
    expect(await hashOf(h)).toBe(start);
  });

  const cases: AdminCase[] = [
    {
      name: 'a group with a taken name',
      method: 'POST',
      path: '/rest/api/3/group',
      body: { name: 'Developers' },
      status: 400,
      error: 'A group with that name already exists.',
    },
    { name: 'a group without a name', method: 'POST', path: '/rest/api/3/group', body: {}, status: 400, error: 'You must specify a group name.' },
    { name: 'a group by a developer', as: 'dev', method: 'POST', path: '/rest/api/3/group', body: { name: 'x' }, status: 403 },
    {
      name: 'deleting an unknown group',
      method: 'DELETE',
      path: '/rest/api/3/group?groupname=ghosts',
      status: 404,
      error: 'Specified group does not exist.',
    },
    {
      name: 'deleting the administrators (nobody could administer)',
      method: 'DELETE',
      path: '/rest/api/3/group?groupname=jira-administrators',
      status: 400,
      error: 'invalid',
    },
    {
      name: 'adding a member twice',
      method: 'POST',
      path: '/rest/api/3/group/user?groupname=developers',
      body: { accountId: 'ME' },
      status: 400,
      error: 'already a member',
    },
    {
      name: 'adding an unknown user',
      method: 'POST',
      path: '/rest/api/3/group/user?groupname=developers',
      body: { accountId: 'nobody' },
      status: 404,
    },
    { name: 'removing a non-member', method: 'DELETE', path: '/rest/api/3/group/user?groupname=triage&accountId=nobody', status: 404 },
    {
      name: 'a role with a taken name',
      method: 'POST',
      path: '/rest/api/3/role',
      body: { name: 'developers' },
      status: 400,
      error: 'already exists',
    },
    { name: 'deleting a role schemes use, without a swap', method: 'DELETE', path: '/rest/api/3/role/10000', status: 400, error: 'give a swap role' },
    {
      name: 'a full role update without a description',
      method: 'PUT',
      path: '/rest/api/3/role/10000',
      body: { name: 'X' },
      status: 400,
      error: 'Both name and description',
    },
    {
      name: 'role actors by a developer without project admin',
      as: 'dev',
      method: 'POST',
      path: '/rest/api/3/project/SEC/role/10000',
      body: { user: ['x'] },
      status: 403,
    },
    { name: 'an actor of an unknown group', method: 'POST', path: '/rest/api/3/project/SEC/role/10000', body: { group: ['ghosts'] }, status: 404 },
    {
      name: 'role actors of an unknown role',
      method: 'POST',
      path: '/rest/api/3/project/SEC/role/99999',
      body: { group: ['developers'] },
      status: 404,
    },
    {
      name: 'role actors of an unknown project',
      method: 'POST',
      path: '/rest/api/3/project/NOPE/role/10000',
      body: { group: ['developers'] },
      status: 404,
    },
  ];
  it.each(cases.map((c) => [c.name, c] as const))('refused: %s', async (_n, c) => {
    const me = personaOf(h, 'admin')!;
    const dev = h.personas.find((p) => p.groups.includes('developers'))!.accountId;
    await runCase(h, {
      ...c,
      path: c.path.replace('accountId=ME', `accountId=${me}`),
      body: c.body && JSON.parse(JSON.stringify(c.body).replace('"ME"', JSON.stringify(dev))),
    });
  });
});
