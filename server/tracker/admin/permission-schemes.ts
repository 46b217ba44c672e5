/** Permission schemes: create (with grants), update (grants replaced when given), delete, grants added and removed, project assignment. */
import type { PermissionGrant, PermissionHolder, PermissionScheme } from '../../model/index.ts';
import { PROJECT_PERMISSIONS, type ProjectPermission } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { projectsUsing } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { checkedName, entityOr404, setDescription, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'You are not authorized to perform this action. Administrator privileges are required.';

export const PERMISSION_SCHEME: Kind<PermissionScheme> = {
  list: (c) => c.permissionSchemes,
  set: (c, l) => {
    c.permissionSchemes = l;
  },
  idKind: 'permissionScheme',
  what: 'permission scheme',
  notFound: 'The permission scheme was not found.',
  taken: (n) => `A permission scheme with the name '${n}' already exists.`,
  adminOnly: ADMIN_ONLY,
};

/** A grant as the request states it: Jira's holder type and parameter, already turned into the model's (see the routes). */
export interface GrantInput {
  permission: string;
  holder: PermissionHolder;
}

/** The holder's group, role or user must exist (Jira: "a grant to a missing group" is refused). */
const checkHolder = (tx: Tx, h: PermissionHolder): void => {
  if (h.type === 'group' && !tx.config.groups.some((g) => g.id === h.value)) throw badRequest([`The group '${h.value}' does not exist.`]);
  if (h.type === 'projectRole' && !tx.config.roles.some((r) => r.id === h.value))
    throw badRequest([`The project role with ID ${h.value} does not exist.`]);
  if (h.type === 'user' && !tx.config.users.some((u) => u.accountId === h.value))
    throw badRequest([`The user with account ID '${h.value}' does not exist.`]);
};

const sameHolder = (a: PermissionHolder, b: PermissionHolder) => a.type === b.type && (a.value ?? null) === (b.value ?? null);

const grant = (tx: Tx, s: PermissionScheme, input: GrantInput): PermissionGrant => {
  if (!(PROJECT_PERMISSIONS as readonly string[]).includes(input.permission)) {
    throw badRequest([`The permission '${input.permission}' is not one the Understudy sandbox models (${PROJECT_PERMISSIONS.join(', ')}).`]);
  }
  checkHolder(tx, input.holder);
  if (s.grants.some((g) => g.permission === input.permission && sameHolder(g.holder, input.holder)))
    throw badRequest(['The same permission grant is already present in the permission scheme.']);
  const g: PermissionGrant = { id: tx.nextId('grant'), permission: input.permission as ProjectPermission, holder: { ...input.holder } };
  s.grants.push(g);
  return g;
};

export const permissionSchemes = {
  list: (env: AdminEnv): readonly PermissionScheme[] => env.ctx().state.config.permissionSchemes,
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown; grants: GrantInput[] }): PermissionScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const s: PermissionScheme = { id: tx.nextId('permissionScheme'), name: checkedName(tx, PERMISSION_SCHEME, input.name), grants: [] };
      setDescription(PERMISSION_SCHEME, s, input.description, 4000);
      for (const g of input.grants) grant(tx, s, g);
      tx.config.permissionSchemes.push(s);
      return s;
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown; grants?: GrantInput[] }): PermissionScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const s = entityOr404(tx, PERMISSION_SCHEME, id);
      if (input.name !== undefined) s.name = checkedName(tx, PERMISSION_SCHEME, input.name, s.id);
      setDescription(PERMISSION_SCHEME, s, input.description, 4000);
      if (input.grants) {
        // Grants that stay keep their ids; the others are new, as Jira replaces the list.
        const old = s.grants;
        s.grants = [];
        for (const g of input.grants) {
          const kept = old.find((o) => o.permission === g.permission && sameHolder(o.holder, g.holder) && !s.grants.includes(o));
          if (kept) s.grants.push(kept);
          else grant(tx, s, g);
        }
      }
      return s;
    });
  },
  delete: (env: AdminEnv, actor: Actor, id: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, PERMISSION_SCHEME, id);
      const users = projectsUsing(tx.config, 'permissionScheme', s.id);
      if (users.length)
        throw badRequest([`The permission scheme '${s.name}' is used by ${users.join(', ')}: assign those projects another scheme first.`]);
      tx.config.permissionSchemes = tx.config.permissionSchemes.filter((x) => x !== s);
    });
  },
  addGrant: (env: AdminEnv, actor: Actor, id: string, input: GrantInput): PermissionGrant => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => grant(tx, entityOr404(tx, PERMISSION_SCHEME, id), input));
  },
  deleteGrant: (env: AdminEnv, actor: Actor, id: string, grantId: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, PERMISSION_SCHEME, id);
      if (!s.grants.some((g) => g.id === String(grantId))) throw badRequest([`The permission grant with ID ${grantId} was not found.`]);
      s.grants = s.grants.filter((g) => g.id !== String(grantId));
    });
  },
  grant: (env: AdminEnv, actor: Actor, id: string, grantId: string): PermissionGrant => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    const s = env.ctx().state.config.permissionSchemes.find((x) => x.id === String(id));
    const g = s?.grants.find((x) => x.id === String(grantId));
    if (!s || !g) throw notFound(`The permission grant with ID ${grantId} was not found.`);
    return g;
  },
  assign: (env: AdminEnv, actor: Actor, projectRef: string, schemeId: string): PermissionScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const p = tx.config.projects.find((x) => x.id === projectRef || x.key === projectRef);
      if (!p) throw notFound(`No project could be found with key '${projectRef}'.`);
      const s = entityOr404(tx, PERMISSION_SCHEME, schemeId);
      p.schemes.permissionScheme = s.id;
      return s;
    });
  },
};
