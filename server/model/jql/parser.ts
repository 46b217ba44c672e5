/**
 * A recursive-descent JQL parser: `OR` binds looser than `AND`, `NOT` binds tightest, parentheses
 * group, `ORDER BY` ends the query. Messages follow Jira's wording and positions.
 */
import {
  HISTORY_PREDICATES,
  type Clause,
  type FieldRef,
  type HistoryPredicate,
  type Operand,
  type Operator,
  type Query,
  type SortKey,
} from './ast.ts';
import { type JqlError, VALID_OPERATORS, syntaxError, syntaxErrorAtEnd } from './errors.ts';
import { tokenize, type Token } from './lexer.ts';
import { MAX_JQL_DEPTH, MAX_JQL_LENGTH } from './limits.ts';

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'is', 'was', 'empty', 'null', 'order', 'by', 'asc', 'desc']);

class Parser {
  private i = 0;
  /** Parentheses and NOTs open around the current clause (each costs stack frames here and in every walker of the tree). */
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
  ) {}

  private get tok(): Token {
    return this.tokens[this.i]!;
  }
  /** The current token's kind, read fresh (a getter would stay narrowed after next()). */
  private kind(): Token['kind'] {
    return this.tokens[this.i]!.kind;
  }
  private next(): Token {
    return this.tokens[this.i++]!;
  }
  private isWord(t: Token, word: string): boolean {
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }
  private atWord(word: string): boolean {
    return this.isWord(this.tok, word);
  }
  private show(t: Token): string {
    return t.kind === 'string' ? t.text : t.kind === 'cf' ? `cf[${t.text}]` : t.text;
  }

  private fail(t: Token, expecting: string, hint = ''): JqlError {
    if (t.kind === 'eof') return syntaxErrorAtEnd(`Expecting ${expecting} before the end of the query.${hint ? ` ${hint}` : ''}`);
    return syntaxError(this.text, t.pos, `Expecting ${expecting} but got '${this.show(t)}'.${hint ? ` ${hint}` : ''}`);
  }

  query(): Query {
    let where: Clause | undefined;
    if (this.tok.kind !== 'eof' && !this.atWord('order')) where = this.or();
    const orderBy = this.atWord('order') ? this.orderBy() : [];
    if (this.tok.kind !== 'eof') {
      const t = this.tok;
      if (t.kind === 'rparen') throw syntaxError(this.text, t.pos, "Expecting either 'OR' or 'AND' but got ')'.");
      throw this.fail(t, orderBy.length ? "',' or the end of the query" : "either 'OR' or 'AND'");
    }
    return { where, orderBy };
  }

  private or(): Clause {
    const clauses = [this.and()];
    while (this.atWord('or')) {
      this.next();
      clauses.push(this.and());
    }
    return clauses.length === 1 ? clauses[0]! : { kind: 'or', clauses };
  }

  private and(): Clause {
    const clauses = [this.not()];
    while (this.atWord('and')) {
      this.next();
      clauses.push(this.not());
    }
    return clauses.length === 1 ? clauses[0]! : { kind: 'and', clauses };
  }

  private not(): Clause {
    if (!this.atWord('not') && this.tok.kind !== 'lparen') return this.terminal();
    if (++this.depth > MAX_JQL_DEPTH)
      throw syntaxError(
        this.text,
        this.tok.pos,
        `The query nests parentheses and NOT more than ${MAX_JQL_DEPTH} levels deep. Write it with fewer nested groups.`,
      );
    let clause: Clause;
    if (this.atWord('not')) {
      this.next();
      clause = { kind: 'not', clause: this.not() };
    } else {
      this.next();
      clause = this.or();
      if (this.kind() !== 'rparen') throw this.fail(this.tok, "')'");
      this.next();
    }
    this.depth--;
    return clause;
  }

  private field(): FieldRef {
    const t = this.tok;
    if (t.kind === 'cf') {
      this.next();
      return { kind: 'cf', id: t.text, pos: t.pos };
    }
    if (t.kind === 'string') {
      this.next();
      return { kind: 'name', name: t.text, quoted: true, pos: t.pos };
    }
    if (t.kind === 'word' && !KEYWORDS.has(t.text.toLowerCase())) {
      this.next();
      return { kind: 'name', name: t.text, quoted: false, pos: t.pos };
    }
    if (t.kind === 'word') throw this.fail(t, 'a field name', `You must surround '${t.text}' in quotation marks to use it as a field name.`);
    throw this.fail(t, 'a field name');
  }

  private operator(): Operator {
    const t = this.tok;
    const bad = () => this.fail(t, 'operator', `The valid operators are ${VALID_OPERATORS}.`);
    if (t.kind === 'op') {
      this.next();
      return t.text as Operator;
    }
    if (t.kind !== 'word') throw bad();
    const w = t.text.toLowerCase();
    if (w === 'in') {
      this.next();
      return 'in';
    }
    if (w === 'not') {
      this.next();
      if (!this.atWord('in')) throw this.fail(this.tok, "'IN'");
      this.next();
      return 'not in';
    }
    if (w === 'is') {
      this.next();
      if (this.atWord('not')) {
        this.next();
        return 'is not';
      }
      return 'is';
    }
    if (w === 'changed') {
      this.next();
      return 'changed';
    }
    if (w === 'was') {
      this.next();
      const negated = this.atWord('not');
      if (negated) this.next();
      if (this.atWord('in')) {
        this.next();
        return negated ? 'was not in' : 'was in';
      }
      return negated ? 'was not' : 'was';
    }
    throw bad();
  }

  private terminal(): Clause {
    const field = this.field();
    const operator = this.operator();
    if (operator === 'changed')
      return { kind: 'terminal', field, operator, operand: { kind: 'empty', pos: field.pos }, predicates: this.predicates(true) };
    const operand = this.operand(operator);
    if ((operator === 'is' || operator === 'is not') && operand.kind !== 'empty') {
      throw syntaxError(this.text, operand.pos, `The operator '${operator.toUpperCase()}' only supports the 'EMPTY' and 'NULL' operands.`);
    }
    if (operator.endsWith('in') && operand.kind !== 'list' && operand.kind !== 'function') {
      throw syntaxError(this.text, operand.pos, `The operator '${operator.toUpperCase()}' requires a list of values or a function.`);
    }
    if (operator.startsWith('was')) return { kind: 'terminal', field, operator, operand, predicates: this.predicates(false) };
    return { kind: 'terminal', field, operator, operand };
  }

  /** WAS takes BY, BEFORE, AFTER, ON, DURING; CHANGED also FROM and TO. */
  private predicates(changed: boolean): HistoryPredicate[] {
    const out: HistoryPredicate[] = [];
    for (;;) {
      const t = this.tok;
      const w = t.kind === 'word' ? t.text.toLowerCase() : '';
      const kind = HISTORY_PREDICATES.find((p) => p === w);
      if (!kind || (!changed && (kind === 'from' || kind === 'to'))) return out;
      this.next();
      const operand = this.operand('=');
      if (kind === 'during' && (operand.kind !== 'list' || operand.items.length !== 2)) {
        throw syntaxError(this.text, operand.pos, "The predicate 'DURING' expects a list of two dates, e.g. DURING ('2024/01/01', '2024/02/01').");
      }
      out.push({ kind, operand });
    }
  }

  private operand(operator: Operator): Operand {
    const t = this.tok;
    if (t.kind === 'lparen') return this.list();
    if (t.kind === 'string') {
      this.next();
      return { kind: 'value', value: t.text, quoted: true, pos: t.pos };
    }
    if (t.kind === 'word') {
      const w = t.text.toLowerCase();
      if (w === 'empty' || w === 'null') {
        this.next();
        return { kind: 'empty', pos: t.pos };
      }
      if (KEYWORDS.has(w)) {
        throw this.fail(t, 'either a value, list or function', `You must surround '${t.text}' in quotation marks to use it as a value.`);
      }
      this.next();
      if (this.tok.kind === 'lparen') return this.functionCall(t);
      return { kind: 'value', value: t.text, quoted: false, pos: t.pos };
    }
    void operator;
    throw this.fail(t, 'either a value, list or function');
  }

  private functionCall(name: Token): Operand {
    this.next();
    const args: string[] = [];
    while (this.tok.kind !== 'rparen') {
      const t = this.tok;
      if (t.kind !== 'word' && t.kind !== 'string') throw this.fail(t, "a function argument or ')'");
      args.push(t.text);
      this.next();
      if (this.tok.kind === 'comma') {
        this.next();
        continue;
      }
      if (this.kind() !== 'rparen') throw this.fail(this.tok, "',' or ')'");
    }
    this.next();
    return { kind: 'function', name: name.text, args, pos: name.pos };
  }

  private list(): Operand {
    const open = this.next();
    const items: Operand[] = [];
    for (;;) {
      // Refused before reading it: a list of lists of … would recurse as deep as the query is long.
      if (this.kind() === 'lparen') throw syntaxError(this.text, this.tok.pos, 'Expecting either a value or function but got a list.');
      const item = this.operand('in');
      items.push(item);
      if (this.kind() === 'comma') {
        this.next();
        continue;
      }
      if (this.kind() === 'rparen') {
        this.next();
        break;
      }
      throw this.fail(this.tok, "either ',' or ')'");
    }
    return { kind: 'list', items, pos: open.pos };
  }

  private orderBy(): SortKey[] {
    this.next();
    if (!this.atWord('by')) throw this.fail(this.tok, "'by'");
    this.next();
    const keys: SortKey[] = [];
    for (;;) {
      const field = this.field();
      let direction: SortKey['direction'];
      if (this.atWord('asc') || this.atWord('desc')) direction = this.next().text.toLowerCase() as 'asc' | 'desc';
      keys.push({ field, direction });
      if (this.tok.kind !== 'comma') break;
      this.next();
    }
    return keys;
  }
}

/**
 * Parses a JQL query; throws `JqlError` (kind `syntax`) worded like Jira. An empty query matches
 * everything. Queries longer than MAX_JQL_LENGTH or nested deeper than MAX_JQL_DEPTH are refused.
 */
export const parseJql = (text: string): Query => {
  if (text.length > MAX_JQL_LENGTH)
    throw syntaxErrorAtEnd(`The query is ${text.length} characters long; at most ${MAX_JQL_LENGTH} are allowed. Split it into smaller queries.`);
  return new Parser(text, tokenize(text)).query();
};
