/**
 * Runs a test's independent steps at once: each REST step of a generated spec works on its own fork
 * (or only reads), so its round trips need not wait for the others'. Results come back in the
 * items' order, whatever order they finish in, so the observations a test records do not depend on
 * timing. Steps that share something (the worker's one browser page) go in one lane, one at a time,
 * beside the others. After a step fails no new one starts; the call waits for those under way (so
 * each drops its fork) and then throws the first error.
 */
export interface Lanes<T> {
  /** At most this many of the other steps at once (default 4). */
  limit?: number;
  /** Steps for which this is true run one after the other, in order, in a lane of their own. */
  oneAtATime?: (item: T) => boolean;
}

export const inParallel = async <T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>, lanes: Lanes<T> = {}): Promise<R[]> => {
  const limit = Math.max(1, lanes.limit ?? 4);
  const results = new Array<R>(items.length);
  const serial: number[] = [];
  const free: number[] = [];
  items.forEach((item, i) => (lanes.oneAtATime?.(item) ? serial : free).push(i));
  let failure: { error: unknown } | undefined;
  const lane = async (take: () => number | undefined) => {
    for (let i = take(); i !== undefined && !failure; i = take()) {
      try {
        results[i] = await fn(items[i]!, i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  let nextFree = 0;
  let nextSerial = 0;
  await Promise.all([lane(() => serial[nextSerial++]), ...Array.from({ length: Math.min(limit, free.length) }, () => lane(() => free[nextFree++]))]);
  if (failure) throw failure.error;
  return results;
};
