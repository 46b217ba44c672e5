/** Hostile values the tables share: malformed JSON, deep nesting, huge values, prototype keys, odd Unicode. */

/** JSON text nested `depth` arrays deep (`[[[…]]]`). */
export const deepArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;

/** JSON text nested `depth` objects deep, innermost `{}`. */
export const deepObjects = (depth: number, key = 'a'): string => `${`{"${key}":`.repeat(depth)}{}${'}'.repeat(depth)}`;

/** A string of `n` characters. */
export const long = (n: number, unit = 'x'): string => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);

/** Malformed JSON texts, each a different way to be wrong. */
export const MALFORMED_JSON = {
  truncated: '{"fields": {"summary": "half',
  trailingComma: '{"fields": {"summary": "x",}}',
  singleQuotes: "{'fields': {'summary': 'x'}}",
  bareWord: 'summary',
  nan: '{"value": NaN}',
  comment: '{"a": 1 /* no comments in JSON */}',
  bom: '\uFEFF{"a": 1}',
  empty: '',
  nul: '{"a": "\u0000"}\u0000',
  twoDocuments: '{"a": 1}{"b": 2}',
} as const;

/** Prototype keys, written as raw JSON (JSON.stringify would drop `__proto__`). */
export const protoBody = (inner: string): string =>
  `{"__proto__": {"polluted": "yes", "isAdmin": true}, "constructor": {"prototype": {"polluted": "yes"}}, ${inner}}`;

/** Text that breaks naive handling: NUL, a lone surrogate, bidi overrides, combining marks, emoji, line separators. */
export const ODD_TEXT = {
  nul: 'before\u0000after',
  loneSurrogate: 'half \ud800 a pair',
  bidi: '\u202Egnp.exe\u202C',
  combining: `Z${'\u0336\u0337\u0338'.repeat(200)}`,
  emoji: '🧪💥 test 👩‍👩‍👧‍👦',
  separators: 'line\u2028para\u2029end',
  controls: '\u0001\u0002\u001b[31mred\u001b[0m\u007f',
} as const;

/** Values of the wrong type for a field that wants a string or an object. */
export const WRONG_TYPES: readonly unknown[] = [42, true, null, [], [null], {}, { nested: 1 }, ''];

/** XSS payloads (the e2e crawl seeds these; the REST tables store them to see they come back as data). */
export const XSS = [
  '<img src=x onerror=window.__xss=1>',
  '"><script>window.__xss=1</script>',
  "'><svg onload=window.__xss=1>",
  'javascript:window.__xss=1',
  '</textarea><script>window.__xss=1</script>',
  '{{constructor.constructor("window.__xss=1")()}}',
] as const;

/** A JQL term whose `~` wildcards make a backtracking matcher take exponential time. */
export const REDOS_TERM = `${'a*'.repeat(12)}b`;

/** Issue keys and ids that try to leave their place. */
export const TRAVERSAL = [
  '..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e%2f%2e%2e%2fpackage.json',
  '..%5C..%5Cwindows',
  'ACME-1%00.json',
  '%252e%252e%252f',
] as const;
