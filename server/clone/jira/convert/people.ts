/**
 * Groups, users and global grants. Users are the members of the groups plus whoever the
 * configuration or the sampled issues name. Global permission grants have no REST API in Jira:
 * ADMINISTER and SYSTEM_ADMIN go to Jira's standard administrator groups (said in the manifest).
 */
import { createHash } from 'node:crypto';
import type { GlobalGrant, Group, User } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, userIdOf } from './common.ts';

export const ADMIN_GROUPS = ['jira-administrators', 'site-admins', 'administrators', 'jira-admins', 'jira-system-administrators'] as const;

export const groupsOf = (raw: Obj[]): Group[] => raw.map((g) => ({ id: str(g.groupId ?? g.name), name: str(g.name) }));

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A user as Jira shows it; hidden e-mail addresses get a stand-in on a reserved domain. */
export const userOf = (dc: boolean, u: Obj, groups: string[]): User | undefined => {
  const id = userIdOf(dc, u);
  if (!id) return undefined;
  const email =
    typeof u.emailAddress === 'string' && EMAIL.test(u.emailAddress)
      ? u.emailAddress
      : `user-${createHash('sha256').update(id).digest('hex').slice(0, 12)}@hidden.invalid`;
  return {
    accountId: id,
    displayName: str(u.displayName || id),
    email,
    active: u.active !== false,
    groups,
    ...(u.timeZone ? { timeZone: str(u.timeZone) } : {}),
    ...(u.accountType === 'app' ? { serviceAccount: true } : {}),
  };
};

/** Users in the tracker's order (`order`), the others after them in the order first met. */
export const usersOf = (dc: boolean, groups: Group[], members: Record<string, Obj[]>, extra: Obj[], order: string[] = []): User[] => {
  const users = new Map<string, { raw: Obj; groups: string[] }>();
  for (const g of groups) {
    for (const m of members[g.id] ?? []) {
      const id = userIdOf(dc, m);
      if (!id) continue;
      const entry = users.get(id) ?? { raw: m, groups: [] };
      entry.groups.push(g.id);
      users.set(id, entry);
    }
  }
  for (const u of extra) {
    const id = userIdOf(dc, u);
    if (id && !users.has(id)) users.set(id, { raw: u, groups: [] });
  }
  const rank = new Map(order.map((id, i) => [id, i]));
  const list = [...users.values()].flatMap(({ raw, groups: gs }) => {
    const u = userOf(dc, raw, gs);
    return u ? [u] : [];
  });
  return list
    .map((u, i) => ({ u, r: rank.get(u.accountId) ?? order.length + i }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.u);
};

export const globalGrantsOf = (groups: Group[]): GlobalGrant[] =>
  groups
    .filter((g) => (ADMIN_GROUPS as readonly string[]).includes(g.name))
    .flatMap((g) => [
      { permission: 'ADMINISTER' as const, group: g.id },
      { permission: 'SYSTEM_ADMIN' as const, group: g.id },
    ]);
