/**
 * Lookups over one configuration, built once (maps instead of scans), so that permission checks
 * and JQL over 100k issues stay cheap. Rebuilt whenever the configuration object is replaced.
 */
import type { Config, Field, Group, IssueType, Priority, Project, Resolution, Status, User } from '../model/types.ts';
import { roleMembers } from '../model/resolve.ts';

const lower = (s: string) => s.trim().toLowerCase();

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

/** Name → items, case-insensitively; several items may share a name (fields often do). */
const byName = <T>(list: readonly T[], name: (x: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const x of list) {
    const k = lower(name(x));
    const arr = map.get(k);
    if (arr) arr.push(x);
    else map.set(k, [x]);
  }
  return map;
};

export class ConfigIndex {
  readonly fields: Map<string, Field>;
  readonly fieldsByName: Map<string, Field[]>;
  readonly statuses: Map<string, Status>;
  readonly statusesByName: Map<string, Status[]>;
  readonly issueTypes: Map<string, IssueType>;
  readonly issueTypesByName: Map<string, IssueType[]>;
  readonly priorities: Map<string, Priority>;
  readonly prioritiesByName: Map<string, Priority[]>;
  /** Priority id → position (0 = highest), for sorting. */
  readonly priorityRank: Map<string, number>;
  readonly statusRank: Map<string, number>;
  readonly resolutions: Map<string, Resolution>;
  readonly resolutionsByName: Map<string, Resolution[]>;
  readonly users: Map<string, User>;
  readonly usersByEmail: Map<string, User>;
  readonly usersByName: Map<string, User[]>;
  readonly groups: Map<string, Group>;
  readonly groupsByName: Map<string, Group[]>;
  readonly projects: Map<string, Project>;
  readonly projectsById: Map<string, Project>;
  readonly projectsByName: Map<string, Project[]>;
  private readonly roleCache = new Map<string, Set<string>>();

  constructor(readonly config: Config) {
    this.fields = byId(config.fields);
    this.fieldsByName = byName(config.fields, (f) => f.name);
    this.statuses = byId(config.statuses);
    this.statusesByName = byName(config.statuses, (s) => s.name);
    this.issueTypes = byId(config.issueTypes);
    this.issueTypesByName = byName(config.issueTypes, (t) => t.name);
    this.priorities = byId(config.priorities);
    this.prioritiesByName = byName(config.priorities, (p) => p.name);
    this.priorityRank = new Map(config.priorities.map((p, i) => [p.id, i]));
    this.statusRank = new Map(config.statuses.map((s, i) => [s.id, i]));
    this.resolutions = byId(config.resolutions);
    this.resolutionsByName = byName(config.resolutions, (r) => r.name);
    this.users = new Map(config.users.map((u) => [u.accountId, u]));
    this.usersByEmail = new Map(config.users.map((u) => [lower(u.email), u]));
    this.usersByName = byName(config.users, (u) => u.displayName);
    this.groups = byId(config.groups);
    this.groupsByName = byName(config.groups, (g) => g.name);
    this.projects = new Map(config.projects.map((p) => [p.key, p]));
    this.projectsById = byId(config.projects);
    this.projectsByName = byName(config.projects, (p) => p.name);
  }

  /** An active user, or undefined: inactive accounts act as nobody and receive nothing. */
  activeUser(accountId: string | null | undefined): User | undefined {
    if (!accountId) return undefined;
    const u = this.users.get(accountId);
    return u?.active ? u : undefined;
  }

  inGroup(accountId: string | null, groupId: string): boolean {
    return this.activeUser(accountId)?.groups.includes(groupId) ?? false;
  }

  /** Account ids holding a role in a project (through users and groups), cached per project × role. */
  roleHolders(project: Project, roleId: string): Set<string> {
    const k = `${project.key}\u0000${roleId}`;
    let set = this.roleCache.get(k);
    if (!set) {
      set = new Set(roleMembers(this.config, project, roleId));
      this.roleCache.set(k, set);
    }
    return set;
  }

  /** Global permission through a group the (active) user is in. */
  hasGlobal(accountId: string | null, permission: string): boolean {
    const user = this.activeUser(accountId);
    if (!user) return false;
    return this.config.globalPermissions.some((g) => g.permission === permission && user.groups.includes(g.group));
  }

  /** A field by id, or by name case-insensitively when the name is unique. */
  field(idOrName: string): Field | undefined {
    const f = this.fields.get(idOrName);
    if (f) return f;
    const named = this.fieldsByName.get(lower(idOrName));
    return named?.length === 1 ? named[0] : undefined;
  }

  /** A user by account id, e-mail or unique display name. */
  user(ref: string): User | undefined {
    return this.users.get(ref) ?? this.usersByEmail.get(lower(ref)) ?? (() => {
      const named = this.usersByName.get(lower(ref));
      return named?.length === 1 ? named[0] : undefined;
    })();
  }

  /** A group by id or name. */
  group(ref: string): Group | undefined {
    return this.groups.get(ref) ?? this.groupsByName.get(lower(ref))?.[0];
  }
}
