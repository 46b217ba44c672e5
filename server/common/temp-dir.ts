/**
 * The one helper for temporary folders (the throwaway sandbox's instance, the rehearsal's): made
 * under the OS temp dir, removed by `remove()` — and, should the process end first (an error, a
 * `process.exit` in a migration, Ctrl-C, a closed terminal), removed on the way out.
 */
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onProcessEnd } from './exit-hooks.ts';

export interface TempDir {
  readonly dir: string;
  /** Removes the folder and everything in it (idempotent). */
  remove(): Promise<void>;
  /** Keeps the folder after all (it is not removed on the way out). */
  keep(): void;
}

export const makeTempDir = async (prefix: string): Promise<TempDir> => {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const forget = onProcessEnd(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    remove: async () => {
      forget();
      await rm(dir, { recursive: true, force: true });
    },
    keep: forget,
  };
};
