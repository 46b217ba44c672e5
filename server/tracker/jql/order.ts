/**
 * ORDER BY: sort keys computed once per matched issue, empties after values in ascending order
 * (before them in descending), and issue key descending as the final tie-break so every order is
 * stable. Without ORDER BY, Jira's navigator default applies: created descending, then key.
 * A page near the top needs only its first k issues: those are selected in O(n log k).
 */
import type { Issue } from '../../model/types.ts';
import type { SortKey } from '../../model/jql/ast.ts';
import { JqlError } from '../../model/jql/errors.ts';
import type { IssueIndex } from '../issue-index.ts';
import type { ConfigIndex } from '../config-index.ts';
import { resolveField } from './custom-fields.ts';
import { keySortKey } from './system-fields.ts';

type Key = string | number | null;
interface Decorated { issue: Issue; keys: Key[]; key: string }

const cmp = (a: Key, b: Key): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const DEFAULT_ORDER: SortKey[] = [
  { field: { kind: 'name', name: 'created', quoted: false, pos: 0 }, direction: 'desc' },
];

/** Validates the ORDER BY fields (errors before any issue is read) and builds the comparison. */
export const orderingFor = (ix: ConfigIndex, issues: IssueIndex, orderBy: readonly SortKey[]) => {
  const keys = (orderBy.length ? orderBy : DEFAULT_ORDER).map((k) => {
    const field = resolveField(ix, issues, k.field);
    if (!field.sortKey) throw new JqlError('field', `Field '${field.name}' does not support sorting.`);
    return { get: field.sortKey, sign: k.direction === 'desc' ? -1 : 1 };
  });
  const decorate = (issue: Issue): Decorated => ({ issue, keys: keys.map((k) => k.get(issue)), key: keySortKey(issue.key) });
  const compare = (a: Decorated, b: Decorated): number => {
    for (let n = 0; n < keys.length; n++) {
      const c = cmp(a.keys[n]!, b.keys[n]!);
      if (c !== 0) return c * keys[n]!.sign;
    }
    return -cmp(a.key, b.key);
  };
  return { decorate, compare };
};

/** The first `limit` issues in order (all of them when limit ≥ the list). */
export const sortIssues = (ix: ConfigIndex, issues: IssueIndex, list: Issue[], orderBy: readonly SortKey[], limit = Infinity): Issue[] => {
  const { decorate, compare } = orderingFor(ix, issues, orderBy);
  if (limit >= list.length / 4) return list.map(decorate).sort(compare).slice(0, limit).map((d) => d.issue);
  const top: Decorated[] = [];
  for (const issue of list) {
    const d = decorate(issue);
    if (top.length === limit && compare(d, top[limit - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (compare(top[mid]!, d) <= 0) lo = mid + 1; else hi = mid; }
    top.splice(lo, 0, d);
    if (top.length > limit) top.pop();
  }
  return top.map((d) => d.issue);
};
