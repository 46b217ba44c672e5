/**
 * ORDER BY: sort keys computed once per matched issue, empties after values in ascending order
 * (before them in descending), and issue key descending as the final tie-break so every order is
 * stable. Without ORDER BY, Jira's navigator default applies: created descending, then key.
 * A page near the top needs only its first k issues: those are selected in O(n log k).
 */
import { type ConfigIndex, type Issue, JqlError, type SortKey } from '../../model/index.ts';
import type { IssueIndex } from '../issue-index.ts';
import { resolveField } from './custom-fields.ts';
import { keySortKey } from './system-fields.ts';

type Key = string | number | null;
interface Decorated {
  issue: Issue;
  keys: Key[];
}

const cmp = (a: Key, b: Key): number => {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
};

const DEFAULT_ORDER: SortKey[] = [{ field: { kind: 'name', name: 'created', quoted: false, pos: 0 }, direction: 'desc' }];

/**
 * Board filters almost always end in `ORDER BY Rank`; the model keeps no rank, so unless a custom
 * field named Rank exists, rank order falls back to key order (Jira ranks new issues last).
 */
const rankFallback = (ix: ConfigIndex, issues: IssueIndex, k: SortKey) => {
  if (k.field.kind !== 'name' || k.field.name.toLowerCase() !== 'rank' || ix.fieldsByName.has('rank')) return undefined;
  return resolveField(ix, issues, { kind: 'name', name: 'key', quoted: false, pos: k.field.pos });
};

/** How a sort key names its field, so a field named twice sorts once (the second could never decide). */
const sortName = (k: SortKey) => (k.field.kind === 'cf' ? `cf[${k.field.id}]` : k.field.name.toLowerCase());

/** Validates the ORDER BY fields (errors before any issue is read) and builds the comparison. */
export const orderingFor = (ix: ConfigIndex, issues: IssueIndex, orderBy: readonly SortKey[]) => {
  const named = new Set<string>();
  const keys = (orderBy.length ? orderBy : DEFAULT_ORDER).flatMap((k) => {
    const field = rankFallback(ix, issues, k) ?? resolveField(ix, issues, k.field);
    if (!field.sortKey) throw new JqlError('field', `Field '${field.name}' does not support sorting.`);
    if (named.has(sortName(k))) return [];
    named.add(sortName(k));
    return [{ get: field.sortKey, sign: k.direction === 'desc' ? -1 : 1 }];
  });
  const decorate = (issue: Issue): Decorated => ({ issue, keys: keys.map((k) => k.get(issue)) });
  const compare = (a: Decorated, b: Decorated): number => {
    for (let n = 0; n < keys.length; n++) {
      const c = cmp(a.keys[n]!, b.keys[n]!);
      if (c !== 0) return c * keys[n]!.sign;
    }
    return -cmp(keySortKey(a.issue.key), keySortKey(b.issue.key));
  };
  return { decorate, compare };
};

/** The first `limit` issues in order (all of them when limit ≥ the list). */
export const sortIssues = (ix: ConfigIndex, issues: IssueIndex, list: Issue[], orderBy: readonly SortKey[], limit = Infinity): Issue[] => {
  const { decorate, compare } = orderingFor(ix, issues, orderBy);
  if (limit <= 0) return [];
  if (limit >= list.length / 4)
    return list
      .map(decorate)
      .sort(compare)
      .slice(0, limit)
      .map((d) => d.issue);
  // A heap whose root is the worst of the best `limit` seen so far: issues arriving in created
  // order (the usual case) would make an insertion-sorted buffer quadratic.
  const heap: Decorated[] = [];
  const worse = (i: number, j: number) => compare(heap[i]!, heap[j]!) > 0;
  const swap = (i: number, j: number) => {
    const t = heap[i]!;
    heap[i] = heap[j]!;
    heap[j] = t;
  };
  for (const issue of list) {
    const d = decorate(issue);
    if (heap.length < limit) {
      heap.push(d);
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      continue;
    }
    if (compare(d, heap[0]!) >= 0) continue;
    heap[0] = d;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(l, m)) m = l;
      if (r < heap.length && worse(r, m)) m = r;
      if (m === i) break;
      swap(i, m);
      i = m;
    }
  }
  return heap.sort(compare).map((d) => d.issue);
};
