/**
 * Lookups over one configuration, built once, so that every rule (and every one of a million issues),
 * every permission check and every JQL search looks things up in O(1) instead of scanning lists. The
 * first entity with an id wins; duplicates are the unique-ids rule's job. What only some callers need
 * (names, ranks, per-project facts, candidates for "did you mean") is built on first use.
 */
import type {
  Board,
  Config,
  Field,
  FieldConfiguration,
  FieldConfigurationScheme,
  FieldContext,
  FieldOption,
  Group,
  IssueLinkType,
  IssueType,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  NotificationScheme,
  PermissionScheme,
  Priority,
  Project,
  ProjectRole,
  Resolution,
  SavedFilter,
  Screen,
  ScreenScheme,
  Status,
  User,
  Workflow,
  WorkflowScheme,
} from './types.ts';
import { fieldContextFor, roleMembers } from './resolve.ts';
import type { Candidate } from './suggest.ts';

const byKey = <T>(list: readonly T[], key: (t: T) => string): Map<string, T> => {
  const m = new Map<string, T>();
  for (const t of list) if (!m.has(key(t))) m.set(key(t), t);
  return m;
};
const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => byKey(list, (t) => t.id);

const lower = (s: string) => s.trim().toLowerCase();

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

/** The options a context offers, with the children of cascading options. */
export interface ContextOptions {
  context: FieldContext;
  options: Map<string, FieldOption>;
  children: Map<string, Set<string>>;
}

/** Per project: its issue types, components, versions, and per issue type its workflow and field contexts. */
export interface ProjectInfo {
  project: Project;
  types: Set<string> | undefined;
  components: ReadonlySet<string>;
  versions: ReadonlySet<string>;
  workflowOf: (issueTypeId: string) => Workflow | undefined;
  contextOf: (field: Field, issueTypeId: string) => ContextOptions | null;
}

const EMPTY: ReadonlySet<string> = new Set();

export class ConfigIndex {
  readonly statuses: Map<string, Status>;
  readonly issueTypes: Map<string, IssueType>;
  readonly priorities: Map<string, Priority>;
  readonly resolutions: Map<string, Resolution>;
  readonly linkTypes: Map<string, IssueLinkType>;
  readonly fields: Map<string, Field>;
  /** Users by account id. */
  readonly users: Map<string, User>;
  /** Users by e-mail address, lower case. */
  readonly usersByEmail: Map<string, User>;
  readonly groups: Map<string, Group>;
  readonly roles: Map<string, ProjectRole>;
  /** Projects by key. */
  readonly projects: Map<string, Project>;
  readonly projectsById: Map<string, Project>;
  readonly issueTypeSchemes: Map<string, IssueTypeScheme>;
  readonly workflows: Map<string, Workflow>;
  readonly workflowSchemes: Map<string, WorkflowScheme>;
  readonly screens: Map<string, Screen>;
  readonly screenSchemes: Map<string, ScreenScheme>;
  readonly issueTypeScreenSchemes: Map<string, IssueTypeScreenScheme>;
  readonly fieldConfigurations: Map<string, FieldConfiguration>;
  readonly fieldConfigurationSchemes: Map<string, FieldConfigurationScheme>;
  readonly permissionSchemes: Map<string, PermissionScheme>;
  readonly notificationSchemes: Map<string, NotificationScheme>;
  readonly filters: Map<string, SavedFilter>;
  readonly boards: Map<string, Board>;

  private readonly perProject = new Map<string, ProjectInfo | undefined>();
  private readonly statusesByWorkflow = new WeakMap<Workflow, Set<string>>();
  private readonly memo = new Map<string, unknown>();
  private readonly roleCache = new Map<string, Set<string>>();

  constructor(readonly config: Config) {
    this.statuses = byId(config.statuses);
    this.issueTypes = byId(config.issueTypes);
    this.priorities = byId(config.priorities);
    this.resolutions = byId(config.resolutions);
    this.linkTypes = byId(config.issueLinkTypes);
    this.fields = byId(config.fields);
    this.users = byKey(config.users, (u) => u.accountId);
    this.usersByEmail = byKey(config.users, (u) => u.email.toLowerCase());
    this.groups = byId(config.groups);
    this.roles = byId(config.roles);
    this.projects = byKey(config.projects, (p) => p.key);
    this.projectsById = byId(config.projects);
    this.issueTypeSchemes = byId(config.issueTypeSchemes);
    this.workflows = byId(config.workflows);
    this.workflowSchemes = byId(config.workflowSchemes);
    this.screens = byId(config.screens);
    this.screenSchemes = byId(config.screenSchemes);
    this.issueTypeScreenSchemes = byId(config.issueTypeScreenSchemes);
    this.fieldConfigurations = byId(config.fieldConfigurations);
    this.fieldConfigurationSchemes = byId(config.fieldConfigurationSchemes);
    this.permissionSchemes = byId(config.permissionSchemes);
    this.notificationSchemes = byId(config.notificationSchemes);
    this.filters = byId(config.filters);
    this.boards = byId(config.boards);
  }

