import { describe, expect, it } from 'vitest';
import { editDistance, knownCandidates } from '../../../server/model/suggest.ts';

describe('knownCandidates', () => {
  const few = [
    { id: '1', name: 'Open' },
    { id: '2', name: 'In Progress' },
    { id: '3', name: 'Done' },
  ];
  it.each([
    ['Dne', few, 'known: 1 (Open), 2 (In Progress), 3 (Done)'],
    ['done', few, "'done' is a name: reference it by its id '3'"],
    ['x', [], 'none are defined'],
  ])('%s', (value, list, expected) => expect(knownCandidates(value, list)).toBe(expected));
  it('shows the closest five of a long list', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ id: `user-${i}` }));
    expect(knownCandidates('user-17x', many)).toBe('closest known: user-17, user-1, user-7, user-10, user-11; 25 more');
  });
  it('edit distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('Done', 'done')).toBe(0);
  });
});
