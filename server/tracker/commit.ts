/** Committing a working copy: one history entry, `updated`, and the event's notifications. */
import type { ChangeItem, Comment, Issue, NotificationEvent } from '../model/index.ts';
import type { Ctx } from './context.ts';
import { historyEntry } from './history.ts';
import { recipientsFor, record, type NotifyExtra } from './notifications.ts';
import type { Actor } from './types.ts';

export const commitChange = (
  ctx: Ctx,
  issue: Issue,
  working: Issue,
  items: ChangeItem[],
  newComments: Array<Pick<Comment, 'author' | 'body'>>,
  actor: Actor,
  event: NotificationEvent | undefined,
  extra: NotifyExtra = {},
): void => {
  const now = ctx.clock.now();
  if (items.length === 0 && newComments.length === 0) return;
  if (items.length)
    working.history = [...working.history, historyEntry(ctx.issues.nextHistoryId(), ctx.ix.activeUser(actor)?.accountId ?? null, now, items)];
  for (const c of newComments)
    working.comments = [...working.comments, { id: ctx.issues.nextCommentId(), author: c.author, body: c.body, created: now }];
  working.updated = now;
  Object.assign(issue, working);
  if (event) record(ctx.outbox, now, event, issue, actor, recipientsFor(ctx.ix, event, issue, actor, extra));
};
