/**
 * An instance that lives in memory only, for tests of what works on an Instance (the migration
 * engine, the sandbox): the same interface and the same hash rules as one on disk, without a
 * directory, a lock or lowdb. Each save keeps a copy as the current generation; `reload()` brings
 * that copy back, as reading the generation from disk would.
 */
import { canonicalHash, type TrackerState } from '../model/index.ts';
import type { Instance, InstanceRecords } from './instance.ts';
import type { InstanceState } from './instance-state.ts';

export const createMemoryInstance = (state: TrackerState & Partial<InstanceRecords>, name = 'memory'): Instance => {
  let data: InstanceState = { ledger: [], outbox: [], captures: {}, ...state };
  const keep = (hash: string) => ({ copy: structuredClone(data), hash });
  let generation = { ...keep(canonicalHash(data.config, data.issues)), n: 1 };
  let pristine = true;
  let closed = false;
  const open = (): void => {
    if (closed) throw new Error(`instance '${name}' (in memory) is closed`);
  };
  const save = (hash: string): void => {
    generation = { ...keep(hash), n: generation.n + 1 };
  };
  return {
    dir: `(memory: ${name})`,
    marker: {
      format: 'understudy-instance',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      source: { dir: `(memory: ${name})`, manifest: undefined },
    },
    get data() {
      pristine = false;
      return data;
    },
    get records(): InstanceRecords {
      return data;
    },
    save: async () => {
      open();
      save(canonicalHash(data.config, data.issues));
    },
    saveHashed: async (beforeLedger) => {
      open();
      const hash = canonicalHash(data.config, data.issues);
      beforeLedger?.(hash);
      save(hash);
      return hash;
    },
    hash: () => (pristine ? generation.hash : canonicalHash(data.config, data.issues)),
    reload: async () => {
      open();
      data = structuredClone(generation.copy);
      pristine = true;
    },
    recordedHash: () => generation.hash,
    generationHash: async () => generation.hash,
    generation: () => generation.n,
    close: () => {
      closed = true;
      data = undefined as unknown as InstanceState;
    },
  };
};
