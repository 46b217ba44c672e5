/**
 * The tracker's semantics behind one object: the REST API, the web UI and the regression suite all
 * call these methods, so they cannot disagree. Values in and out are model values (ids); errors are
 * TrackerError (HTTP status + Jira's body). Its state is its own: callers read the configuration and
 * the issues, look things up and change them through these methods, and the tracker keeps its indexes
 * in step (every write goes through it; replaceState and updateConfig drop what they make stale).
 */
import {
  type Comment,
  type Config,
  ConfigIndex,
  type Field,
  type GlobalPermission,
  type Group,
  type Issue,
  type IssueType,
  JqlError,
  type NotificationEvent,
  parseJql,
  type Priority,
  type Project,
  type ProjectPermission,
  type Resolution,
  type SavedFilter,
  type Status,
  type User,
} from '../model/index.ts';
import {
  createAdmin,
  defaultScheduler,
  markInterruptedTasks,
  normaliseRecords,
  TaskRunner,
  type AdminApi,
  type AdminRecords,
  type Scheduler,
} from './admin/index.ts';
import { boardIssues, boardView, type BoardView } from './boards.ts';
import { EverydayMethods } from './everyday.ts';
import { filterVisible } from './filter-visibility.ts';
import { systemClock, type Clock } from './clock.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { createIssue, createMeta } from './create.ts';
import { editIssue, editMeta } from './edit.ts';
import { describeValue } from './history.ts';
import { issueTypeByRef, optionByRef, priorityByRef, resolutionByRef, statusByRef } from './lookups.ts';
import { notFound } from './errors.ts';
import type { FieldMeta } from './field-meta.ts';
import { addComment, assignIssue, deleteIssue } from './issue-actions.ts';
import { type IssueCounters, IssueIndex } from './issue-index.ts';
import { matchAll, search, type SearchResult } from './jql/search.ts';
import { recipientsFor, type NotifyExtra, type Recipient } from './notifications.ts';
import { visibleOutbox } from './outbox-view.ts';
import { can, permissionsOf } from './permissions.ts';
import { doTransition, transitionsOf, type TransitionView } from './transitions.ts';
import type { VisibilityInput } from './visibility-input.ts';
import type { Actor, CreateInput, FieldValues, OutboxEntry, PageOptions, TrackerState, TransitionInput } from './types.ts';

export interface TrackerOptions {
  clock?: Clock;
  outbox?: OutboxEntry[];
  /** Where the steps of async tasks run (the sandbox: its write queue); default a timer. */
  schedule?: Scheduler;
  /**
   * Indexes by configuration object, shared by trackers that never change a configuration in place
   * (a sandbox's forks share their base's configuration, so they share its index and warm caches).
   */
  sharedIndexes?: WeakMap<Config, ConfigIndex>;
  /**
   * The counters of the issue list `state.issues` was copied from (`Tracker.issueCounters()` of its
   * tracker): the copy's index then needs no scan. Used for that list only, not for one that replaces it.
   */
  issueCounters?: IssueCounters;
}

export class Tracker extends EverydayMethods {
  readonly outbox: OutboxEntry[];
  readonly clock: Clock;
  private readonly state: TrackerState;
  private cached: { config: unknown; issues: unknown; ctx: Ctx } | undefined;
  private readonly sharedIndexes: WeakMap<Config, ConfigIndex> | undefined;
  private seed: { issues: readonly Issue[]; counters: IssueCounters } | undefined;

  /** Configuration writes as Jira performs them (admin/index.ts). */
  readonly admin: AdminApi;

  /**
   * Serves `state`, which it changes in place (an instance's data works as is, so what the tracker
   * writes is what the instance saves).
   */
  constructor(state: TrackerState, options: TrackerOptions = {}) {
    super();
    this.state = state;
    this.outbox = options.outbox ?? [];
    this.clock = options.clock ?? systemClock;
    this.sharedIndexes = options.sharedIndexes;
    if (options.issueCounters) this.seed = { issues: state.issues, counters: options.issueCounters };
    // A task queued or running in the process that saved these records cannot resume here.
    if (this.state.admin) markInterruptedTasks((this.state.admin = normaliseRecords(this.state.admin)), this.clock.now());
    const records = (): AdminRecords => {
      if (this.state.admin?.format !== 1) this.state.admin = normaliseRecords(this.state.admin);
      return this.state.admin;
    };
    this.admin = createAdmin({ ctx: () => this.ctx, records, tasks: new TaskRunner(records, this.clock, options.schedule ?? defaultScheduler) });
  }

  now(): string {
    return this.clock.now();
  }

