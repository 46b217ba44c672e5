/**
 * search(actor, jql): parse (cached per text), compile against the current indexes, keep the
 * issues the actor may browse, order, page. Visibility is decided per project once, and per issue
 * only where reporter/assignee grants make it issue-dependent.
 */
import { type Issue, JqlError, parseJql, type Project, type Query } from '../../model/index.ts';
import { mayView } from '../activity.ts';
import type { Ctx } from '../context.ts';
import { badRequest } from '../errors.ts';
import { browseMode, can } from '../permissions.ts';
import type { Actor, PageOptions } from '../types.ts';
import { compileClause } from './compile.ts';
import { sortIssues } from './order.ts';
import type { Seen } from './field-types.ts';

export interface SearchResult {
  startAt: number;
  maxResults: number;
  total: number;
  issues: Issue[];
}

const cache = new Map<string, Query>();
/** Queries longer than this are parsed every time: 500 of them cached could hold 50 MB. */
const CACHED_LENGTH = 4_096;
/** Parses with a small cache: boards and saved filters run the same text again and again. */
export const parseCached = (jql: string): Query => {
  let q = cache.get(jql);
  if (!q) {
    q = parseJql(jql);
    if (jql.length > CACHED_LENGTH) return q;
    if (cache.size > 500) cache.clear();
    cache.set(jql, q);
  }
  return q;
};

/** Matching visible issues, ordered: all of them, or the first `limit`. JQL problems throw JqlError. */
const run = (ctx: Ctx, actor: Actor, jql: string, limit: number): { total: number; issues: Issue[] } => {
  const query = parseCached(jql);
  const modes = new Map<string, { mode: 'all' | 'none' | 'issue'; project: Project }>();
  for (const p of ctx.ix.config.projects) modes.set(p.key, { mode: browseMode(ctx.ix, actor, p), project: p });
  const seen: Seen = {
    project: (key) => (modes.get(key)?.mode ?? 'none') !== 'none',
    issue: (issue) => {
      const m = modes.get(issue.project);
      return m !== undefined && (m.mode === 'all' || (m.mode === 'issue' && can(ctx.ix, actor, 'BROWSE_PROJECTS', m.project, issue)));
    },
    item: (issue, visibility) => mayView(ctx, actor, issue, visibility),
  };
  const predicate = compileClause({ ix: ctx.ix, actor, now: Date.parse(ctx.clock.now()), seen }, ctx.issues, query.where);
  const hits: Issue[] = [];
  for (const issue of ctx.state.issues) if (seen.issue(issue) && predicate(issue)) hits.push(issue);
  return { total: hits.length, issues: sortIssues(ctx.ix, ctx.issues, hits, query.orderBy, limit) };
};

export const matchAll = (ctx: Ctx, actor: Actor, jql: string): Issue[] => run(ctx, actor, jql, Infinity).issues;

/** Jira's search: 400 with the JQL message for bad queries; maxResults capped at 1000 like Cloud's /search. */
export const search = (ctx: Ctx, actor: Actor, jql: string, page: PageOptions = {}): SearchResult => {
  const startAt = Math.max(0, Math.floor(page.startAt ?? 0));
  const maxResults = Math.min(1000, Math.max(0, Math.floor(page.maxResults ?? 50)));
  let found: { total: number; issues: Issue[] };
  try {
    found = run(ctx, actor, jql, startAt + maxResults);
  } catch (e) {
    if (e instanceof JqlError) throw badRequest([e.message]);
    throw e;
  }
  return { startAt, maxResults, total: found.total, issues: found.issues.slice(startAt, startAt + maxResults) };
};
