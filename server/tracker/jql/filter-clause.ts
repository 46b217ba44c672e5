/**
 * `filter = 10000`, `filter = "My open bugs"`, `filter in (…)`, `filter != …`: the issues a saved
 * filter the actor may see matches (its ORDER BY ignored), as Jira's `filter` clause (aliases
 * `request`, `savedFilter`, `searchRequest`). A filter that names itself, directly or not, is an error,
 * and so is a chain of more than MAX_FILTER_NESTING filters each naming the next (every link adds a
 * whole query's depth to the compiled predicate's stack).
 */
import { type Clause, type Issue, JqlError, MAX_FILTER_NESTING, type Operand, parseJql, type SavedFilter } from '../../model/index.ts';
import { filterVisible } from '../filter-visibility.ts';
import type { IssueIndex } from '../issue-index.ts';
import type { Env } from './operands.ts';

export const FILTER_CLAUSE_NAMES = new Set(['filter', 'request', 'savedfilter', 'searchrequest']);

type Compile = (env: Env, issues: IssueIndex, clause: Clause | undefined) => (issue: Issue) => boolean;

const filtersOf = (env: Env, name: string, operand: Operand): SavedFilter[] => {
  if (operand.kind === 'list') return operand.items.flatMap((o) => filtersOf(env, name, o));
  if (operand.kind !== 'value')
    throw new JqlError('operator', `The field '${name}' takes filter ids or names, not ${operand.kind === 'empty' ? 'EMPTY' : 'a function'}.`);
  const v = operand.value.trim();
  const visible = env.ix.config.filters.filter((f) => filterVisible(env.ix, env.actor, f));
  const hit = visible.find((f) => f.id === v) ?? visible.find((f) => f.name.toLowerCase() === v.toLowerCase());
  if (!hit) throw new JqlError('value', `The value '${v}' does not exist for the field '${name}'.`);
  return [hit];
};

export const filterPredicate = (env: Env, issues: IssueIndex, clause: Extract<Clause, { kind: 'terminal' }>, name: string, compile: Compile) => {
  const op = clause.operator;
  if (!['=', '!=', 'in', 'not in'].includes(op))
    throw new JqlError('operator', `The operator '${op.toUpperCase()}' is not supported by the '${name}' field.`);
  const chain = env.filterChain ?? [];
  const predicates = filtersOf(env, name, clause.operand).map((f) => {
    if (chain.includes(f.id)) throw new JqlError('value', `The filter '${f.name}' refers to itself through the '${name}' clause.`);
    if (chain.length >= MAX_FILTER_NESTING) {
      const names = chain.map((id) => env.ix.config.filters.find((x) => x.id === id)?.name ?? id);
      throw new JqlError(
        'value',
        `Saved filters are nested more than ${MAX_FILTER_NESTING} deep through the '${name}' clause: ${[...names, f.name].join(' → ')}. Write the inner filters' clauses into the query instead.`,
      );
    }
    return compile({ ...env, filterChain: [...chain, f.id] }, issues, parseJql(f.jql).where);
  });
  const any = (i: Issue) => predicates.some((p) => p(i));
  return op === '=' || op === 'in' ? any : (i: Issue) => !any(i);
};
