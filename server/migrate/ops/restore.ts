/**
 * Internal operations that only inverses use: they carry captured data and put it back. They are
 * operations like any other (check, apply, describe, and their own inverse), so a ledger can hold
 * them and `migrate:down` can run them without the migration file.
 */
import type { Issue } from '../../model/index.ts';
import { applyPatches, type Patch } from '../config-diff.ts';
import { fail } from '../names.ts';
import { restoreIssue, type IssueRestore } from '../issue-changes.ts';
import type { OpDefinition, OpProblem } from '../types.ts';
import { checkSite, defineOp } from './define.ts';

export interface RestoreConfigArgs {
  note: string;
  patches: Patch[];
}

export const restoreConfig = defineOp<RestoreConfigArgs, Patch[]>({
  kind: 'restoreConfig',
  area: 'internal',
  internal: true,
  required: ['note', 'patches'],
  optional: [],
  describe: (a) => a.note,
  prepare: (_s, a, _l, site) => (Array.isArray(a.patches) ? a.patches : fail(site, 'patches: expected a list of recorded patches')),
  mutate: (state, patches) => applyPatches(state.config, patches),
});

export interface RestoreIssuesArgs {
  note: string;
  count: number;
}

const indexById = (issues: readonly Issue[]): Map<string, Issue> => {
  const byId = new Map<string, Issue>();
  for (const i of issues) byId.set(i.id, i);
  return byId;
};

/** Puts back captured issue values, history and `updated`; its inverse is the same kind, captured from the current issues. */
export const restoreIssues: OpDefinition<RestoreIssuesArgs> = {
  kind: 'restoreIssues',
  area: 'internal',
  internal: true,
  required: ['note', 'count'],
  optional: [],
  describe: (a) => a.note,
  check: (state, _a, site = checkSite('restoreIssues')): OpProblem[] => {
    void site;
    void state;
    return [];
  },
  apply(state, args, _ctx, bulk = []) {
    const records = bulk as readonly IssueRestore[];
    const byId = indexById(state.issues);
    const missing = records.filter((r) => !byId.has(r.id)).map((r) => r.id);
    if (missing.length) throw new Error(`restoreIssues: ${missing.length} recorded issue(s) no longer exist, e.g. id ${missing[0]}`);
    const back = records.map((r) => restoreIssue(byId.get(r.id)!, r));
    const fields = new Set<string>();
    for (const r of records) {
      for (const k in r.values) fields.add(k);
      for (const k of r.absent ?? []) fields.add(k);
    }
    return {
      inverse: [{ kind: 'restoreIssues', args: { note: `Undo: ${args.note}`, count: back.length }, bulk: back }],
      touched: { issueIds: records.map((r) => r.id), fields: [...fields].map((f) => f.replace(/^customFields\./, '')) },
    };
  },
};

export interface ReplaceIssuesArgs {
  note: string;
  count: number;
}
/** One whole issue to put back, by id (what the functions form captures for `ctx.editIssue`). */
export interface IssueReplacement {
  id: string;
  issue: Issue;
}

/** Puts back whole issues captured before a function-form migration edited them. */
export const replaceIssues: OpDefinition<ReplaceIssuesArgs> = {
  kind: 'replaceIssues',
  area: 'internal',
  internal: true,
  required: ['note', 'count'],
  optional: [],
  describe: (a) => a.note,
  check: () => [],
  apply(state, args, _ctx, bulk = []) {
    const records = bulk as readonly IssueReplacement[];
    const at = new Map(state.issues.map((i, n) => [i.id, n]));
    const back: IssueReplacement[] = [];
    for (const r of records) {
      const n = at.get(r.id);
      if (n === undefined) throw new Error(`replaceIssues: recorded issue id ${r.id} no longer exists`);
      back.push({ id: r.id, issue: state.issues[n]! });
      // No copy: captured issues are never part of the live state (the functions form captures the
      // objects it replaced), and the caller drops or reloads the captures after a revert. The hash
      // check that follows every revert would show any sharing that broke this.
      state.issues[n] = r.issue;
    }
    return {
      inverse: [{ kind: 'replaceIssues', args: { note: `Undo: ${args.note}`, count: back.length }, bulk: back }],
      touched: { issueIds: records.map((r) => r.id), fields: [] },
    };
  },
};
