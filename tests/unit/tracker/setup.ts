/** A tracker over a fresh copy of the tiny snapshot, with its clock frozen. */
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { Tracker } from '../../../server/tracker/tracker.ts';
import { fixedClock } from '../../../server/tracker/clock.ts';
import { TrackerError } from '../../../server/tracker/errors.ts';
import type { Config, Issue } from '../../../server/model/types.ts';

export const NOW = '2025-02-10T12:00:00.000Z';

export const makeTracker = (change?: (config: Config, issues: Issue[]) => void): Tracker => {
  const { config, issues } = tinyContent();
  change?.(config, issues);
  return new Tracker({ config, issues }, { clock: fixedClock(NOW) });
};

/** Runs `fn` and returns the TrackerError it throws (fails the test if it does not throw one). */
export const trackerError = (fn: () => unknown): TrackerError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof TrackerError) return e;
    throw e;
  }
  throw new Error('expected a TrackerError, but the call succeeded');
};
