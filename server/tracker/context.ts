/** What every tracker operation works with: the indexes, the clock, the outbox. */
import type { ConfigIndex, Issue, Project } from '../model/index.ts';
import type { Clock } from './clock.ts';
import { issueNotFound } from './errors.ts';
import type { IssueIndex } from './issue-index.ts';
import { can } from './permissions.ts';
import type { Actor, OutboxEntry, TrackerState } from './types.ts';

export interface Ctx {
  state: TrackerState;
  ix: ConfigIndex;
  issues: IssueIndex;
  clock: Clock;
  outbox: OutboxEntry[];
}

/** The issue and its project, or a 404 when it does not exist or the actor may not browse it. */
export const visibleIssue = (ctx: Ctx, actor: Actor, key: string): { issue: Issue; project: Project } => {
  const issue = ctx.issues.byKey.get(key.toUpperCase()) ?? ctx.issues.byKey.get(key) ?? ctx.issues.byId.get(key);
  const project = issue && ctx.ix.projects.get(issue.project);
  if (!issue || !project || !can(ctx.ix, actor, 'BROWSE_PROJECTS', project, issue)) throw issueNotFound();
  return { issue, project };
};
