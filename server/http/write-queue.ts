/**
 * Serialises writes and persists them in batches: every change runs alone, in arrival order;
 * after a change, the caller waits until a save that started after its change has finished, so
 * a 200 means "on disk". Changes that finish while a save runs share the next save.
 */
export interface WriteQueue {
  run<T>(change: () => T): Promise<T>;
  /** Resolves once everything written so far is saved. */
  flush(): Promise<void>;
}

export const createWriteQueue = (persist?: () => Promise<void>): WriteQueue => {
  let chain: Promise<unknown> = Promise.resolve();
  let saving: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  const save = (): Promise<void> => {
    if (!persist) return Promise.resolve();
    if (next) return next;
    const after = saving ?? Promise.resolve();
    next = after.then(async () => {
      next = undefined;
      saving = persist();
      try {
        await saving;
      } finally {
        saving = undefined;
      }
    });
    return next;
  };

  return {
    run<T>(change: () => T): Promise<T> {
      const done = chain.then(() => change());
      chain = done.catch(() => undefined);
      return done.then(async (value) => {
        await save();
        return value;
      });
    },
    flush: async () => {
      await chain;
      if (saving || next) await save();
    },
  };
};
