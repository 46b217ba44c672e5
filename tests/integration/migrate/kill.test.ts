/**
 * kill -9 at 10 seeded random moments during migrate:up and migrate:down of a migration that edits
 * every issue of a 10k-issue instance (a sample: `npm run soak:kill` does 100k issues and 50 kills): every time, after clearing the stale lock, the instance
 * opens and hashes to exactly the before or the after state, and the ledger agrees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemp, tempRoot } from '../../helpers/migrate-fixture.ts';
import { formatSummary, killTest } from '../../helpers/migrate-kill.ts';
import { testSeed } from '../../helpers/seed.ts';

let root: string;
beforeAll(async () => void (root = await tempRoot('understudy-kill-')));
afterAll(() => removeTemp(root));

describe('migrate:up and migrate:down under kill -9', () => {
  it('leave a 10k-issue instance before or after, never between', async () => {
    const s = await killTest({ root, issues: 10_000, kills: 10, seed: testSeed('migrate kill test', 20_261_101) });
    console.log(formatSummary(s));
    expect(s.violations).toEqual([]);
    expect(s.killedUp + s.killedDown + s.completed).toBe(10);
    // Some kills interrupted a run. Where they land (up or down, inside a save) depends on the
    // machine's load between the measured run and the kill, so coverage is printed, not asserted
    // (a loaded CI machine saw 0 kills inside a save): the soak (`npm run soak:kill`) asserts it.
    expect(s.killedUp + s.killedDown).toBeGreaterThan(0);
  }, 300_000);
});