  private indexOf(config: Config): ConfigIndex {
    let ix = this.sharedIndexes?.get(config);
    if (!ix) {
      ix = new ConfigIndex(config);
      this.sharedIndexes?.set(config, ix);
    }
    return ix;
  }

  protected get ctx(): Ctx {
    const { config, issues } = this.state;
    if (!this.cached || this.cached.config !== config || this.cached.issues !== issues) {
      const ix = this.cached?.config === config ? this.cached.ctx.ix : this.indexOf(config);
      const from = this.seed?.issues === issues ? this.seed.counters : undefined;
      this.seed = undefined;
      this.cached = { config, issues, ctx: { state: this.state, ix, issues: new IssueIndex(issues, from), clock: this.clock, outbox: this.outbox } };
    }
    return this.cached.ctx;
  }

  /** The next free numbers of the issues served, for a tracker over a copy of them (`TrackerOptions.issueCounters`). */
  issueCounters(): IssueCounters {
    return this.ctx.issues.counters();
  }

  /** The configuration served. Read it; change it only through updateConfig or replaceState. */
  get config(): Config {
    return this.state.config;
  }

  /** The issues, in stored order. Change them only through the tracker's methods or replaceState. */
  get issues(): readonly Issue[] {
    return this.state.issues;
  }

  /** The administration records (ids, versions, audit log, tasks, banner), outside the canonical hash; for forks and saves. */
  get adminRecords(): AdminRecords | undefined {
    return this.state.admin;
  }

  /** Serves another configuration, other issues, or both (a restored checkpoint); the indexes are rebuilt. */
  replaceState(next: Partial<TrackerState>): void {
    if (next.config) this.state.config = next.config;
    if (next.issues) this.state.issues = next.issues;
    this.cached = undefined;
  }

  /** Changes the configuration in place (a configuration write); the indexes over it are rebuilt after. */
  updateConfig<T>(change: (config: Config) => T): T {
    try {
      return change(this.state.config);
    } finally {
      this.sharedIndexes?.delete(this.state.config);
      this.cached = undefined;
    }
  }

  /** A project by key or id. */
  project(key: string): Project | undefined {
    return this.ctx.ix.projects.get(key) ?? this.ctx.ix.projectsById.get(key);
  }

  /** Entities by id (undefined when none). */
  field(id: string): Field | undefined {
    return this.ctx.ix.fields.get(id);
  }
  status(id: string): Status | undefined {
    return this.ctx.ix.statuses.get(id);
  }
  issueType(id: string): IssueType | undefined {
    return this.ctx.ix.issueTypes.get(id);
  }
  priority(id: string): Priority | undefined {
    return this.ctx.ix.priorities.get(id);
  }
  resolution(id: string): Resolution | undefined {
    return this.ctx.ix.resolutions.get(id);
  }
  group(id: string): Group | undefined {
    return this.ctx.ix.groups.get(id);
  }
  /** A user by account id, active or not. */
  user(accountId: string): User | undefined {
    return this.ctx.ix.users.get(accountId);
  }
  /** An active user by account id: inactive accounts act as nobody. */
  activeUser(accountId: string | null | undefined): User | undefined {
    return this.ctx.ix.activeUser(accountId);
  }

  /** Entities as callers name them (Jira's REST forms): ids, or names case-insensitively. */
  fieldByRef(ref: string): Field | undefined {
    return this.ctx.ix.field(ref);
  }
  userByRef(ref: string): User | undefined {
    return this.ctx.ix.user(ref);
  }
  groupByRef(ref: string): Group | undefined {
    return this.ctx.ix.group(ref);
  }
  priorityByRef(ref: string): Priority | undefined {
    return priorityByRef(this.ctx.ix, ref);
  }
  resolutionByRef(ref: string): Resolution | undefined {
    return resolutionByRef(this.ctx.ix, ref);
  }
  statusByRef(ref: string): Status | undefined {
    return statusByRef(this.ctx.ix, ref);
  }
  issueTypeByRef(ref: string): IssueType | undefined {
    return issueTypeByRef(this.ctx.ix, ref);
  }
  /** An option (or, with `parentId`, a child option) of the context applying to project × issue type, by id or value. */
  optionByRef(fieldId: string, projectKey: string, issueTypeId: string, ref: { id?: string; value?: string }, parentId?: string) {
    return optionByRef(this.ctx.ix, fieldId, projectKey, issueTypeId, ref, parentId);
  }

  inGroup(actor: Actor, groupId: string): boolean {
    return this.ctx.ix.inGroup(actor, groupId);
  }
  /** Account ids holding a role in a project (through users and groups). */
  roleHolders(project: Project, roleId: string): ReadonlySet<string> {
    return this.ctx.ix.roleHolders(project, roleId);
  }

