/**
 * One configuration change, all or nothing: the change works on a copy of the configuration (and
 * working copies of the issues it touches); the model's rules check the result; only then does it
 * replace the tracker's configuration, put the issues' new values in place (one history entry
 * each), hand out its ids, bump workflow versions and append the audit log. A change that throws,
 * or whose result the rules refuse, leaves everything as it was. The configuration object is
 * replaced, never changed in place, so forks that share it stay apart.
 */
import { formatProblem } from '../../model/index.ts';
import { newProblems, stateErrors } from '../../model/index.ts';
import type { ChangeItem, Config, Issue } from '../../model/index.ts';
import type { Ctx } from '../context.ts';
import { badRequest } from '../errors.ts';
import { historyEntry } from '../history.ts';
import type { Actor } from '../types.ts';
import { appendAudit, bumpRevisions, diffAudit, type AuditSource } from './audit.ts';
import { IdAllocator, type IdKind } from './ids.ts';
import type { AdminRecords } from './records.ts';

export interface AdminCtx {
  ctx: Ctx;
  records: AdminRecords;
  source: AuditSource;
}

export interface Tx {
  /** The configuration being changed (a copy until the change commits). */
  readonly config: Config;
  /** The configuration as it was. */
  readonly before: Config;
  readonly actor: Actor;
  readonly now: string;
  readonly records: AdminRecords;
  /** Lookups over the configuration as it was (names for history entries). */
  readonly ix: Ctx['ix'];
  nextId(kind: IdKind): string;
  /** The issues as they are (read only; change them through `changeIssue`). */
  readonly issues: readonly Issue[];
  /** Changes one issue: `mutate` edits a working copy; `items` become one history entry on commit (none: no entry, `updated` kept). */
  changeIssue(issue: Issue, items: readonly ChangeItem[], mutate: (working: Issue) => void): void;
  /** Removes issues (a project to the trash); they are gone once the change commits. */
  removeIssues(issues: readonly Issue[]): void;
  /** Puts issues back (a project from the trash). */
  addIssues(issues: readonly Issue[]): void;
  /** Runs after the change committed (records kept outside the state: the trash, favourites, …). */
  onCommit(fn: () => void): void;
}

/** Errors of the state as it was, computed at most once per configuration and issue list. */
const baseline = new WeakMap<Config, { issues: readonly Issue[]; problems: ReturnType<typeof stateErrors> }>();

const refuseInvalid = (before: Config, beforeIssues: readonly Issue[], after: Config, afterIssues: readonly Issue[]): void => {
  const errors = stateErrors(after, afterIssues);
  if (!errors.length) return;
  let base = baseline.get(before);
  if (!base || base.issues !== beforeIssues) {
    base = { issues: beforeIssues, problems: stateErrors(before, beforeIssues) };
    baseline.set(before, base);
  }
  const added = newProblems(base.problems, errors);
  if (!added.length) return;
  throw badRequest([
    `The change would leave the configuration invalid: ${formatProblem(added[0]!).replace(/^config\.json: |^issues\.json: /, '')}${added.length > 1 ? ` (and ${added.length - 1} more problems)` : ''}`,
  ]);
};

export interface ChangeOptions {
  /** Check everything (Jira's checks and the model's rules) and return the result, committing nothing. */
  dryRun?: boolean;
}

export const change = <T>(a: AdminCtx, actor: Actor, fn: (tx: Tx) => T, options: ChangeOptions = {}): T => {
  const { ctx, records } = a;
  const before = ctx.state.config;
  const draft = structuredClone(before);
  const ids = new IdAllocator(records, () => before);
  const working = new Map<Issue, { copy: Issue; items: ChangeItem[] }>();
  const removed = new Set<Issue>();
  const added: Issue[] = [];
  const commits: Array<() => void> = [];
  const now = ctx.clock.now();
  const tx: Tx = {
    config: draft,
    before,
    actor,
    now,
    records,
    issues: ctx.state.issues,
    ix: ctx.ix,
    nextId: (kind) => ids.id(kind),
    changeIssue: (issue, items, mutate) => {
      let w = working.get(issue);
      if (!w) {
        w = { copy: structuredClone(issue), items: [] };
        working.set(issue, w);
      }
      mutate(w.copy);
      w.items.push(...items);
    },
    removeIssues: (list) => {
      for (const i of list) removed.add(i);
    },
    addIssues: (list) => {
      added.push(...list);
    },
    onCommit: (f) => {
      commits.push(f);
    },
  };
  const result = fn(tx);

  const issuesAfter =
    working.size || removed.size || added.length
      ? [...ctx.state.issues.filter((i) => !removed.has(i)).map((i) => working.get(i)?.copy ?? i), ...added]
      : ctx.state.issues;
  refuseInvalid(before, ctx.state.issues, draft, issuesAfter);
  if (options.dryRun) return result;

  // Commit: nothing below throws on valid data.
  const author = ctx.ix.activeUser(actor)?.accountId ?? null;
  for (const [issue, w] of working) {
    if (removed.has(issue)) continue;
    if (w.items.length) {
      w.copy.history = [...w.copy.history, historyEntry(ctx.issues.nextHistoryId(), author, now, w.items)];
      w.copy.updated = now;
    }
    for (const k of Object.keys(issue)) if (!(k in w.copy)) delete (issue as unknown as Record<string, unknown>)[k];
    Object.assign(issue, w.copy);
  }
  if (removed.size) ctx.state.issues = ctx.state.issues.filter((i) => !removed.has(i));
  if (added.length) ctx.state.issues = [...ctx.state.issues, ...added];
  ids.commit();
  bumpRevisions(records, before, draft);
  appendAudit(records, diffAudit(before, draft, actor, now, a.source));
  ctx.state.config = draft;
  for (const f of commits) f();
  return result;
};