  private cached<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const v = make();
    this.memo.set(key, v);
    return v;
  }

  /** Every entity of a kind as "did you mean" candidates, built on first use. */
  readonly candidates = {
    status: () => this.cached('c:status', () => named(this.config.statuses)),
    issueType: () => this.cached('c:issueType', () => named(this.config.issueTypes)),
    priority: () => this.cached('c:priority', () => named(this.config.priorities)),
    resolution: () => this.cached('c:resolution', () => named(this.config.resolutions)),
    linkType: () => this.cached('c:linkType', () => named(this.config.issueLinkTypes)),
    field: () => this.cached('c:field', () => named(this.config.fields)),
    user: () => this.cached('c:user', () => this.config.users.map((u) => ({ id: u.accountId, name: u.displayName }))),
    group: () => this.cached('c:group', () => named(this.config.groups)),
    role: () => this.cached('c:role', () => named(this.config.roles)),
    project: () => this.cached('c:project', () => this.config.projects.map((p) => ({ id: p.key, name: p.name }))),
  };

  /** Entities by lower-case name (several may share one). */
  get fieldsByName(): Map<string, Field[]> {
    return this.cached('n:field', () => byName(this.config.fields, (f) => f.name));
  }
  private get usersByName(): Map<string, User[]> {
    return this.cached('n:user', () => byName(this.config.users, (u) => u.displayName));
  }
  private get groupsByName(): Map<string, Group[]> {
    return this.cached('n:group', () => byName(this.config.groups, (g) => g.name));
  }
  get resolutionsByName(): Map<string, Resolution[]> {
    return this.cached('n:resolution', () => byName(this.config.resolutions, (x) => x.name));
  }

  /** Priority id → position (0 = highest), for sorting. */
  get priorityRank(): Map<string, number> {
    return this.cached('r:priority', () => new Map(this.config.priorities.map((p, i) => [p.id, i])));
  }
  /** Status id → position in the configuration, for sorting. */
  get statusRank(): Map<string, number> {
    return this.cached('r:status', () => new Map(this.config.statuses.map((s, i) => [s.id, i])));
  }

  /** What issues of a project need, built on first use: one Map lookup per issue, no string keys. */
  project(key: string): ProjectInfo | undefined {
    if (this.perProject.has(key)) return this.perProject.get(key);
    const p = this.projects.get(key);
    const info = p && projectInfo(this, p);
    this.perProject.set(key, info);
    return info;
  }

  /** Issue type ids a project offers (its issue type scheme), or undefined if that does not resolve. */
  projectTypes(projectKey: string): Set<string> | undefined {
    return this.project(projectKey)?.types;
  }

  /** The workflow a project × issue type uses through the project's workflow scheme. */
  workflowOf(projectKey: string, issueTypeId: string): Workflow | undefined {
    return this.project(projectKey)?.workflowOf(issueTypeId);
  }

  workflowStatuses(wf: Workflow): Set<string> {
    let set = this.statusesByWorkflow.get(wf);
    if (!set) this.statusesByWorkflow.set(wf, (set = new Set(wf.statuses.map((s) => s.status))));
    return set;
  }

  /** The context of a field for a project × issue type, with its options indexed; null where none applies. */
  contextOf(field: Field, projectKey: string, issueTypeId: string): ContextOptions | null {
    return this.project(projectKey)?.contextOf(field, issueTypeId) ?? optionsOrNull(fieldContextFor(field, projectKey, issueTypeId));
  }

  componentsOf(projectKey: string): ReadonlySet<string> {
    return this.project(projectKey)?.components ?? EMPTY;
  }
  versionsOf(projectKey: string): ReadonlySet<string> {
    return this.project(projectKey)?.versions ?? EMPTY;
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
    const u = this.users.get(ref) ?? this.usersByEmail.get(lower(ref));
    if (u) return u;
    const named = this.usersByName.get(lower(ref));
    return named?.length === 1 ? named[0] : undefined;
  }

  /** A group by id or name. */
  group(ref: string): Group | undefined {
    return this.groups.get(ref) ?? this.groupsByName.get(lower(ref))?.[0];
  }
}

/** Builds the lookups of a configuration (the validator's and the rules' entry point). */
export const indexConfig = (config: Config): ConfigIndex => new ConfigIndex(config);

const named = (list: readonly { id: string; name: string }[]): Candidate[] => list.map((e) => ({ id: e.id, name: e.name }));

const optionsOrNull = (c: FieldContext | undefined): ContextOptions | null => (c ? optionsOf(c) : null);

const projectInfo = (ix: ConfigIndex, p: Project): ProjectInfo => {
  const scheme = ix.workflowSchemes.get(p.schemes.workflowScheme);
  const workflows = new Map<string, Workflow | undefined>();
  const contexts = new Map<string, Map<string, ContextOptions | null>>();
  return {
    project: p,
    types: ((s) => (s ? new Set(s.issueTypes) : undefined))(ix.issueTypeSchemes.get(p.schemes.issueTypeScheme)),
    components: new Set(p.components.map((c) => c.id)),
    versions: new Set(p.versions.map((v) => v.id)),
    workflowOf: (t) => {
      if (!workflows.has(t))
        workflows.set(t, scheme && ix.workflows.get(scheme.mappings.find((m) => m.issueType === t)?.workflow ?? scheme.defaultWorkflow));
      return workflows.get(t);
    },
    contextOf: (field, t) => {
      let byField = contexts.get(t);
      if (!byField) contexts.set(t, (byField = new Map()));
      let ctx = byField.get(field.id);
      if (ctx === undefined) byField.set(field.id, (ctx = optionsOrNull(fieldContextFor(field, p.key, t))));
      return ctx;
    },
  };
};

export const optionsOf = (context: FieldContext): ContextOptions => {
  const options = new Map<string, FieldOption>();
  const children = new Map<string, Set<string>>();
  for (const o of context.options ?? []) {
    options.set(o.id, o);
    children.set(o.id, new Set((o.children ?? []).map((c) => c.id)));
  }
  return { context, options, children };
};
