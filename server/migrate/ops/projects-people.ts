/** Projects (add, archive) and people (group membership, project role actors). */
import { type Group, isOneOf, type Project, PROJECT_KINDS, PROJECT_STYLES, type RoleActor, type User } from '../../model/index.ts';
import { fail } from '../names.ts';
import { defineOp, q } from './define.ts';
import { nextId } from './common.ts';

export interface AddProjectArgs {
  /** Upper case, 2 to 10 characters, e.g. `PAY`. */
  key: string;
  name: string;
  /** The project lead (display name, e-mail or account id). */
  lead: string;
  /** An existing project whose schemes and role actors the new one copies. */
  like: string;
  kind?: (typeof PROJECT_KINDS)[number];
  style?: (typeof PROJECT_STYLES)[number];
  description?: string;
}
export interface ArchiveProjectArgs {
  project: string;
}
export interface GroupMemberArgs {
  group: string;
  user: string;
}
export interface SetRoleActorsArgs {
  project: string;
  role: string;
  /** The complete list of actors, in order: users and groups by name. */
  actors: Array<{ user: string } | { group: string }>;
}

export const addProject = defineOp<AddProjectArgs, Project>({
  kind: 'addProject',
  area: 'projects and people',
  required: ['key', 'name', 'lead', 'like'],
  optional: ['kind', 'style', 'description'],
  describe: (a) => `Add the project ${a.key} (${q(a.name)}), led by ${q(a.lead)}, with the schemes of ${a.like}.`,
  prepare: (s, a, look, site) => {
    if (typeof a.key !== 'string' || !/^[A-Z][A-Z0-9_]{1,9}$/.test(a.key))
      fail(site, `key: ${JSON.stringify(a.key)} is not a project key (upper case, 2 to 10 characters, e.g. PAY)`);
    if (s.config.projects.some((p) => p.key === a.key)) fail(site, `key: a project ${a.key} already exists`);
    if (typeof a.name !== 'string' || !a.name.trim()) fail(site, 'name: expected a project name');
    if (s.config.projects.some((p) => p.name.toLowerCase() === a.name.toLowerCase())) fail(site, `name: a project named ${q(a.name)} already exists`);
    const like = look.project(a.like, 'like');
    if (a.kind !== undefined && !isOneOf(PROJECT_KINDS, a.kind)) fail(site, `kind: expected one of ${PROJECT_KINDS.join(', ')}`);
    if (a.style !== undefined && !isOneOf(PROJECT_STYLES, a.style)) fail(site, `style: expected one of ${PROJECT_STYLES.join(', ')}`);
    const style = a.style ?? like.style;
    return {
      id: nextId(
        s.config.projects.map((p) => p.id),
        'project',
      ),
      key: a.key,
      name: a.name.trim(),
      kind: a.kind ?? like.kind,
      ...(style ? { style } : {}),
      ...(a.description !== undefined ? { description: a.description } : {}),
      lead: look.user(a.lead, 'lead').accountId,
      archived: false,
      components: [],
      versions: [],
      roles: structuredClone(like.roles),
      schemes: { ...like.schemes },
    };
  },
  mutate: (s, p) => void s.config.projects.push(p),
});

export const archiveProject = defineOp<ArchiveProjectArgs, Project>({
  kind: 'archiveProject',
  area: 'projects and people',
  required: ['project'],
  optional: [],
  describe: (a) => `Archive the project ${q(a.project)}: its issues stay but it is read-only and hidden from pickers.`,
  prepare: (_s, a, look, site) => {
    const p = look.project(a.project, 'project');
    if (p.archived) fail(site, `project ${p.key} is already archived`);
    return p;
  },
  mutate: (_s, p) => void (p.archived = true),
});

const member = (a: GroupMemberArgs, look: import('../lookup.ts').Lookup): { g: Group; u: User } => ({
  g: look.group(a.group, 'group'),
  u: look.user(a.user, 'user'),
});

export const addGroupMember = defineOp<GroupMemberArgs, { g: Group; u: User }>({
  kind: 'addGroupMember',
  area: 'projects and people',
  required: ['group', 'user'],
  optional: [],
  describe: (a) => `Add ${q(a.user)} to the group ${q(a.group)}.`,
  prepare: (_s, a, look, site) => {
    const m = member(a, look);
    if (m.u.groups.includes(m.g.id)) fail(site, `${q(m.u.displayName)} is already in ${q(m.g.name)}`);
    return m;
  },
  mutate: (_s, { g, u }) => void u.groups.push(g.id),
});

export const removeGroupMember = defineOp<GroupMemberArgs, { g: Group; u: User }>({
  kind: 'removeGroupMember',
  area: 'projects and people',
  required: ['group', 'user'],
  optional: [],
  describe: (a) => `Remove ${q(a.user)} from the group ${q(a.group)}.`,
  prepare: (_s, a, look, site) => {
    const m = member(a, look);
    if (!m.u.groups.includes(m.g.id)) fail(site, `${q(m.u.displayName)} is not in ${q(m.g.name)}`);
    return m;
  },
  mutate: (_s, { g, u }) => void u.groups.splice(u.groups.indexOf(g.id), 1),
});

export const setRoleActors = defineOp<SetRoleActorsArgs, { project: Project; role: string; actors: RoleActor[] }>({
  kind: 'setRoleActors',
  area: 'projects and people',
  required: ['project', 'role', 'actors'],
  optional: [],
  describe: (a) =>
    `In the project ${q(a.project)}, set the role ${q(a.role)} to ${Array.isArray(a.actors) && a.actors.length ? a.actors.map((x) => ('user' in x ? `user ${q(x.user)}` : `group ${q(x.group)}`)).join(', ') : 'nobody'}.`,
  prepare: (_s, a, look, site) => {
    const project = look.project(a.project, 'project');
    const role = look.role(a.role, 'role');
    if (!Array.isArray(a.actors)) fail(site, 'actors: expected a list of { user } or { group }');
    const actors = a.actors.map((x, i): RoleActor => {
      if (x && typeof x === 'object' && 'user' in x) return { type: 'user', id: look.user(x.user, `actors[${i}].user`).accountId };
      if (x && typeof x === 'object' && 'group' in x) return { type: 'group', id: look.group(x.group, `actors[${i}].group`).id };
      return fail(site, `actors[${i}]: expected { user } or { group }, got ${JSON.stringify(x)}`);
    });
    return { project, role: role.id, actors };
  },
  mutate: (_s, p) => {
    const entry = p.project.roles.find((r) => r.role === p.role);
    if (entry) entry.actors = p.actors;
    else p.project.roles.push({ role: p.role, actors: p.actors });
  },
});
