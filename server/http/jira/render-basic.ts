/** Model → Jira JSON for the catalogue and people: users, statuses, priorities, types, projects. */
import type { Component, Group, IssueType, Priority, Project, Resolution, Status, User, Version } from '../../model/index.ts';
import type { J } from './handler.ts';

const AVATAR_SIZES = ['48x48', '24x24', '16x16', '32x32'] as const;
const avatars = (j: J, kind: string, id: string) =>
  Object.fromEntries(AVATAR_SIZES.map((s) => [s, `${j.base}/images/${kind}/${encodeURIComponent(id)}?size=${s}`]));

/** A user as Jira shows it: account id on Cloud, name/key on Data Center (the account id serves as both). */
export const userJson = (j: J, u: User | undefined, withEmail = true): Record<string, unknown> | null => {
  if (!u) return null;
  const id = encodeURIComponent(u.accountId);
  const who = j.dc
    ? { self: `${j.api}/user?username=${id}`, key: u.accountId, name: u.accountId }
    : { self: `${j.api}/user?accountId=${id}`, accountId: u.accountId };
  return {
    ...who,
    ...(withEmail ? { emailAddress: u.email } : {}),
    avatarUrls: avatars(j, 'avatar', u.accountId),
    displayName: u.displayName,
    active: u.active,
    timeZone: u.timeZone ?? 'UTC',
    ...(j.dc ? {} : { accountType: u.serviceAccount ? 'app' : 'atlassian' }),
  };
};

export const userById = (j: J, accountId: string | null | undefined) => (accountId ? userJson(j, j.ctx.tracker.user(accountId)) : null);

export const CATEGORY = {
  todo: { id: 2, key: 'new', colorName: 'blue-gray', name: 'To Do' },
  'in-progress': { id: 4, key: 'indeterminate', colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, key: 'done', colorName: 'green', name: 'Done' },
} as const;

export const categoryJson = (j: J, c: keyof typeof CATEGORY) => ({ self: `${j.api}/statuscategory/${CATEGORY[c].id}`, ...CATEGORY[c] });

export const statusJson = (j: J, s: Status) => ({
  self: `${j.api}/status/${s.id}`,
  description: s.description ?? '',
  iconUrl: `${j.base}/images/icons/statuses/generic.png`,
  name: s.name,
  id: s.id,
  statusCategory: categoryJson(j, s.category),
});

export const priorityJson = (j: J, p: Priority, isDefault = false) => ({
  self: `${j.api}/priority/${p.id}`,
  ...(p.color ? { statusColor: p.color } : {}),
  description: p.description ?? '',
  iconUrl: `${j.base}/images/icons/priorities/${encodeURIComponent(p.name.toLowerCase())}.svg`,
  name: p.name,
  id: p.id,
  isDefault,
});

export const resolutionJson = (j: J, r: Resolution) => ({
  self: `${j.api}/resolution/${r.id}`,
  id: r.id,
  description: r.description ?? '',
  name: r.name,
});

export const issueTypeJson = (j: J, t: IssueType) => ({
  self: `${j.api}/issuetype/${t.id}`,
  id: t.id,
  description: t.description ?? '',
  iconUrl: `${j.base}/images/icons/issuetypes/${t.subtask ? 'subtask' : 'generic'}.svg`,
  name: t.name,
  subtask: t.subtask,
  hierarchyLevel: t.hierarchyLevel ?? (t.subtask ? -1 : 0),
});

export const componentJson = (j: J, p: Project, c: Component) => ({
  self: `${j.api}/component/${c.id}`,
  id: c.id,
  name: c.name,
  description: c.description ?? '',
  ...(c.lead ? { lead: userById(j, c.lead) ?? undefined } : {}),
  assigneeType: 'PROJECT_DEFAULT',
  isAssigneeTypeValid: false,
  project: p.key,
  projectId: Number(p.id) || 0,
});

export const versionJson = (j: J, p: Project, v: Version) => ({
  self: `${j.api}/version/${v.id}`,
  id: v.id,
  description: v.description ?? '',
  name: v.name,
  archived: v.archived,
  released: v.released,
  ...(v.releaseDate ? { releaseDate: v.releaseDate } : {}),
  projectId: Number(p.id) || 0,
});

/** `{self,id,key,name,projectTypeKey}` as issues and lists embed a project. */
export const projectRef = (j: J, p: Project) => ({
  self: `${j.api}/project/${p.id}`,
  id: p.id,
  key: p.key,
  name: p.name,
  projectTypeKey: p.kind,
  simplified: false,
  avatarUrls: avatars(j, 'project', p.id),
});

export const groupJson = (j: J, g: Group) => ({ name: g.name, groupId: g.id, self: `${j.api}/group?groupId=${encodeURIComponent(g.id)}` });
