/** Turns operands into what predicates compare: resolved ids, dates, numbers, text terms. */
import { type ConfigIndex, JqlError, MAX_TEXT_SEARCH_LENGTH, type Operand, searchTerms, termMatcher, wordsOf } from '../../model/index.ts';
import { DATE_FUNCTIONS, dateFunction, parseDateValue } from './dates.ts';
import type { JqlField, Resolved, Seen } from './field-types.ts';

export interface Env {
  ix: ConfigIndex;
  actor: string | null;
  now: number;
  seen: Seen;
  /** Saved filters being expanded by `filter = …` clauses (cycle guard). */
  filterChain?: string[];
}

const USER_FUNCTIONS = ['currentuser', 'membersof'];

const invalidFor = (fn: string, field: string) =>
  new JqlError('function', `A value provided by the function '${fn}' is invalid for the field '${field}'.`);

const checkKnown = (name: string, args: readonly string[]): void => {
  const fn = name.toLowerCase();
  if (!USER_FUNCTIONS.includes(fn) && !DATE_FUNCTIONS.includes(fn)) {
    throw new JqlError('function', `Unable to find JQL function '${name}(${args.join(', ')})'.`);
  }
};

const userFunction = (env: Env, op: Extract<Operand, { kind: 'function' }>): string[] => {
  const fn = op.name.toLowerCase();
  if (fn === 'currentuser') {
    if (op.args.length) throw new JqlError('function', `Function 'currentUser' expected '0' arguments but received '${op.args.length}'.`);
    return env.ix.activeUser(env.actor) ? [env.actor!] : [];
  }
  if (op.args.length !== 1) throw new JqlError('function', `Function 'membersOf' expected '1' arguments but received '${op.args.length}'.`);
  const group = env.ix.group(op.args[0]!);
  if (!group)
    throw new JqlError('function', `Function 'membersOf' can not generate a list of usernames for group '${op.args[0]}'; the group does not exist.`);
  return env.ix.config.users.filter((u) => u.groups.includes(group.id)).map((u) => u.accountId);
};

/** Flattens an operand (value, list, function, EMPTY) into resolved ids for a ref/labels field. */
export const resolveIds = (env: Env, field: JqlField, op: Operand): Resolved => {
  switch (op.kind) {
    case 'empty':
      return { ids: [], empty: true };
    case 'value':
      if (field.kind === 'labels') return { ids: [op.value.toLowerCase()], empty: false };
      return field.resolve!(op.value);
    case 'function': {
      checkKnown(op.name, op.args);
      if (!field.users || !USER_FUNCTIONS.includes(op.name.toLowerCase())) throw invalidFor(op.name, field.name);
      return { ids: userFunction(env, op), empty: false };
    }
    case 'list': {
      const ids: string[] = [];
      let empty = false;
      for (const item of op.items) {
        const r = resolveIds(env, field, item);
        ids.push(...r.ids);
        empty ||= r.empty;
      }
      return { ids, empty };
    }
  }
};

/** Numbers an operand stands for (dates as epoch ms); `null` in the list stands for EMPTY. */
export const resolveNumbers = (env: Env, field: JqlField, op: Operand): Array<number | null> => {
  switch (op.kind) {
    case 'empty':
      return [null];
    case 'list':
      return op.items.flatMap((item) => resolveNumbers(env, field, item));
    case 'function': {
      checkKnown(op.name, op.args);
      if (field.kind !== 'date' || !DATE_FUNCTIONS.includes(op.name.toLowerCase())) throw invalidFor(op.name, field.name);
      return [dateFunction(op.name, op.args, env.now)];
    }
    case 'value': {
      if (field.kind === 'date') return [parseDateValue(op.value, env.now, field.name)];
      const n = field.parse ? (field.parse(op.value) ?? Number.NaN) : Number(op.value);
      if (op.value.trim() === '' || Number.isNaN(n))
        throw new JqlError('value', `The value '${op.value}' is not a valid number for the field '${field.name}'.`);
      return [n];
    }
  }
};

/**
 * A text matcher for `~`: every term must start a word; `"exact phrase"` and the wildcards `*` and
 * `?` work as in Jira. Linear in the text for a given term (see the model's text-search.ts), and the
 * text searched for is at most MAX_TEXT_SEARCH_LENGTH characters.
 */
export const textMatcher = (field: JqlField, op: Operand): ((text: string) => boolean) => {
  if (op.kind !== 'value') throw new JqlError('operator', `The operator '~' requires a single text value for the field '${field.name}'.`);
  if (op.value.length > MAX_TEXT_SEARCH_LENGTH)
    throw new JqlError(
      'value',
      `The text to search for in the field '${field.name}' is ${op.value.length} characters long; at most ${MAX_TEXT_SEARCH_LENGTH} are allowed. Search for fewer or shorter words.`,
    );
  const phrase = /^"(.*)"$/s.exec(op.value.trim());
  if (phrase) {
    const needle = phrase[1]!.toLowerCase();
    return (text) => text.toLowerCase().includes(needle);
  }
  const terms = searchTerms(op.value);
  if (!terms.length) throw new JqlError('value', `The value '${op.value}' is not a valid text search for the field '${field.name}'.`);
  // A term of stars alone matches any text, even one without a word.
  const matchers = terms.map(termMatcher).filter((m) => !m(''));
  return (text) => {
    const words = wordsOf(text.toLowerCase());
    return matchers.every((m) => words.some(m));
  };
};
