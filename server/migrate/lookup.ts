/**
 * Name lookups over one state for one operation: `look.status('Open', 'from')` returns the status
 * or throws an OpError naming the op and the candidates. One spec per kind of thing.
 */
import type {
  Board,
  Config,
  Field,
  FieldOption,
  Group,
  IssueType,
  IssueTypeScheme,
  NotificationScheme,
  PermissionScheme,
  Priority,
  Project,
  ProjectRole,
  Resolution,
  SavedFilter,
  Screen,
  Status,
  Transition,
  User,
  Workflow,
  WorkflowScheme,
} from '../model/index.ts';
import { resolveMany, resolveOne, type NameSpec } from './names.ts';
import type { OpSite } from './types.ts';

const named = <T extends { id: string; name: string }>(what: string): NameSpec<T> => ({ what, id: (t) => t.id, names: (t) => [t.name] });

export const SPECS = {
  status: named<Status>('status'),
  issueType: named<IssueType>('issue type'),
  priority: named<Priority>('priority'),
  resolution: named<Resolution>('resolution'),
  field: named<Field>('field'),
  group: named<Group>('group'),
  role: named<ProjectRole>('project role'),
  workflow: named<Workflow>('workflow'),
  workflowScheme: named<WorkflowScheme>('workflow scheme'),
  issueTypeScheme: named<IssueTypeScheme>('issue type scheme'),
  permissionScheme: named<PermissionScheme>('permission scheme'),
  notificationScheme: named<NotificationScheme>('notification scheme'),
  screen: named<Screen>('screen'),
  filter: named<SavedFilter>('filter'),
  board: named<Board>('board'),
  transition: named<Transition>('transition'),
  project: { what: 'project', id: (p: Project) => p.key, names: (p: Project) => [p.key, p.name] } satisfies NameSpec<Project>,
  user: { what: 'user', id: (u: User) => u.accountId, names: (u: User) => [u.displayName, u.email] } satisfies NameSpec<User>,
  option: { what: 'option', id: (o: FieldOption) => o.id, names: (o: FieldOption) => [o.value] } satisfies NameSpec<FieldOption>,
};

/** Options of a field across its contexts, de-duplicated by value for lookups. */
export const fieldOptions = (field: Field): FieldOption[] => field.contexts.flatMap((c) => c.options ?? []);

export class Lookup {
  constructor(
    readonly config: Config,
    readonly site: OpSite,
  ) {}
  status = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.status, this.config.statuses, name, arg);
  issueType = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.issueType, this.config.issueTypes, name, arg);
  priority = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.priority, this.config.priorities, name, arg);
  resolution = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.resolution, this.config.resolutions, name, arg);
  field = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.field, this.config.fields, name, arg);
  group = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.group, this.config.groups, name, arg);
  role = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.role, this.config.roles, name, arg);
  workflow = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.workflow, this.config.workflows, name, arg);
  workflowScheme = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.workflowScheme, this.config.workflowSchemes, name, arg);
  issueTypeScheme = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.issueTypeScheme, this.config.issueTypeSchemes, name, arg);
  permissionScheme = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.permissionScheme, this.config.permissionSchemes, name, arg);
  notificationScheme = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.notificationScheme, this.config.notificationSchemes, name, arg);
  screen = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.screen, this.config.screens, name, arg);
  filter = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.filter, this.config.filters, name, arg);
  board = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.board, this.config.boards, name, arg);
  project = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.project, this.config.projects, name, arg);
  user = (name: unknown, arg?: string) => resolveOne(this.site, SPECS.user, this.config.users, name, arg);
  transition = (wf: Workflow, name: unknown, arg?: string) =>
    resolveOne(this.site, { ...SPECS.transition, what: `transition of workflow '${wf.name}'` }, wf.transitions, name, arg);
  /** An option of a field, looked up among the options of all its contexts. */
  option = (field: Field, name: unknown, arg?: string) =>
    resolveOne(this.site, { ...SPECS.option, what: `option of field '${field.name}'` }, uniqueByValue(fieldOptions(field)), name, arg);
  statuses = (names: unknown, arg: string) => resolveMany(this.site, SPECS.status, this.config.statuses, names, arg);
  projects = (names: unknown, arg: string) => resolveMany(this.site, SPECS.project, this.config.projects, names, arg);
  issueTypes = (names: unknown, arg: string) => resolveMany(this.site, SPECS.issueType, this.config.issueTypes, names, arg);
}

// The same option value in several contexts is one option for an admin; keep the first of each value.
const uniqueByValue = (options: FieldOption[]): FieldOption[] => {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.value.toLowerCase()) ? false : (seen.add(o.value.toLowerCase()), true)));
};
