/**
 * Watchers and votes, as Jira keeps them: anybody who may browse the issue watches or unwatches it
 * themself; adding or removing somebody else needs MANAGE_WATCHERS, and that user must be able to
 * browse the issue. Who watches or voted is shown only with VIEW_VOTERS_AND_WATCHERS (or
 * MANAGE_WATCHERS for watchers); the counts to anyone. Nobody votes on an issue they reported or
 * on a resolved one. Neither writes history, moves `updated` or sends a notification.
 */
import type { Issue } from '../model/index.ts';
import { setList } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { badRequest, denied, notFound, TrackerError } from './errors.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';

const signedIn = (actor: Actor): string => {
  if (actor === null) throw new TrackerError(401, { errorMessages: ['You are not logged in.'], errors: {} });
  return actor;
};

const otherUser = (ctx: Ctx, ref: string) => {
  const user = ctx.ix.user(ref);
  if (!user) throw notFound(`The user with account ID '${ref}' does not exist.`);
  return user;
};

export const addWatcher = (ctx: Ctx, actor: Actor, key: string, who: string | undefined): void => {
  const me = signedIn(actor);
  const { issue, project } = visibleIssue(ctx, actor, key);
  const user = who === undefined || who === '' ? ctx.ix.activeUser(me)! : otherUser(ctx, who);
  if (user.accountId !== me && !can(ctx.ix, actor, 'MANAGE_WATCHERS', project, issue))
    throw denied(actor, 'You do not have the permission to manage the watcher list.');
  if (!user.active) throw badRequest([`The user '${user.displayName}' is inactive and cannot watch issues.`]);
  if (!can(ctx.ix, user.accountId, 'BROWSE_PROJECTS', project, issue))
    throw notFound(`The user '${user.displayName}' does not have permission to view this issue. This user will not be added to the watch list.`);
  if (!issue.watchers.includes(user.accountId)) issue.watchers = [...issue.watchers, user.accountId];
};

export const removeWatcher = (ctx: Ctx, actor: Actor, key: string, who: string | undefined): void => {
  const me = signedIn(actor);
  if (!who) throw badRequest(['The accountId query parameter is required: say whose watch to remove.']);
  const { issue, project } = visibleIssue(ctx, actor, key);
  const user = otherUser(ctx, who);
  if (user.accountId !== me && !can(ctx.ix, actor, 'MANAGE_WATCHERS', project, issue))
    throw denied(actor, 'You do not have the permission to manage the watcher list.');
  issue.watchers = issue.watchers.filter((w) => w !== user.accountId);
};

export interface PeopleView {
  count: number;
  mine: boolean;
  people: string[];
}

/** Who watches, as the actor may see it. */
export const watchersOf = (ctx: Ctx, actor: Actor, key: string): { issue: Issue } & PeopleView => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  const all = can(ctx.ix, actor, 'VIEW_VOTERS_AND_WATCHERS', project, issue) || can(ctx.ix, actor, 'MANAGE_WATCHERS', project, issue);
  const mine = actor !== null && issue.watchers.includes(actor);
  return { issue, count: issue.watchers.length, mine, people: all ? [...issue.watchers] : mine ? [actor] : [] };
};

export const addVote = (ctx: Ctx, actor: Actor, key: string): void => {
  const me = signedIn(actor);
  const { issue } = visibleIssue(ctx, actor, key);
  if (issue.reporter === me) throw notFound('You cannot vote for an issue you have reported.');
  if (issue.resolution !== null) throw notFound('You cannot vote for an issue that has been resolved.');
  const voters = issue.voters ?? [];
  if (!voters.includes(me)) setList(issue, 'voters', [...voters, me]);
};

export const removeVote = (ctx: Ctx, actor: Actor, key: string): void => {
  const me = signedIn(actor);
  const { issue } = visibleIssue(ctx, actor, key);
  const voters = issue.voters ?? [];
  if (!voters.includes(me)) throw notFound('You have not voted for this issue.');
  setList(
    issue,
    'voters',
    voters.filter((v) => v !== me),
  );
};

export const votesOf = (ctx: Ctx, actor: Actor, key: string): { issue: Issue } & PeopleView => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  const voters = issue.voters ?? [];
  const all = can(ctx.ix, actor, 'VIEW_VOTERS_AND_WATCHERS', project, issue);
  return { issue, count: voters.length, mine: actor !== null && voters.includes(actor), people: all ? [...voters] : [] };
};
