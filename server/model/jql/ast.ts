/** The syntax tree of a JQL query: what the parser produces and the evaluator compiles. */

/** A field as written: a name (quoted or not) or `cf[NNNNN]`. */
export type FieldRef = { kind: 'name'; name: string; quoted: boolean; pos: number } | { kind: 'cf'; id: string; pos: number };

export type Operand =
  | { kind: 'value'; value: string; quoted: boolean; pos: number }
  | { kind: 'function'; name: string; args: string[]; pos: number }
  | { kind: 'list'; items: Operand[]; pos: number }
  | { kind: 'empty'; pos: number };

export const OPERATORS = [
  '=',
  '!=',
  '~',
  '!~',
  '<',
  '>',
  '<=',
  '>=',
  'in',
  'not in',
  'is',
  'is not',
  'was',
  'was not',
  'was in',
  'was not in',
  'changed',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** History predicates of WAS and CHANGED: `BY user`, `BEFORE date`, `DURING (from, to)`, `FROM x`… */
export const HISTORY_PREDICATES = ['by', 'before', 'after', 'on', 'during', 'from', 'to'] as const;
export type HistoryPredicate = { kind: (typeof HISTORY_PREDICATES)[number]; operand: Operand };

export type Clause =
  | { kind: 'and'; clauses: Clause[] }
  | { kind: 'or'; clauses: Clause[] }
  | { kind: 'not'; clause: Clause }
  | { kind: 'terminal'; field: FieldRef; operator: Operator; operand: Operand; predicates?: HistoryPredicate[] };

export interface SortKey {
  field: FieldRef;
  direction: 'asc' | 'desc' | undefined;
}

export interface Query {
  where: Clause | undefined;
  orderBy: SortKey[];
}

/** How a field reference reads in messages (`cf[10010]`, or its name). */
export const fieldLabel = (f: FieldRef): string => (f.kind === 'cf' ? `cf[${f.id}]` : f.name);