  /** A field's value as the changelog records it: the raw value and its words. */
  describeValue(
    field: Field | undefined,
    fieldId: string,
    value: unknown,
    project: Project,
    issueTypeId: string,
  ): { raw: string | null; text: string | null } {
    return describeValue(this.ctx.ix, field, fieldId, value, project, issueTypeId);
  }

  private projectOr404(key: string): Project {
    const p = this.project(key);
    if (!p) throw notFound(`No project could be found with key '${key}'.`);
    return p;
  }

  permissionsOf(actor: Actor, projectKey: string, issue?: Issue): Set<ProjectPermission> {
    return permissionsOf(this.ctx.ix, actor, this.projectOr404(projectKey), issue);
  }

  can(actor: Actor, permission: ProjectPermission, projectKey: string, issue?: Issue): boolean {
    const p = this.project(projectKey);
    return p !== undefined && can(this.ctx.ix, actor, permission, p, issue);
  }

  isAdmin(actor: Actor): boolean {
    return this.ctx.ix.hasGlobal(actor, 'ADMINISTER');
  }
  hasGlobal(actor: Actor, permission: GlobalPermission): boolean {
    return this.ctx.ix.hasGlobal(actor, permission);
  }

  /** Whether a saved filter may be read: owner, administrators, or a share that includes the actor. */
  canSeeFilter(actor: Actor, f: SavedFilter): boolean {
    return filterVisible(this.ctx.ix, actor, f);
  }

  /** The issue by key or id; 404 when it does not exist or the actor may not browse it. */
  getIssue(actor: Actor, keyOrId: string): Issue {
    return visibleIssue(this.ctx, actor, keyOrId).issue;
  }

  createMeta(actor: Actor, projectKey: string, issueTypeId: string): FieldMeta[] {
    return createMeta(this.ctx, actor, projectKey, issueTypeId);
  }
  createIssue(actor: Actor, input: CreateInput): Issue {
    return createIssue(this.ctx, actor, input);
  }
  editMeta(actor: Actor, key: string): FieldMeta[] {
    return editMeta(this.ctx, actor, key);
  }
  editIssue(actor: Actor, key: string, fields: FieldValues): Issue {
    return editIssue(this.ctx, actor, key, fields);
  }
  addComment(actor: Actor, key: string, body: string, visibility?: VisibilityInput): Comment {
    return addComment(this.ctx, actor, key, body, visibility);
  }
  assign(actor: Actor, key: string, assignee: string | null): Issue {
    return assignIssue(this.ctx, actor, key, assignee);
  }
  deleteIssue(actor: Actor, key: string, deleteSubtasks = false): void {
    deleteIssue(this.ctx, actor, key, deleteSubtasks);
  }

  transitions(actor: Actor, key: string): TransitionView[] {
    return transitionsOf(this.ctx, actor, key);
  }
  doTransition(actor: Actor, key: string, transitionId: string, input: TransitionInput = {}): Issue {
    return doTransition(this.ctx, actor, key, transitionId, input);
  }

  /** Jira's search: visible issues only, stable order, paged. Bad JQL → TrackerError 400. */
  search(actor: Actor, jql: string, page: PageOptions = {}): SearchResult {
    return search(this.ctx, actor, jql, page);
  }

  /** Every visible match, unpaged (boards, saved-filter comparisons). Bad JQL throws JqlError. */
  searchAll(actor: Actor, jql: string): Issue[] {
    return matchAll(this.ctx, actor, jql);
  }

  /** Checks a query as Jira's JQL validation does (syntax, fields, values, functions); [] when fine. */
  validateJql(actor: Actor, jql: string): string[] {
    try {
      parseJql(jql);
      matchAll({ ...this.ctx, state: { ...this.state, issues: [] } }, actor, jql);
      return [];
    } catch (e) {
      if (e instanceof JqlError) return [e.message];
      throw e;
    }
  }

  board(actor: Actor, boardId: string): BoardView {
    return boardView(this.ctx, actor, boardId);
  }
  /** The issues on a board (in a column), as Jira's agile API lists them; `jql` narrows them (bad JQL → TrackerError 400). */
  boardIssues(actor: Actor, boardId: string, jql?: string): Issue[] {
    return boardIssues(this.ctx, actor, boardId, jql);
  }

  /** The recorded notifications `actor` may read: on issues they may browse, none about an item hidden from them. */
  outboxFor(actor: Actor): OutboxEntry[] {
    return visibleOutbox(this.ctx, actor);
  }

  /** Who an event on an issue would notify, without recording anything. */
  notificationsFor(event: NotificationEvent, issue: Issue, actor: Actor, extra: NotifyExtra = {}): Recipient[] {
    return recipientsFor(this.ctx.ix, event, issue, actor, extra);
  }
}
