/** Small helpers several operation files share: new ids, positions in lists, workflow scope. */
import { type Config, type Issue, projectByKey, type Workflow, workflowFor } from '../../model/index.ts';
import { fail } from '../names.ts';
import type { OpSite } from '../types.ts';

/**
 * A new id that no existing one uses, chosen deterministically (the same state gives the same id,
 * so "up again equals the first up"): numeric ids continue the numbers, others get `prefix-N`.
 */
export const nextId = (existing: readonly string[], prefix: string): string => {
  const numeric = existing.filter((id) => /^\d+$/.test(id)).map(Number);
  if (numeric.length && numeric.length === existing.length) return String(Math.max(...numeric) + 1);
  const taken = new Set(existing);
  for (let n = existing.length + 1; ; n++) if (!taken.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
};

/** Index to insert at: after or before a named neighbour, else at the end. */
export const insertIndex = <T>(
  site: OpSite,
  items: readonly T[],
  find: (t: T) => boolean,
  where: { before?: unknown; after?: unknown },
  what: string,
): number => {
  if (where.before !== undefined && where.after !== undefined) fail(site, `give either before or after for the ${what}, not both`);
  const anchor = where.before ?? where.after;
  if (anchor === undefined) return items.length;
  const i = items.findIndex(find);
  if (i < 0) fail(site, `${where.before !== undefined ? 'before' : 'after'}: ${JSON.stringify(anchor)} is not in the ${what}`);
  return where.before !== undefined ? i : i + 1;
};

/** Which workflow each issue is in, memoised per project × issue type. */
export const workflowOfIssue = (config: Config): ((issue: Issue) => Workflow | undefined) => {
  const memo = new Map<string, Workflow | undefined>();
  return (issue) => {
    const k = `${issue.project}\u0000${issue.issueType}`;
    if (!memo.has(k)) {
      const p = projectByKey(config, issue.project);
      memo.set(k, p ? workflowFor(config, p, issue.issueType) : undefined);
    }
    return memo.get(k);
  };
};

export const inWorkflow = (wf: Workflow, statusId: string): boolean => wf.statuses.some((s) => s.status === statusId);

/** Removes every occurrence of `id` from a list, in place. */
export const removeFrom = (list: string[], id: string): void => {
  for (let i = list.length - 1; i >= 0; i--) if (list[i] === id) list.splice(i, 1);
};

/** Replaces `id` by `by` in a list in place, without creating a duplicate. */
export const replaceIn = (list: string[], id: string, by: string): void => {
  const i = list.indexOf(id);
  if (i < 0) return;
  if (list.includes(by)) list.splice(i, 1);
  else list[i] = by;
};

export const isEmptyValue = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

export const requireArg = (site: OpSite, value: unknown, name: string, hint: string): void => {
  if (value === undefined || value === null || value === '') fail(site, `${name} is required: ${hint}`);
};
