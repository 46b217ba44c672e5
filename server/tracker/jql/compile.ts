/**
 * Compiles a parsed query into a predicate over issues, once per search: fields and values are
 * resolved up front (so unknown ones fail before any issue is read), and the per-issue work is
 * set lookups and comparisons.
 */
import { type Clause, type Issue, JqlError, type Operand, type Operator } from '../../model/index.ts';
import type { IssueIndex } from '../issue-index.ts';
import type { JqlField } from './field-types.ts';
import { resolveField } from './custom-fields.ts';
import { resolveIds, resolveNumbers, textMatcher, type Env } from './operands.ts';
import { keySortKey } from './system-fields.ts';
import { historyPredicate } from './history-clauses.ts';
import { FILTER_CLAUSE_NAMES, filterPredicate } from './filter-clause.ts';

export type Predicate = (issue: Issue) => boolean;

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : isEmpty(v) ? [] : [v]);

const unsupported = (op: Operator, field: JqlField) =>
  new JqlError('operator', `The operator '${op.toUpperCase()}' is not supported by the '${field.name}' field.`);

const ORDER_OPS = new Set<Operator>(['<', '>', '<=', '>=']);
const compareWith = (op: Operator, a: number, b: number) => (op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b);

const refPredicate = (env: Env, field: JqlField, op: Operator, operand: Operand): Predicate => {
  if (ORDER_OPS.has(op)) {
    if (!field.rank) throw unsupported(op, field);
    const r = resolveIds(env, field, operand);
    const bound = field.rank(r.ids[0] ?? '');
    if (bound === undefined) return () => false;
    return (i) => {
      const v = field.get(i);
      const rk = typeof v === 'string' ? field.rank!(v) : undefined;
      return rk !== undefined && compareWith(op, rk, bound);
    };
  }
  if (op !== '=' && op !== '!=' && op !== 'in' && op !== 'not in') throw unsupported(op, field);
  const r = resolveIds(env, field, operand);
  const wanted = new Set(r.ids);
  const hit: Predicate = (i) => asList(field.get(i)).some((v) => wanted.has(String(v)));
  if (op === '=' || op === 'in') return (i) => hit(i) || (r.empty && isEmpty(field.get(i)));
  // Jira: `!=` and NOT IN never match issues where the field is empty.
  return (i) => !isEmpty(field.get(i)) && !hit(i);
};

const numberPredicate = (env: Env, field: JqlField, op: Operator, operand: Operand): Predicate => {
  if (op === '~' || op === '!~') throw unsupported(op, field);
  const values = resolveNumbers(env, field, operand);
  if (field.getAll) return anyValue(field.getAll, op, values);
  const num = (i: Issue) => field.get(i) as number | null;
  if (ORDER_OPS.has(op)) {
    const bound = values[0];
    if (bound === null || bound === undefined) throw unsupported(op, field);
    return (i) => {
      const v = num(i);
      return v !== null && v !== undefined && compareWith(op, v, bound);
    };
  }
  const set = new Set(values.filter((v): v is number => v !== null));
  const wantsEmpty = values.includes(null);
  if (op === '=' || op === 'in')
    return (i) => {
      const v = num(i);
      return v === null || v === undefined ? wantsEmpty : set.has(v);
    };
  return (i) => {
    const v = num(i);
    return v !== null && v !== undefined && !set.has(v);
  };
};

/** A field with several values per issue: `=`/IN/ordering match when any value does; `!=`/NOT IN when none does. */
const anyValue = (all: (i: Issue) => number[], op: Operator, values: Array<number | null>): Predicate => {
  if (ORDER_OPS.has(op)) {
    const bound = values[0];
    if (bound === null || bound === undefined) throw new JqlError('operator', `The operator '${op.toUpperCase()}' needs a value.`);
    return (i) => all(i).some((v) => compareWith(op, v, bound));
  }
  const set = new Set(values.filter((v): v is number => v !== null));
  const wantsEmpty = values.includes(null);
  const hit = (i: Issue) => {
    const vs = all(i);
    return vs.some((v) => set.has(v)) || (wantsEmpty && vs.length === 0);
  };
  return op === '=' || op === 'in' ? hit : (i) => all(i).length > 0 && !hit(i);
};

const keyPredicate = (env: Env, issues: IssueIndex, field: JqlField, op: Operator, operand: Operand): Predicate => {
  const keyOf = (o: Operand): string[] => {
    if (o.kind === 'list') return o.items.flatMap(keyOf);
    if (o.kind !== 'value') throw unsupported(op, field);
    const hit = issues.byKey.get(o.value.toUpperCase()) ?? issues.byId.get(o.value);
    if (!hit || !env.seen.issue(hit)) throw new JqlError('value', `An issue with key '${o.value}' does not exist for field '${field.name}'.`);
    return [hit.key];
  };
  const keys = keyOf(operand);
  if (ORDER_OPS.has(op)) {
    const bound = keys[0]!;
    const project = bound.slice(0, bound.lastIndexOf('-'));
    const b = keySortKey(bound);
    return (i) => i.project === project && compareWith(op, keySortKey(i.key) < b ? -1 : keySortKey(i.key) > b ? 1 : 0, 0);
  }
  const set = new Set(keys);
  if (op === '=' || op === 'in') return (i) => set.has(i.key);
  if (op === '!=' || op === 'not in') return (i) => !set.has(i.key);
  throw unsupported(op, field);
};

const terminal = (env: Env, issues: IssueIndex, clause: Extract<Clause, { kind: 'terminal' }>): Predicate => {
  if (clause.field.kind !== 'cf' && FILTER_CLAUSE_NAMES.has(clause.field.name.toLowerCase()))
    return filterPredicate(env, issues, clause, clause.field.name, compileClause);
  const field = resolveField(env.ix, issues, clause.field, env.seen);
  let op = clause.operator;
  if (clause.operand.kind === 'empty' && (op === '=' || op === '!=')) op = op === '=' ? 'is' : 'is not';
  if (op === 'is' || op === 'is not') {
    if (field.kind === 'key') throw unsupported(op, field);
    return op === 'is' ? (i) => isEmpty(field.get(i)) : (i) => !isEmpty(field.get(i));
  }
  if (op.startsWith('was') || op === 'changed') return historyPredicate(env, issues, field, op, clause.operand, clause.predicates ?? []);
  switch (field.kind) {
    case 'ref':
    case 'labels':
      return refPredicate(env, field, op, clause.operand);
    case 'date':
    case 'number':
      return numberPredicate(env, field, op, clause.operand);
    case 'key':
      return keyPredicate(env, issues, field, op, clause.operand);
    case 'text': {
      if (op !== '~' && op !== '!~') throw unsupported(op, field);
      const match = textMatcher(field, clause.operand);
      const text = (i: Issue) => field.get(i) as string | null;
      return op === '~'
        ? (i) => {
            const t = text(i);
            return !!t && match(t);
          }
        : (i) => {
            const t = text(i);
            return !!t && !match(t);
          };
    }
  }
};

export const compileClause = (env: Env, issues: IssueIndex, clause: Clause | undefined): Predicate => {
  if (!clause) return () => true;
  switch (clause.kind) {
    case 'and': {
      const ps = clause.clauses.map((c) => compileClause(env, issues, c));
      return (i) => ps.every((p) => p(i));
    }
    case 'or': {
      const ps = clause.clauses.map((c) => compileClause(env, issues, c));
      return (i) => ps.some((p) => p(i));
    }
    case 'not': {
      const p = compileClause(env, issues, clause.clause);
      return (i) => !p(i);
    }
    case 'terminal':
      return terminal(env, issues, clause);
  }
};
