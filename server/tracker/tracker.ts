/**
 * The tracker's semantics behind one object: the REST API, the web UI and the regression suite all
 * call these methods, so they cannot disagree. Values in and out are model values (ids); errors are
 * TrackerError (HTTP status + Jira's body). Indexes are rebuilt when `state.config` or
 * `state.issues` is replaced (e.g. after a migration); call `invalidate()` after changing either in place.
 */
import type { Comment, Issue, Project } from '../model/types.ts';
import type { NotificationEvent, ProjectPermission } from '../model/schema/vocab.ts';
import { parseJql } from '../model/jql/parser.ts';
import { JqlError } from '../model/jql/errors.ts';
import { createAdmin, markInterruptedTasks, normaliseRecords, TaskRunner, defaultScheduler, type AdminApi, type AdminRecords, type Scheduler } from './admin/index.ts';
import { boardView, type BoardView } from './boards.ts';
import { systemClock, type Clock } from './clock.ts';
import { ConfigIndex } from './config-index.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { createIssue, createMeta } from './create.ts';
import { editIssue, editMeta } from './edit.ts';
import { notFound } from './errors.ts';
import type { FieldMeta } from './field-meta.ts';
import { addComment, assignIssue, deleteIssue } from './issue-actions.ts';
import { IssueIndex } from './issue-index.ts';
import { matchAll, search, type SearchResult } from './jql/search.ts';
import { recipientsFor, type NotifyExtra, type Recipient } from './notifications.ts';
import { can, permissionsOf } from './permissions.ts';
import { doTransition, transitionsOf, type TransitionView } from './transitions.ts';
import type { Actor, CreateInput, FieldValues, OutboxEntry, PageOptions, TrackerState, TransitionInput } from './types.ts';

export interface TrackerOptions {
  clock?: Clock;
  outbox?: OutboxEntry[];
  /** Where the steps of async tasks run (the sandbox: its write queue); default a timer. */
  schedule?: Scheduler;
}

export class Tracker {
  readonly outbox: OutboxEntry[];
  readonly clock: Clock;
  private cached: { config: unknown; issues: unknown; ctx: Ctx } | undefined;

  /** Configuration writes as Jira performs them (admin/index.ts). */
  readonly admin: AdminApi;

  constructor(readonly state: TrackerState, options: TrackerOptions = {}) {
    this.outbox = options.outbox ?? [];
    this.clock = options.clock ?? systemClock;
    // A task queued or running in the process that saved these records cannot resume here.
    if (this.state.admin) markInterruptedTasks(this.state.admin = normaliseRecords(this.state.admin), this.clock.now());
    const records = (): AdminRecords => {
      if (!this.state.admin || this.state.admin.format !== 1) this.state.admin = normaliseRecords(this.state.admin);
      return this.state.admin;
    };
    this.admin = createAdmin({ ctx: () => this.ctx, records, tasks: new TaskRunner(records, this.clock, options.schedule ?? defaultScheduler) });
  }

  now(): string { return this.clock.now(); }

  /** Drops the indexes; the next call rebuilds them from `state`. */
  invalidate(): void { this.cached = undefined; }

  private get ctx(): Ctx {
    const { config, issues } = this.state;
    if (!this.cached || this.cached.config !== config || this.cached.issues !== issues) {
      const ix = this.cached?.config === config ? this.cached.ctx.ix : new ConfigIndex(config);
      this.cached = { config, issues, ctx: { state: this.state, ix, issues: new IssueIndex(issues), clock: this.clock, outbox: this.outbox } };
    }
    return this.cached.ctx;
  }

  /** Lookups for the REST layer (field by id or name, users by id/e-mail, …). */
  get lookups(): ConfigIndex { return this.ctx.ix; }

  project(key: string): Project | undefined { return this.ctx.ix.projects.get(key) ?? this.ctx.ix.projectsById.get(key); }

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

  isAdmin(actor: Actor): boolean { return this.ctx.ix.hasGlobal(actor, 'ADMINISTER'); }

  /** The issue by key or id; 404 when it does not exist or the actor may not browse it. */
  getIssue(actor: Actor, keyOrId: string): Issue { return visibleIssue(this.ctx, actor, keyOrId).issue; }

  createMeta(actor: Actor, projectKey: string, issueTypeId: string): FieldMeta[] { return createMeta(this.ctx, actor, projectKey, issueTypeId); }
  createIssue(actor: Actor, input: CreateInput): Issue { return createIssue(this.ctx, actor, input); }
  editMeta(actor: Actor, key: string): FieldMeta[] { return editMeta(this.ctx, actor, key); }
  editIssue(actor: Actor, key: string, fields: FieldValues): Issue { return editIssue(this.ctx, actor, key, fields); }
  addComment(actor: Actor, key: string, body: string): Comment { return addComment(this.ctx, actor, key, body); }
  assign(actor: Actor, key: string, assignee: string | null): Issue { return assignIssue(this.ctx, actor, key, assignee); }
  deleteIssue(actor: Actor, key: string, deleteSubtasks = false): void { deleteIssue(this.ctx, actor, key, deleteSubtasks); }

  transitions(actor: Actor, key: string): TransitionView[] { return transitionsOf(this.ctx, actor, key); }
  doTransition(actor: Actor, key: string, transitionId: string, input: TransitionInput = {}): Issue {
    return doTransition(this.ctx, actor, key, transitionId, input);
  }

  /** Jira's search: visible issues only, stable order, paged. Bad JQL → TrackerError 400. */
  search(actor: Actor, jql: string, page: PageOptions = {}): SearchResult { return search(this.ctx, actor, jql, page); }

  /** Every visible match, unpaged (boards, saved-filter comparisons). Bad JQL throws JqlError. */
  searchAll(actor: Actor, jql: string): Issue[] { return matchAll(this.ctx, actor, jql); }

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

  board(actor: Actor, boardId: string): BoardView { return boardView(this.ctx, actor, boardId); }

  /** Who an event on an issue would notify, without recording anything. */
  notificationsFor(event: NotificationEvent, issue: Issue, actor: Actor, extra: NotifyExtra = {}): Recipient[] {
    return recipientsFor(this.ctx.ix, event, issue, actor, extra);
  }
}
