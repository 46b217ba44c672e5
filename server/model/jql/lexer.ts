/** Splits JQL text into tokens. Quoted strings keep their quotedness: `"AND"` is a value, `AND` a keyword. */
import { syntaxError } from './errors.ts';

export type TokenKind = 'word' | 'string' | 'op' | 'lparen' | 'rparen' | 'comma' | 'cf' | 'eof';
export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const RESERVED_CHARS = new Set(['=', '!', '<', '>', '~', '(', ')', ',', '"', "'", '[', ']', '{', '}', '&', '|']);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', "'": "'", '\\': '\\', ' ': ' ' };

const readString = (text: string, start: number): { value: string; end: number } => {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === quote) return { value, end: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
        value += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 6;
        continue;
      }
      if (next !== undefined && ESCAPES[next] !== undefined) {
        value += ESCAPES[next];
        i += 2;
        continue;
      }
      throw syntaxError(text, i, `The escape sequence '\\${next ?? ''}' is not valid.`);
    }
    value += c;
    i++;
  }
  throw syntaxError(text, start, `The quoted string '${value}' has not been completed.`);
};

const readWord = (text: string, start: number): number => {
  let i = start;
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c) || RESERVED_CHARS.has(c)) break;
    if (c === '\\' && text[i + 1] !== undefined) {
      i += 2;
      continue;
    }
    i++;
  }
  return i;
};

export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (isSpace(c)) {
      i++;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
      tokens.push({ kind: 'op', text: two, pos: i });
      i += 2;
      continue;
    }
    if (two === '&&' || two === '||') {
      tokens.push({ kind: 'word', text: two === '&&' ? 'AND' : 'OR', pos: i });
      i += 2;
      continue;
    }
    if (c === '&' || c === '|') {
      tokens.push({ kind: 'word', text: c === '&' ? 'AND' : 'OR', pos: i });
      i++;
      continue;
    }
    if (c === '=' || c === '~' || c === '<' || c === '>') {
      tokens.push({ kind: 'op', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '!') {
      tokens.push({ kind: 'word', text: 'NOT', pos: i });
      i++;
      continue;
    }
    if (c === '(') {
      tokens.push({ kind: 'lparen', text: c, pos: i });
      i++;
      continue;
    }
    if (c === ')') {
      tokens.push({ kind: 'rparen', text: c, pos: i });
      i++;
      continue;
    }
    if (c === ',') {
      tokens.push({ kind: 'comma', text: c, pos: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const { value, end } = readString(text, i);
      tokens.push({ kind: 'string', text: value, pos: i });
      i = end;
      continue;
    }
    if (RESERVED_CHARS.has(c)) {
      const hex = c.charCodeAt(0).toString(16).padStart(4, '0');
      throw syntaxError(
        text,
        i,
        `The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${hex}' instead.`,
      );
    }
    const end = readWord(text, i);
    const word = text.slice(i, end).replace(/\\(.)/g, '$1');
    const cf = /^\[(\d+)\]/.exec(text.slice(end));
    if (word.toLowerCase() === 'cf' && cf) {
      tokens.push({ kind: 'cf', text: cf[1]!, pos: i });
      i = end + cf[0].length;
      continue;
    }
    tokens.push({ kind: 'word', text: word, pos: i });
    i = end;
  }
  tokens.push({ kind: 'eof', text: '', pos: text.length });
  return tokens;
};
