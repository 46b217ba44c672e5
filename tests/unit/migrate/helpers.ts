/** Shared set-up for the migration tests: the tiny snapshot as a state, and a hash shortcut. */
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { canonicalHash } from '../../../server/model/hash.ts';
import type { TrackerState } from '../../../server/migrate/types.ts';

export const tinyState = (): TrackerState => {
  const c = tinyContent();
  return { config: c.config, issues: c.issues };
};

export const hashOf = (s: TrackerState): string => canonicalHash(s.config, s.issues);

export const CTX = { migrationId: '20250101-000000-test', now: '2025-06-01T12:00:00.000Z', actor: 'u-alice' };
