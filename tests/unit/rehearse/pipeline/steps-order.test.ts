/** The rehearsal's steps: each reads only what the context starts with or an earlier step gives, and no browser comes before the checks that need none. */
import { describe, expect, it } from 'vitest';
import { REHEARSAL_STEPS } from '../../../../server/rehearse/pipeline/rehearsal-steps.ts';
import type { RehearsalContext } from '../../../../server/rehearse/pipeline/context.ts';

const GIVEN_AT_START: (keyof RehearsalContext)[] = [
  'opts',
  'io',
  'runner',
  'result',
  'configs',
  'hazard',
  'sandboxErrors',
  'cleanups',
  'states',
  'observations',
];
const name = (s: (typeof REHEARSAL_STEPS)[number]) =>
  typeof s.name === 'string' ? s.name : s.name({ runner: { name: 'R', checkName: 'check R' } } as never);

describe('REHEARSAL_STEPS', () => {
  it('every input is there before the step that reads it', () => {
    const ready = new Set<string>(GIVEN_AT_START);
    const missing: string[] = [];
    for (const s of REHEARSAL_STEPS) {
      for (const n of s.needs) if (!ready.has(n)) missing.push(`${name(s)} needs ${n}`);
      for (const g of s.gives) ready.add(g);
    }
    expect(missing).toEqual([]);
  });

  it('names are unique', () => {
    const names = REHEARSAL_STEPS.map(name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fails fast: planning, the proof in memory and the hazard checks come before the instance and the regression runs', () => {
    const names = REHEARSAL_STEPS.map(name);
    const at = (prefix: string) => names.findIndex((n) => n.startsWith(prefix));
    for (const early of [
      'validate the snapshot',
      'load the migrations',
      'plan the pending migrations',
      'prove the rollback in memory',
      'check the change',
    ])
      expect(at(early), early).toBeLessThan(at('create a throwaway instance'));
    for (const chain of ['migrate up', 'migrate down', 'migrate up again']) expect(at(chain), chain).toBeLessThan(at('regression runs'));
    expect(at('regression runs')).toBeLessThan(at('compare after up'));
  });
});
