import { describe, expect, it } from 'vitest';
import { show } from '../../../server/model/shape.ts';

describe('show (a value in a message)', () => {
  it.each([
    ['a string', 'abc', '"abc"'],
    ['a number', 12, '12'],
    ['null', null, 'null'],
    ['a small object', { a: 1, b: [true] }, '{"a":1,"b":[true]}'],
  ])('%s is its JSON', (_n, v, want) => expect(show(v)).toBe(want));

  it('cuts long values to 60 characters', () => {
    const s = show({ text: 'x'.repeat(10_000) });
    expect(s.length).toBeLessThanOrEqual(60);
    expect(s.endsWith('…')).toBe(true);
  });

  it('does not overflow the stack on a value nested 100,000 deep', () => {
    let v: unknown = [];
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(show(v)).toMatch(/^\[\[\[.*…\]*$/);
  });

  it('stops early on a list of a million entries', () => {
    expect(show(Array.from({ length: 1_000_000 }, (_, i) => i)).length).toBeLessThanOrEqual(60);
  });
});
