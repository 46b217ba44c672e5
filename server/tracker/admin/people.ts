/**
 * Groups (create, delete — Jira drops the group from memberships, grants, notifications and role
 * actors —, add and remove members), project roles (create, update, delete) and the actors of a
 * role in a project (add, set, remove; project administrators may, as in Jira).
 */
import type { Group, Project, ProjectRole } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { nameTaken, same } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator, requireProjectAdmin } from './guard.ts';
import { checkedName, createNamed, entityOr404, setDescription, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'You are not authorized to perform this action. Administrator privileges are required.';

export const ROLE: Kind<ProjectRole> = {
  list: (c) => c.roles,
  set: (c, l) => {
    c.roles = l;
  },
  idKind: 'role',
  what: 'project role',
  notFound: 'The project role was not found.',
  taken: (n) => `A project role with name '${n}' already exists.`,
  adminOnly: ADMIN_ONLY,
};

const groupByRef = (tx: Tx | { config: Tx['config'] }, ref: string): Group | undefined =>
  tx.config.groups.find((g) => g.id === ref) ??
  tx.config.groups.find((g) => same(g.name, ref)) ??
  tx.config.groups.find((g) => g.refs?.groupId === ref);

const groupOr404 = (tx: Tx, ref: string): Group => {
  const g = groupByRef(tx, ref);
  if (!g) throw notFound('Specified group does not exist.');
  return g;
};

const userOr404 = (tx: Tx, accountId: string) => {
  const u = tx.config.users.find((x) => x.accountId === accountId);
  if (!u) throw notFound(`The user with account ID '${accountId}' does not exist.`);
  return u;
};

/** Drops every reference to a group that Jira drops with it. */
const dropGroup = (tx: Tx, id: string): void => {
  const c = tx.config;
  for (const u of c.users) if (u.groups.includes(id)) u.groups = u.groups.filter((g) => g !== id);
  for (const s of c.permissionSchemes) s.grants = s.grants.filter((g) => !(g.holder.type === 'group' && g.holder.value === id));
  for (const s of c.notificationSchemes) {
    for (const e of s.events) e.recipients = e.recipients.filter((r) => !(r.type === 'group' && r.value === id));
    s.events = s.events.filter((e) => e.recipients.length);
  }
  for (const p of c.projects) for (const r of p.roles) r.actors = r.actors.filter((a) => !(a.type === 'group' && a.id === id));
  c.globalPermissions = c.globalPermissions.filter((g) => g.group !== id);
};

export const groups = {
  find: (env: AdminEnv, ref: string): Group | undefined => groupByRef({ config: env.ctx().state.config }, ref),
  create: (env: AdminEnv, actor: Actor, name: unknown): Group => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      if (typeof name !== 'string' || !name.trim()) throw badRequest([], { name: 'You must specify a group name.' });
      const n = name.trim();
      if (n.length > 255) throw badRequest([], { name: 'The group name must not exceed 255 characters.' });
      if (nameTaken(tx.config.groups, n)) throw badRequest([`A group with that name already exists.`]);
      const g: Group = { id: n, name: n };
      tx.config.groups.push(g);
      return g;
    });
  },
  delete: (env: AdminEnv, actor: Actor, ref: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const g = groupOr404(tx, ref);
      dropGroup(tx, g.id);
      tx.config.groups = tx.config.groups.filter((x) => x !== g);
    });
  },
  addMember: (env: AdminEnv, actor: Actor, ref: string, accountId: string): Group => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const g = groupOr404(tx, ref);
      const u = userOr404(tx, accountId);
      if (u.groups.includes(g.id)) throw badRequest([`Cannot add user. User is already a member of '${g.name}'`]);
      u.groups.push(g.id);
      return g;
    });
  },
  removeMember: (env: AdminEnv, actor: Actor, ref: string, accountId: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const g = groupOr404(tx, ref);
      const u = userOr404(tx, accountId);
      if (!u.groups.includes(g.id)) throw badRequest([`Cannot remove user. User is not a member of '${g.name}'`]);
      u.groups = u.groups.filter((x) => x !== g.id);
    });
  },
};

