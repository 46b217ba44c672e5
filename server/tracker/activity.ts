/**
 * What every issue-level activity shares (attachments, worklogs, links, comment edits): one history
 * entry for the change, `updated`, the event's notifications, lists dropped when they become empty
 * (absent and empty are the same in the model), and who may see a restricted comment or worklog.
 */
import type { ChangeItem, Issue, Project, Visibility } from '../model/index.ts';
import type { NotificationEvent, ProjectPermission } from '../model/index.ts';
import type { Ctx } from './context.ts';
import { denied } from './errors.ts';
import { historyEntry } from './history.ts';
import { recipientsFor, record, type Recipient } from './notifications.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';

export interface ActivityOptions {
  /** History items; none → no history entry. */
  items?: ChangeItem[];
  event?: NotificationEvent;
  /** Only recipients who may see the restricted item are told (Jira hides it from the others). */
  visibility?: Visibility;
  /** Whether `updated` moves (watchers, votes and properties leave it). */
  touch?: boolean;
}

export const recordActivity = (ctx: Ctx, issue: Issue, actor: Actor, o: ActivityOptions): void => {
  const now = ctx.clock.now();
  if (o.items?.length)
    issue.history = [...issue.history, historyEntry(ctx.issues.nextHistoryId(), ctx.ix.activeUser(actor)?.accountId ?? null, now, o.items)];
  if (o.touch ?? true) issue.updated = now;
  if (o.event) {
    const recipients = recipientsFor(ctx.ix, o.event, issue, actor).filter((r: Recipient) => mayView(ctx, r.accountId, issue, o.visibility));
    record(ctx.outbox, now, o.event, issue, actor, recipients, o.visibility);
  }
};

type ListKey = 'attachments' | 'worklogs' | 'remoteLinks' | 'voters';
type ListOf<K extends ListKey> = NonNullable<Issue[K]>;

/** Sets an optional list of the issue, removing the key when the list is empty. */
export const setList = <K extends ListKey>(issue: Issue, key: K, list: ListOf<K>): void => {
  if (list.length) (issue as Record<K, ListOf<K>>)[key] = list;
  else delete issue[key];
};

/** Whether a user may see an item restricted to a group or a project role (unrestricted: yes). */
export const mayView = (ctx: Ctx, actor: Actor, issue: Issue, v: Visibility | undefined): boolean => {
  if (!v) return true;
  if (v.type === 'group') return ctx.ix.inGroup(actor, v.value);
  const project = ctx.ix.projects.get(issue.project);
  return actor !== null && project !== undefined && ctx.ix.roleHolders(project, v.value).has(actor);
};

/** Throws Jira's 401/403 unless the actor holds the permission on the issue. */
export const need = (ctx: Ctx, actor: Actor, permission: ProjectPermission, project: Project, issue: Issue, message: string): void => {
  if (!can(ctx.ix, actor, permission, project, issue)) throw denied(actor, message);
};

/** Own items need the OWN permission, anybody's the ALL one (Jira's comment/worklog/attachment rule). */
export const needOwnOrAll = (
  ctx: Ctx,
  actor: Actor,
  project: Project,
  issue: Issue,
  author: string | null,
  own: ProjectPermission,
  all: ProjectPermission,
  message: string,
): void => {
  if (can(ctx.ix, actor, all, project, issue)) return;
  if (actor !== null && author === actor && can(ctx.ix, actor, own, project, issue)) return;
  throw denied(actor, message);
};
