/**
 * Maps over a configuration, built once, so that every rule (and every one of a million issues)
 * looks things up in O(1). The first entity with an id wins; duplicates are the unique-ids rule's job.
 */
import type {
  Board, Config, Field, FieldConfiguration, FieldConfigurationScheme, FieldContext, FieldOption, Group, IssueLinkType,
  IssueType, IssueTypeScheme, IssueTypeScreenScheme, NotificationScheme, PermissionScheme, Priority, Project, ProjectRole,
  Resolution, SavedFilter, Screen, ScreenScheme, Status, User, Workflow, WorkflowScheme,
} from './types.ts';
import { fieldContextFor } from './resolve.ts';
import type { Candidate } from './suggest.ts';

const byKey = <T>(list: readonly T[], key: (t: T) => string): Map<string, T> => {
  const m = new Map<string, T>();
  for (const t of list) if (!m.has(key(t))) m.set(key(t), t);
  return m;
};
const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => byKey(list, (t) => t.id);

/** The options a context offers, with the children of cascading options. */
export interface ContextOptions { context: FieldContext; options: Map<string, FieldOption>; children: Map<string, Set<string>> }

export const indexConfig = (config: Config) => {
  const ix = {
    config,
    statuses: byId<Status>(config.statuses),
    issueTypes: byId<IssueType>(config.issueTypes),
    priorities: byId<Priority>(config.priorities),
    resolutions: byId<Resolution>(config.resolutions),
    linkTypes: byId<IssueLinkType>(config.issueLinkTypes),
    fields: byId<Field>(config.fields),
    users: byKey<User>(config.users, (u) => u.accountId),
    usersByEmail: byKey<User>(config.users, (u) => u.email.toLowerCase()),
    groups: byId<Group>(config.groups),
    roles: byId<ProjectRole>(config.roles),
    projects: byKey<Project>(config.projects, (p) => p.key),
    projectsById: byId<Project>(config.projects),
    issueTypeSchemes: byId<IssueTypeScheme>(config.issueTypeSchemes),
    workflows: byId<Workflow>(config.workflows),
    workflowSchemes: byId<WorkflowScheme>(config.workflowSchemes),
    screens: byId<Screen>(config.screens),
    screenSchemes: byId<ScreenScheme>(config.screenSchemes),
    issueTypeScreenSchemes: byId<IssueTypeScreenScheme>(config.issueTypeScreenSchemes),
    fieldConfigurations: byId<FieldConfiguration>(config.fieldConfigurations),
    fieldConfigurationSchemes: byId<FieldConfigurationScheme>(config.fieldConfigurationSchemes),
    permissionSchemes: byId<PermissionScheme>(config.permissionSchemes),
    notificationSchemes: byId<NotificationScheme>(config.notificationSchemes),
    filters: byId<SavedFilter>(config.filters),
    boards: byId<Board>(config.boards),
  };
  const perProject = new Map<string, ProjectInfo | undefined>();
  const perProjectOf = (key: string): ProjectInfo | undefined => {
    if (perProject.has(key)) return perProject.get(key);
    const p = ix.projects.get(key);
    const info = p && projectInfo(ix, p);
    perProject.set(key, info);
    return info;
  };
  const statusesByWorkflow = new WeakMap<Workflow, Set<string>>();
  const memo = new Map<string, unknown>();
  const cached = <T>(key: string, make: () => T): T => {
    if (memo.has(key)) return memo.get(key) as T;
    const v = make();
    memo.set(key, v);
    return v;
  };
  const named = (list: readonly { id: string; name: string }[]): Candidate[] => list.map((e) => ({ id: e.id, name: e.name }));

  return {
    ...ix,
    candidates: {
      status: () => cached('c:status', () => named(config.statuses)),
      issueType: () => cached('c:issueType', () => named(config.issueTypes)),
      priority: () => cached('c:priority', () => named(config.priorities)),
      resolution: () => cached('c:resolution', () => named(config.resolutions)),
      linkType: () => cached('c:linkType', () => named(config.issueLinkTypes)),
      field: () => cached('c:field', () => named(config.fields)),
      user: () => cached('c:user', () => config.users.map((u) => ({ id: u.accountId, name: u.displayName }))),
      group: () => cached('c:group', () => named(config.groups)),
      role: () => cached('c:role', () => named(config.roles)),
      project: () => cached('c:project', () => config.projects.map((p) => ({ id: p.key, name: p.name }))),
    },
    /** What issues of a project need, built on first use: one Map lookup per issue, no string keys. */
    project: perProjectOf,
    /** Issue type ids a project offers (its issue type scheme), or undefined if that does not resolve. */
    projectTypes: (projectKey: string): Set<string> | undefined => perProjectOf(projectKey)?.types,
    /** The workflow a project × issue type uses through the project's workflow scheme. */
    workflowOf: (projectKey: string, issueTypeId: string): Workflow | undefined => perProjectOf(projectKey)?.workflowOf(issueTypeId),
    workflowStatuses: (wf: Workflow): Set<string> => {
      let set = statusesByWorkflow.get(wf);
      if (!set) statusesByWorkflow.set(wf, (set = new Set(wf.statuses.map((s) => s.status))));
      return set;
    },
    /** The context of a field for a project × issue type, with its options indexed; null where none applies. */
    contextOf: (field: Field, projectKey: string, issueTypeId: string): ContextOptions | null =>
      perProjectOf(projectKey)?.contextOf(field, issueTypeId) ?? optionsOrNull(fieldContextFor(field, projectKey, issueTypeId)),
    componentsOf: (projectKey: string): ReadonlySet<string> => perProjectOf(projectKey)?.components ?? EMPTY,
    versionsOf: (projectKey: string): ReadonlySet<string> => perProjectOf(projectKey)?.versions ?? EMPTY,
  };
};

const EMPTY: ReadonlySet<string> = new Set();
const optionsOrNull = (c: FieldContext | undefined): ContextOptions | null => (c ? optionsOf(c) : null);

/** Per project: its issue types, components, versions, and per issue type its workflow and field contexts. */
export interface ProjectInfo {
  project: Project;
  types: Set<string> | undefined;
  components: ReadonlySet<string>;
  versions: ReadonlySet<string>;
  workflowOf: (issueTypeId: string) => Workflow | undefined;
  contextOf: (field: Field, issueTypeId: string) => ContextOptions | null;
}

type BaseIndex = {
  issueTypeSchemes: ReadonlyMap<string, IssueTypeScheme>; workflowSchemes: ReadonlyMap<string, WorkflowScheme>; workflows: ReadonlyMap<string, Workflow>;
};

const projectInfo = (ix: BaseIndex, p: Project): ProjectInfo => {
  const scheme = ix.workflowSchemes.get(p.schemes.workflowScheme);
  const workflows = new Map<string, Workflow | undefined>();
  const contexts = new Map<string, Map<string, ContextOptions | null>>();
  return {
    project: p,
    types: ((s) => (s ? new Set(s.issueTypes) : undefined))(ix.issueTypeSchemes.get(p.schemes.issueTypeScheme)),
    components: new Set(p.components.map((c) => c.id)),
    versions: new Set(p.versions.map((v) => v.id)),
    workflowOf: (t) => {
      if (!workflows.has(t)) workflows.set(t, scheme && ix.workflows.get(scheme.mappings.find((m) => m.issueType === t)?.workflow ?? scheme.defaultWorkflow));
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

export type ConfigIndex = ReturnType<typeof indexConfig>;
