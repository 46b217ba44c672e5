/**
 * What `ctx.editIssue` does with an issue: the edit's code gets a draft, a copy-on-write view of
 * the original (a shallow copy whose object values are deep-copied the first time they are read),
 * so an edit that stamps one field of a million issues copies a million small objects, not a
 * million whole issues. Afterwards, key by key: a value the edit neither read nor wrote is the
 * original's; one it read or wrote is compared with the original, and kept from the original when
 * equal, or else copied (so nothing the edit's code still holds, nor a read-only view it assigned,
 * ends up in the state) and captured. Keys come out in sorted order, as the store loads them. The
 * restore record names only the changed top-level values, as the operations' records do
 * (issue-changes.ts). The comparison is strict: when in doubt a value counts as changed.
 */
import { type Issue, sortedClone, sortedKeys } from '../model/index.ts';
import { deepEqual } from './config-diff.ts';
import type { IssueRestore } from './issue-changes.ts';

/**
 * The draft's proxy handler: a class, so that no closure is made per issue (under tsx every
 * closure made costs a name definition, and an edit of a million issues makes a million drafts).
 */
class DraftHandler implements ProxyHandler<Record<string, unknown>> {
  constructor(private readonly original: Record<string, unknown>) {}

  /** Replaces a value the draft still shares with the original by a copy, the first time it is reached. */
  private own(t: Record<string, unknown>, k: string | symbol): void {
    if (typeof k !== 'string') return;
    const v = t[k];
    if (v !== null && typeof v === 'object' && v === this.original[k]) t[k] = sortedClone(v);
  }

  get(t: Record<string, unknown>, k: string | symbol, receiver: unknown): unknown {
    this.own(t, k);
    return Reflect.get(t, k, receiver);
  }

  getOwnPropertyDescriptor(t: Record<string, unknown>, k: string | symbol): PropertyDescriptor | undefined {
    this.own(t, k);
    return Reflect.getOwnPropertyDescriptor(t, k);
  }
}

/** A draft of `original` for the edit's code, and the plain object behind it that `settleEdit` reads. */
export const draftOf = (original: Issue): { draft: Issue; target: Record<string, unknown> } => {
  const o = original as unknown as Record<string, unknown>;
  const target: Record<string, unknown> = { ...o };
  return { draft: new Proxy(target, new DraftHandler(o)) as unknown as Issue, target };
};

/**
 * The issue to store after an edit, and the restore record extended with what this edit changed
 * (`restore` is the record of earlier edits of the same issue in this run, if any: values it
 * already holds are older and stay).
 */
export const settleEdit = (
  original: Issue,
  edited: Record<string, unknown>,
  restore: IssueRestore | undefined,
): { issue: Issue; restore: IssueRestore } => {
  const o = original as unknown as Record<string, unknown>;
  const r: IssueRestore = restore ?? { id: original.id, updated: original.updated, historyLength: original.history.length, values: {} };
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(edited)) {
    const v = edited[k];
    if (v === undefined) continue;
    if (v === o[k] || deepEqual(o[k], v)) out[k] = o[k];
    else {
      capture(r, o, k);
      out[k] = sortedClone(v);
    }
  }
  for (const k of Object.keys(o)) if (o[k] !== undefined && edited[k] === undefined) capture(r, o, k);
  return { issue: out as unknown as Issue, restore: r };
};

/** Records the original value of `k` (or that it was absent), unless an earlier edit did. */
const capture = (r: IssueRestore, o: Record<string, unknown>, k: string): void => {
  if (Object.hasOwn(r.values, k) || (r.absent?.includes(k) ?? false)) return;
  if (o[k] === undefined) (r.absent ??= []).push(k);
  else r.values[k] = o[k];
};