export const roles = {
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown }) =>
    createNamed(env, actor, ROLE, input, (_tx, id, name) => ({ id, name })),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }, full: boolean): ProjectRole => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    if (full && (input.name === undefined || input.description === undefined))
      throw badRequest(['Both name and description have to be provided to fully update a project role.']);
    if (!full && input.name === undefined && input.description === undefined) throw badRequest(['Either name or description has to be provided.']);
    return write(env, actor, (tx) => {
      const r = entityOr404(tx, ROLE, id);
      if (input.name !== undefined) r.name = checkedName(tx, ROLE, input.name, r.id);
      setDescription(ROLE, r, input.description);
      return r;
    });
  },
  delete: (env: AdminEnv, actor: Actor, id: string, swap?: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const r = entityOr404(tx, ROLE, id);
      const c = tx.config;
      const usedBy =
        c.permissionSchemes.some((s) => s.grants.some((g) => g.holder.type === 'projectRole' && g.holder.value === r.id)) ||
        c.notificationSchemes.some((s) => s.events.some((e) => e.recipients.some((x) => x.type === 'projectRole' && x.value === r.id)));
      if (usedBy && swap === undefined)
        throw badRequest([`The project role '${r.name}' is used in permission or notification schemes: give a swap role to move them to.`]);
      if (swap !== undefined) {
        const to = entityOr404(tx, ROLE, swap);
        if (to.id === r.id) throw badRequest(['A project role cannot be swapped for itself.']);
        for (const s of c.permissionSchemes)
          for (const g of s.grants) if (g.holder.type === 'projectRole' && g.holder.value === r.id) g.holder.value = to.id;
        for (const s of c.notificationSchemes)
          for (const e of s.events) for (const x of e.recipients) if (x.type === 'projectRole' && x.value === r.id) x.value = to.id;
      }
      for (const p of c.projects) p.roles = p.roles.filter((x) => x.role !== r.id);
      c.roles = c.roles.filter((x) => x !== r);
    });
  },
};

export interface ActorsInput {
  users: string[];
  groups: string[];
}

const projectOr404 = (tx: Tx, ref: string): Project => {
  const p = tx.config.projects.find((x) => x.key === ref || x.id === ref || x.key === ref.toUpperCase());
  if (!p) throw notFound(`No project could be found with key '${ref}'.`);
  return p;
};

const actorsOf = (tx: Tx, input: ActorsInput) => [
  ...input.users.map((u) => ({ type: 'user' as const, id: userOr404(tx, u).accountId })),
  ...input.groups.map((g) => ({ type: 'group' as const, id: groupOr404(tx, g).id })),
];

const onRole = (env: AdminEnv, actor: Actor, projectRef: string, roleId: string, fn: (actors: Project['roles'][number], tx: Tx) => void): void => {
  const p0 = env.ctx().state.config.projects.find((x) => x.key === projectRef || x.id === projectRef);
  if (!p0) throw notFound(`No project could be found with key '${projectRef}'.`);
  requireProjectAdmin(env.ctx(), actor, p0, 'You cannot edit the configuration of this project.');
  write(env, actor, (tx) => {
    const p = projectOr404(tx, projectRef);
    const role = entityOr404(tx, ROLE, roleId);
    let entry = p.roles.find((r) => r.role === role.id);
    if (!entry) {
      entry = { role: role.id, actors: [] };
      p.roles.push(entry);
    }
    fn(entry, tx);
    // A role without actors has no entry, as the clone reads it (Jira lists no actors).
    if (!entry.actors.length) p.roles = p.roles.filter((r) => r !== entry);
  });
};

export const roleActors = {
  add: (env: AdminEnv, actor: Actor, project: string, roleId: string, input: ActorsInput): void =>
    onRole(env, actor, project, roleId, (entry, tx) => {
      for (const a of actorsOf(tx, input)) {
        if (entry.actors.some((x) => x.type === a.type && x.id === a.id))
          throw badRequest([`${a.type === 'user' ? 'User' : 'Group'} '${a.id}' is already a member of the project role.`]);
        entry.actors.push(a);
      }
    }),
  set: (env: AdminEnv, actor: Actor, project: string, roleId: string, input: ActorsInput): void =>
    onRole(env, actor, project, roleId, (entry, tx) => {
      entry.actors = actorsOf(tx, input);
    }),
  remove: (env: AdminEnv, actor: Actor, project: string, roleId: string, input: ActorsInput): void =>
    onRole(env, actor, project, roleId, (entry, tx) => {
      for (const a of actorsOf(tx, input)) {
        const at = entry.actors.findIndex((x) => x.type === a.type && x.id === a.id);
        if (at < 0) throw notFound(`The ${a.type} '${a.id}' is not an actor of the project role.`);
        entry.actors.splice(at, 1);
      }
    }),
};
