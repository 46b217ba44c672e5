/**
 * The rehearsal's steps: each reads only what the context starts with or an earlier step of its own
 * lane gives (lanes side by side never read what another lane is still making), and no browser comes
 * before the checks that need none.
 */
import { describe, expect, it } from 'vitest';
import { REHEARSAL_STEPS } from '../../../../server/rehearse/pipeline/rehearsal-steps.ts';
import type { RehearsalContext } from '../../../../server/rehearse/pipeline/context.ts';
import { flatSteps, isBeside, type Step } from '../../../../server/rehearse/pipeline/step.ts';

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
const name = (s: Step) => (typeof s.name === 'string' ? s.name : s.name({ runner: { name: 'R', checkName: 'check R' } } as never));
const ALL = flatSteps(REHEARSAL_STEPS);

describe('REHEARSAL_STEPS', () => {
  it('every input is there before the step that reads it, and lanes side by side read only their own', () => {
    const ready = new Set<string>(GIVEN_AT_START);
    const missing: string[] = [];
    const walk = (steps: readonly Step[], have: Set<string>) => {
      for (const s of steps) {
        for (const n of s.needs) if (!have.has(n)) missing.push(`${name(s)} needs ${n}`);
        for (const g of s.gives) have.add(g);
      }
    };
    for (const e of REHEARSAL_STEPS) {
      if (!isBeside(e)) {
        walk([e], ready);
        continue;
      }
      const gives = e.beside.map((lane) => {
        const have = new Set(ready);
        walk(lane, have);
        return lane.flatMap((s) => s.gives);
      });
      const all = gives.flat();
      expect(new Set(all).size, 'two lanes give the same field').toBe(all.length);
      for (const g of all) ready.add(g);
    }
    expect(missing).toEqual([]);
  });

  it('names are unique', () => {
    const names = ALL.map(name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('fails fast: planning, the proof in memory and the hazard checks come before the instance and the regression runs', () => {
    const names = ALL.map(name);
    const at = (prefix: string) => names.findIndex((n) => n.startsWith(prefix));
    for (const early of [
      'validate the snapshot',
      'load the migrations',
      'plan the pending migrations',
      'prove the rollback in memory',
      'check the change',
    ]) {
      expect(at(early), early).toBeLessThan(at('create a throwaway instance'));
      expect(at(early), early).toBeLessThan(at('regression runs'));
    }
    for (const chain of ['migrate up', 'migrate down', 'migrate up again']) expect(at(chain), chain).toBeLessThan(at('compare after up'));
    expect(at('regression runs')).toBeLessThan(at('compare after up'));
  });

  it('runs the engine chain on disk and the production plan beside the regression runs, in lanes of their own', () => {
    const group = REHEARSAL_STEPS.find(isBeside);
    expect(group?.beside.map((lane) => lane.map(name))).toEqual([
      ['create a throwaway instance', 'migrate up', 'migrate down to the start', 'migrate up again'],
      ['regression runs: baseline, after-up, after-down (R)'],
      ['plan the change for production (for the runbook)'],
    ]);
  });
});
