/** The fast canonical serialiser must equal the original definition on every input. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, withPlainJson } from '../../../server/model/canonical-json.ts';
import { storageJson } from '../../../server/store/shard-codec.ts';
import { tinyIssues } from './helpers/tiny-tracker.ts';

// The original algorithm, verbatim, as the reference.
const reference = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : reference(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${reference(obj[k])}`).join(',')}}`;
};

// eslint-disable-next-line no-sparse-arrays
// biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
const sparse = [1, , 3];
const cases: [string, unknown][] = [
  ['sorted plain object', { a: 1, b: [1, 2, { c: null, d: 'x' }] }],
  ['unsorted object', { b: 1, a: { z: 1, y: [true, false] } }],
  ['undefined members', { b: undefined, a: 1, c: [undefined, 1] }],
  ['index keys sorted', { '1': 'a', '2': 'b', x: 1 }],
  ['index keys unsorted lexically', { '9': 'a', '10': 'b' }],
  ['index keys under an unsorted parent', { z: { '10': 1, '9': 2 }, a: 1 }],
  ['large numeric-looking keys', { '4294967295': 1, '4294967296': 2, '01': 3, a: 4 }],
  ['a Date', { when: new Date(0), a: 1 }],
  ['a Date in a sorted object', { a: new Date(0) }],
  ['a function member', { a: () => 1, b: 2 }],
  ['a function in an array', [() => 1, 2]],
  ['a symbol member', { a: Symbol('s') }],
  ['a hole', sparse],
  ['non-finite numbers', { a: NaN, b: [Infinity, -Infinity, -0] }],
  ['a Map', { m: new Map([[1, 2]]) }],
  ['a boxed string', { s: new String('x') }],
  ['a null-prototype object', Object.assign(Object.create(null) as object, { b: 1, a: 2 })],
  ['a toJSON member that is not a function', { toJSON: 'x', a: 1 }],
  ['escapes and astral characters', { é: '\u2028\n"\\😀', '\ud800': '\udc00' }],
  ['__proto__ as data', JSON.parse('{"__proto__": {"b":1,"a":2}, "a": 1}')],
  ['top-level primitives', ['x', 1, true, null]],
  ['top-level undefined', undefined],
  [
    'class instance',
    new (class P {
      b = 1;
      a = 2;
    })(),
  ],
];

describe('canonicalJson equals the original definition', () => {
  it.each(cases)('%s', (_name, value) => {
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('on generated issues, sorted and unsorted', () => {
    for (const issue of tinyIssues(200, 3)) {
      expect(canonicalJson(issue)).toBe(reference(issue));
      const sorted = JSON.parse(reference(issue)) as unknown;
      expect(canonicalJson(sorted)).toBe(reference(issue));
    }
  });

  it('on random JSON-like values', () => {
    let seed = 42;
    const r = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const gen = (depth: number): unknown => {
      const k = r();
      if (depth > 3 || k < 0.3) return [null, 'str', 12.5, -3, true, undefined, '9', NaN][Math.floor(r() * 8)];
      if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => gen(depth + 1));
      const o: Record<string, unknown> = {};
      for (let i = Math.floor(r() * 5); i > 0; i--) o[['a', 'b', 'z', '10', '2', 'é', 'B', 'aa'][Math.floor(r() * 8)]!] = gen(depth + 1);
      return o;
    };
    for (let i = 0; i < 3000; i++) {
      const v = gen(0);
      expect(canonicalJson(v)).toBe(reference(v));
    }
  });
});

describe('storageJson', () => {
  it.each([
    ['sorts keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    ['keeps JSON semantics for Dates', { b: new Date(0), a: 1 }, '{"a":1,"b":"1970-01-01T00:00:00.000Z"}'],
    ['drops functions like JSON', { f: () => 1, a: 1 }, '{"a":1}'],
    ['stores undefined as null', undefined, 'null'],
  ])('%s', (_name, value, text) => {
    expect(storageJson(value)).toBe(text);
    expect(canonicalJson(JSON.parse(text))).toBe(text);
  });
});

describe('withPlainJson', () => {
  // Synchronous from pollution to clean-up: nothing else (the test runner's messages included) runs in between.
  it('serialises the data while toJSON is taken off the global prototypes, and puts it back after', () => {
    const polluted = {
      value() {
        return 'polluted';
      },
      configurable: true,
      writable: true,
    };
    Object.defineProperty(Object.prototype, 'toJSON', polluted);
    Object.defineProperty(Array.prototype, 'toJSON', polluted);
    try {
      expect(JSON.stringify({ a: [1] })).toBe('"polluted"');
      expect(withPlainJson(() => JSON.stringify({ a: [1, { b: new Date(0) }] }))).toBe('{"a":[1,{"b":"1970-01-01T00:00:00.000Z"}]}');
      expect(storageJson({ b: 1, a: [2] })).toBe('{"a":[2],"b":1}');
      expect(JSON.stringify({ a: 1 })).toBe('"polluted"');
      expect(() =>
        withPlainJson(() => {
          throw new Error('inside');
        }),
      ).toThrow('inside');
      expect(JSON.stringify([1])).toBe('"polluted"');
    } finally {
      delete (Object.prototype as { toJSON?: unknown }).toJSON;
      delete (Array.prototype as { toJSON?: unknown }).toJSON;
    }
  });
});
