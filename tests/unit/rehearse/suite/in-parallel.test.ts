/** inParallel: results in the items' order, at most `limit` at once, a serial lane, and a failure that stops new steps. */
import { describe, expect, it } from 'vitest';
import { inParallel } from '../../../../server/rehearse/suite/in-parallel.ts';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inParallel', () => {
  it('keeps the items’ order whatever order the steps finish in', async () => {
    const out = await inParallel([30, 5, 20, 1, 10], async (ms, i) => {
      await tick(ms);
      return `${i}:${ms}`;
    });
    expect(out).toEqual(['0:30', '1:5', '2:20', '3:1', '4:10']);
  });

  it('runs at most `limit` steps at once, and the one-at-a-time lane beside them one by one', async () => {
    let free = 0;
    let maxFree = 0;
    let serial = 0;
    let maxSerial = 0;
    const order: number[] = [];
    const items = Array.from({ length: 12 }, (_, i) => ({ i, browser: i % 3 === 0 }));
    await inParallel(
      items,
      async (x) => {
        if (x.browser) {
          maxSerial = Math.max(maxSerial, ++serial);
          order.push(x.i);
        } else maxFree = Math.max(maxFree, ++free);
        await tick(5);
        if (x.browser) serial--;
        else free--;
      },
      { limit: 3, oneAtATime: (x) => x.browser },
    );
    expect(maxFree).toBe(3);
    expect(maxSerial).toBe(1);
    expect(order).toEqual([0, 3, 6, 9]);
  });

  it('an empty list is an empty answer', async () => {
    expect(await inParallel([], async () => 1)).toEqual([]);
  });

  it('after a failure no new step starts; those under way finish, then the first error is thrown', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = inParallel(
      Array.from({ length: 10 }, (_, i) => i),
      async (i) => {
        started.push(i);
        if (i === 1) throw new Error('step 1 failed');
        await tick(20);
        finished.push(i);
        return i;
      },
      { limit: 2 },
    );
    await expect(run).rejects.toThrow('step 1 failed');
    expect(started).toEqual([0, 1]);
    expect(finished).toEqual([0]);
  });
});
