/**
 * Which cases run: the whole table under `npm run test:soak:hostile` (UNDERSTUDY_HOSTILE=all), else
 * a deterministic sample for `npm test` — every fifth case of each family's table (its 1st, 6th,
 * 11th …) plus every case tagged `always`. The same cases every run, and every family is in it.
 */
import type { Tag } from './types.ts';

export const SAMPLE_EVERY = 5;

export const soak = (): boolean => process.env.UNDERSTUDY_HOSTILE === 'all';

/** The cases of one table that this run takes, in table order. */
export const sampled = <T extends { tags?: readonly Tag[] }>(cases: readonly T[], all = soak()): T[] =>
  all ? [...cases] : cases.filter((c, i) => i % SAMPLE_EVERY === 0 || c.tags?.includes('always'));

/** A test title: the case's name and, when it has one, the issue-17 point it is a row of. */
export const title = (c: { name: string; point?: number }): string => (c.point === undefined ? c.name : `${c.name} [#${c.point}]`);
