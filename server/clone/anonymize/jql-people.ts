/**
 * People in JQL: values of user fields (`assignee = "Alice Ng"`, `reporter in (…)`, `WAS … BY x`,
 * `CHANGED FROM x TO y`) become the persona's name, e-mail or username (the same kind as written);
 * account ids and functions (`currentUser()`, `membersOf()`) stay. Text searches (`~`) get people
 * replaced too, and report their terms so free text keeps them. Edits are made at the parser's token
 * positions, so everything else in the query stays byte for byte; the result is parsed again.
 */
import { type Clause, type FieldRef, type Operand, parseJql, type Query, quoteJql, tokenize } from '../../model/index.ts';
import type { PersonaMap } from './personas.ts';
import { searchTerms } from './search-guard.ts';

export interface JqlPeopleResult {
  jql: string;
  /** User values replaced by a persona. */
  rewritten: number;
  /** User values that name nobody known (kept as written). */
  unknown: number;
  /** Terms of `~` searches, after people in them were replaced. */
  terms: string[];
}

interface Edit {
  pos: number;
  value: string;
}

const BARE = /^[\p{L}\p{N}._@+-]+$/u;
const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'was', 'empty', 'null', 'order', 'by', 'asc', 'desc']);
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

const valuesOf = (op: Operand): Array<Extract<Operand, { kind: 'value' }>> =>
  op.kind === 'value' ? [op] : op.kind === 'list' ? op.items.flatMap(valuesOf) : [];

const allValues = (q: Query): string[] => {
  const out: string[] = [];
  const walk = (c: Clause | undefined): void => {
    if (!c) return;
    if (c.kind === 'and' || c.kind === 'or') c.clauses.forEach(walk);
    else if (c.kind === 'not') walk(c.clause);
    else {
      out.push(...valuesOf(c.operand).map((v) => v.value));
      for (const p of c.predicates ?? []) out.push(...valuesOf(p.operand).map((v) => v.value));
    }
  };
  walk(q.where);
  return out;
};

export const rewriteJqlPeople = (
  jql: string,
  isUserField: (ref: FieldRef) => boolean,
  personas: PersonaMap,
  people: (s: string) => string,
): JqlPeopleResult => {
  const query = parseJql(jql);
  const edits: Edit[] = [];
  const terms: string[] = [];
  let unknown = 0;
  const person = (v: Extract<Operand, { kind: 'value' }>) => {
    if (personas.byAccountId.has(v.value)) {
      // An opaque id stays; an id that named its user follows the user to the replacement id.
      if (personas.idOf(v.value) !== v.value) edits.push({ pos: v.pos, value: personas.idOf(v.value) });
      return;
    }
    const replacement = personas.replace(v.value);
    if (replacement === undefined) {
      unknown++;
      return;
    }
    edits.push({ pos: v.pos, value: replacement });
  };
  const walk = (c: Clause | undefined): void => {
    if (!c) return;
    if (c.kind === 'and' || c.kind === 'or') {
      c.clauses.forEach(walk);
      return;
    }
    if (c.kind === 'not') {
      walk(c.clause);
      return;
    }
    const user = isUserField(c.field);
    if (c.operator === '~' || c.operator === '!~') {
      for (const v of valuesOf(c.operand)) {
        const replaced = people(v.value);
        if (replaced !== v.value) edits.push({ pos: v.pos, value: replaced });
        terms.push(...searchTerms(replaced));
      }
    } else if (user) valuesOf(c.operand).forEach(person);
    for (const p of c.predicates ?? []) if (p.kind === 'by' || (user && (p.kind === 'from' || p.kind === 'to'))) valuesOf(p.operand).forEach(person);
  };
  walk(query.where);
  if (!edits.length) return { jql, rewritten: 0, unknown, terms };

  const tokens = tokenize(jql);
  let out = '';
  let last = 0;
  for (const e of edits.sort((a, b) => a.pos - b.pos)) {
    const t = tokens.findIndex((x) => x.pos === e.pos);
    let end = tokens[t + 1]!.pos;
    while (end > e.pos && isSpace(jql[end - 1])) end--;
    const quote = jql[e.pos] === '"' || jql[e.pos] === "'" ? jql[e.pos]! : BARE.test(e.value) && !KEYWORDS.has(e.value.toLowerCase()) ? '' : '"';
    out += jql.slice(last, e.pos) + (quote ? quoteJql(e.value, quote as '"' | "'") : e.value);
    last = end;
  }
  out += jql.slice(last);

  // The rewritten query must parse and differ only in the edited values.
  const before = allValues(query);
  const after = allValues(parseJql(out));
  const expected = new Map(edits.map((e) => [e.pos, e.value]));
  const mapped: string[] = [];
  const collect = (c: Clause | undefined): void => {
    if (!c) return;
    if (c.kind === 'and' || c.kind === 'or') c.clauses.forEach(collect);
    else if (c.kind === 'not') collect(c.clause);
    else
      for (const v of [...valuesOf(c.operand), ...(c.predicates ?? []).flatMap((p) => valuesOf(p.operand))])
        mapped.push(expected.get(v.pos) ?? v.value);
  };
  collect(query.where);
  if (before.length !== after.length || mapped.some((v, i) => v !== after[i])) {
    throw new Error(`understudy: anonymising the JQL '${jql}' changed more than its people; this is a bug in server/clone/anonymize`);
  }
  return { jql: out, rewritten: edits.length, unknown, terms };
};
