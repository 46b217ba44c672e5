/**
 * A board as its columns: the issues of the board's filter that the actor can see, placed in the
 * column that maps their status. Issues whose status no column maps are reported, per status —
 * Jira silently hides them, which is exactly what a rehearsal must surface. Epics (hierarchy
 * level 1) do not belong to scrum boards, as in Jira: they are neither in a column nor unmapped.
 */
import { type Board, type Issue, JqlError } from '../model/index.ts';
import type { Ctx } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import { matchAll } from './jql/search.ts';
import type { Actor } from './types.ts';

export interface BoardColumnView {
  name: string;
  statuses: string[];
  issues: Issue[];
  min?: number;
  max?: number;
}
export interface BoardView {
  board: Board;
  columns: BoardColumnView[];
  /** Issues of the filter in a status no column maps, grouped by status id. */
  unmapped: Array<{ status: string; statusName: string; issues: Issue[] }>;
}

export const boardView = (ctx: Ctx, actor: Actor, boardId: string): BoardView => {
  const board = ctx.ix.config.boards.find((b) => b.id === String(boardId));
  if (!board) throw notFound(`The requested board cannot be viewed because it either does not exist or you do not have permission to view it.`);
  const filter = ctx.ix.config.filters.find((f) => f.id === board.filter);
  if (!filter) throw badRequest([`Board '${board.name}' uses filter '${board.filter}', which does not exist.`]);
  let issues: Issue[];
  try {
    issues = matchAll(ctx, actor, filter.jql);
  } catch (e) {
    if (e instanceof JqlError) throw badRequest([`The filter of board '${board.name}' (${filter.name}) fails: ${e.message}`]);
    throw e;
  }
  const columnOf = new Map<string, number>();
  board.columns.forEach((c, n) => {
    for (const s of c.statuses) if (!columnOf.has(s)) columnOf.set(s, n);
  });
  const columns: BoardColumnView[] = board.columns.map((c) => ({
    name: c.name,
    statuses: [...c.statuses],
    issues: [],
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
  }));
  const unmapped = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (board.type === 'scrum' && ctx.ix.issueTypes.get(issue.issueType)?.hierarchyLevel === 1) continue;
    const n = columnOf.get(issue.status);
    if (n !== undefined) columns[n]!.issues.push(issue);
    else unmapped.set(issue.status, [...(unmapped.get(issue.status) ?? []), issue]);
  }
  return {
    board,
    columns,
    unmapped: [...unmapped.entries()].map(([status, list]) => ({ status, statusName: ctx.ix.statuses.get(status)?.name ?? status, issues: list })),
  };
};

/**
 * The board's issues as Jira's agile API lists them: only those in a column (unmapped ones are off
 * the board); with `jql`, only those the query also finds (Jira's `jql` parameter; a bad query is its 400).
 */
export const boardIssues = (ctx: Ctx, actor: Actor, boardId: string, jql?: string): Issue[] => {
  const on = boardView(ctx, actor, boardId).columns.flatMap((c) => c.issues);
  if (jql === undefined || !jql.trim()) return on;
  let found: Set<Issue>;
  try {
    found = new Set(matchAll(ctx, actor, jql));
  } catch (e) {
    if (e instanceof JqlError) throw badRequest([e.message]);
    throw e;
  }
  return on.filter((i) => found.has(i));
};
