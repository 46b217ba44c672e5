/**
 * WAS and CHANGED over an issue's changelog. A field's timeline is rebuilt from its history items:
 * the value before the first change (its `from`) from creation on, then each change's `to`. WAS asks
 * whether some stretch of that timeline held a value (optionally BY a user, BEFORE / AFTER / ON a
 * date, DURING a range); CHANGED whether some change matches FROM / TO / BY / dates.
 */
import { type HistoryPredicate, type Issue, JqlError, type Operand, type Operator } from '../../model/index.ts';
import type { IssueIndex } from '../issue-index.ts';
import { toMs } from './dates.ts';
import type { JqlField, Resolved } from './field-types.ts';
import { resolveIds, resolveNumbers, type Env } from './operands.ts';
import { systemField } from './system-fields.ts';

interface Stretch {
  values: string[];
  start: number;
  end: number;
  by: string | null;
}
interface Change {
  from: string[];
  to: string[];
  at: number;
  by: string | null;
}

const split = (v: string | null): string[] => (v === null || v === '' ? [] : v.split(',').map((x) => x.trim()));
const asList = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : v === null || v === undefined || v === '' ? [] : [String(v)]);
const DAY = 86_400_000;

const changesOf = (field: JqlField, issue: Issue): Change[] => {
  const out: Change[] = [];
  for (const h of issue.history)
    for (const item of h.items) {
      if (field.history!.includes(item.fieldId ?? item.field))
        out.push({ from: split(item.from), to: split(item.to), at: toMs(h.created) ?? 0, by: h.author });
    }
  return out.sort((a, b) => a.at - b.at);
};

const timeline = (field: JqlField, issue: Issue): Stretch[] => {
  const changes = changesOf(field, issue);
  const stretches: Stretch[] = [
    { values: changes[0]?.from ?? asList(field.get(issue)), start: toMs(issue.created) ?? 0, end: Infinity, by: issue.reporter },
  ];
  for (const c of changes) {
    stretches[stretches.length - 1]!.end = c.at;
    stretches.push({ values: c.to, start: c.at, end: Infinity, by: c.by });
  }
  return stretches;
};

const matches = (values: string[], r: Resolved, set: Set<string>) => (r.empty && values.length === 0) || values.some((v) => set.has(v));

type Window = (start: number, end: number, by: string | null) => boolean;

/** Compiles BY / BEFORE / AFTER / ON / DURING into one test over a time span (a point for CHANGED). */
const windowOf = (env: Env, issues: IssueIndex, field: JqlField, predicates: readonly HistoryPredicate[]): Window => {
  const tests: Window[] = [];
  const dateField: JqlField = { name: field.name, kind: 'date', get: () => null };
  const date = (op: Operand) => {
    const [ms] = resolveNumbers(env, dateField, op);
    if (ms === null || ms === undefined) throw new JqlError('value', `A date is expected for the history predicate of the field '${field.name}'.`);
    return ms;
  };
  for (const p of predicates) {
    switch (p.kind) {
      case 'by': {
        const users = new Set(resolveIds(env, systemField(env.ix, issues, 'reporter', 'by')!, p.operand).ids);
        tests.push((_s, _e, by) => by !== null && users.has(by));
        break;
      }
      case 'before': {
        const d = date(p.operand);
        tests.push((s) => s < d);
        break;
      }
      case 'after': {
        const d = date(p.operand);
        tests.push((_s, e) => e > d);
        break;
      }
      case 'on': {
        const d = Math.floor(date(p.operand) / DAY) * DAY;
        tests.push((s, e) => s < d + DAY && e >= d);
        break;
      }
      case 'during': {
        const items = (p.operand as Extract<Operand, { kind: 'list' }>).items;
        const a = date(items[0]!);
        const b = date(items[1]!);
        tests.push((s, e) => s <= b && e >= a);
        break;
      }
      case 'from':
      case 'to':
        break;
    }
  }
  return (s, e, by) => tests.every((t) => t(s, e, by));
};

export const historyPredicate = (
  env: Env,
  issues: IssueIndex,
  field: JqlField,
  op: Operator,
  operand: Operand,
  predicates: readonly HistoryPredicate[],
): ((issue: Issue) => boolean) => {
  if (!field.history) throw new JqlError('operator', `The operator '${op.toUpperCase()}' is not supported by the '${field.name}' field.`);
  const within = windowOf(env, issues, field, predicates);
  if (op === 'changed') {
    const side = (kind: 'from' | 'to') => {
      const p = predicates.find((x) => x.kind === kind);
      if (!p) return () => true;
      const r = resolveIds(env, field, p.operand);
      const set = new Set(r.ids);
      return (values: string[]) => matches(values, r, set);
    };
    const from = side('from');
    const to = side('to');
    return (issue) => changesOf(field, issue).some((c) => from(c.from) && to(c.to) && within(c.at, c.at, c.by));
  }
  const r = resolveIds(env, field, operand);
  const set = new Set(r.ids);
  const was = (issue: Issue) => timeline(field, issue).some((s) => matches(s.values, r, set) && within(s.start, s.end, s.by));
  return op === 'was' || op === 'was in' ? was : (issue) => !was(issue);
};
