/**
 * The outbox as one person may read it (the web UI's /outbox): only notifications on issues they
 * may browse (a deleted issue: its project), and none about an item restricted to a group or role
 * they are not in, so the outbox tells nobody what the issue view would hide.
 */
import { mayView } from './activity.ts';
import type { Ctx } from './context.ts';
import { browseMode, can } from './permissions.ts';
import type { Actor, OutboxEntry } from './types.ts';

export const visibleOutbox = (ctx: Ctx, actor: Actor): OutboxEntry[] => {
  const modes = new Map<string, 'all' | 'none' | 'issue'>();
  const mode = (key: string) => {
    let m = modes.get(key);
    if (m === undefined) {
      const p = ctx.ix.projects.get(key);
      m = p ? browseMode(ctx.ix, actor, p) : 'none';
      modes.set(key, m);
    }
    return m;
  };
  return ctx.outbox.filter((e) => {
    const m = mode(e.project);
    if (m === 'none') return false;
    const issue = ctx.issues.byKey.get(e.issueKey);
    if (!issue) return m === 'all';
    if (m === 'issue' && !can(ctx.ix, actor, 'BROWSE_PROJECTS', ctx.ix.projects.get(e.project)!, issue)) return false;
    return mayView(ctx, actor, issue, e.visibility);
  });
};
