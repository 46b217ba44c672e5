/**
 * Which cases run: the whole table under `npm run test:soak:hostile` (UNDERSTUDY_HOSTILE=all), else
 * a deterministic sample for `npm test` — every 5th case of each REST family's table and every
 * 10th of each command's (its 1st, 11th …: a command costs seconds, a request milliseconds), plus
 * every case tagged `always`, minus those tagged `soak` (a case whose failure is a hang to the
 * bound: until it is fixed it would cost npm test a minute). The same cases every run, and every
 * family is in it.
 */
import type { Tag } from './types.ts';

export const SAMPLE_EVERY = { rest: 5, cli: 10 } as const;

export const soak = (): boolean => process.env.UNDERSTUDY_HOSTILE === 'all';

/** The cases of one table that this run takes, in table order. */
export const sampled = <T extends { tags?: readonly Tag[] }>(cases: readonly T[], every: number, all = soak()): T[] =>
  all ? [...cases] : cases.filter((c, i) => !c.tags?.includes('soak') && (i % every === 0 || c.tags?.includes('always')));

/** A test title: the case's name and, when it has one, the issue-17 point it is a row of. */
export const title = (c: { name: string; point?: number }): string => (c.point === undefined ? c.name : `${c.name} [#${c.point}]`);
