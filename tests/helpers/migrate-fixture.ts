/**
 * Set-up for the migration engine's integration tests: migrations folders and instances under the
 * OS temp dir (the folders' node_modules/understudy points at the project, so `import {
 * defineMigration, op } from 'understudy'` resolves), and what an instance holds on disk.
 */
import { mkdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LedgerEntry } from '../../server/migrate/engine/ledger.ts';
import { createInstance, forkInstance, openInstance, readLock, type LockInfo } from '../../server/store/index.ts';
import { REPO } from './migrate-cli.ts';
import { scratchFolder } from './scratch.ts';

let folderCount = 0;

/** A migrations folder the test writes files into; `remove()` deletes it. */
export interface MigrationsFolder {
  dir: string;
  write(name: string, source: string): string;
  unlink(name: string): void;
  remove(): void;
}

/** Makes <tmp>/understudy-migrations-…/migrations/; `remove()` deletes the whole scratch folder. */
export const migrationsFolder = (files: Record<string, string> = {}): MigrationsFolder => {
  const root = scratchFolder(`understudy-migrations-${++folderCount}-`);
  const dir = join(root, 'migrations');
  mkdirSync(dir, { recursive: true });
  const folder: MigrationsFolder = {
    dir,
    write: (name, source) => {
      writeFileSync(join(dir, name), source);
      return join(dir, name);
    },
    unlink: (name) => unlinkSync(join(dir, name)),
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
  for (const [name, source] of Object.entries(files)) folder.write(name, source);
  return folder;
};

/** A temporary directory under the OS temp dir. */
export const tempRoot = (prefix = 'understudy-migrate-'): Promise<string> => mkdtemp(join(tmpdir(), prefix));
export const removeTemp = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

/** Creates an instance from a snapshot in-process (no validation: the snapshots used are valid). */
export const makeInstance = async (snapshot: string, dir: string, shardSize?: number): Promise<string> => {
  const inst = await createInstance(resolve(REPO, snapshot), dir, shardSize ? { shardSize } : {});
  inst.close();
  return dir;
};

let forkCount = 0;
/** A fresh copy of a prepared instance (hard links: cheap). */
export const forkOf = (base: string, root: string): Promise<string> => forkInstance(base, join(root, `fork-${++forkCount}`));

/** What an instance holds on disk now. */
export interface DiskState {
  hash: string;
  generation: number;
  ledger: LedgerEntry[];
  captures: Record<string, number>;
  lock: LockInfo | undefined;
}

export const diskState = async (dir: string): Promise<DiskState> => {
  const lock = await readLock(dir);
  const inst = await openInstance(dir);
  try {
    const data = inst.data;
    return {
      hash: inst.hash(),
      generation: inst.generation(),
      ledger: structuredClone(data.ledger) as unknown as LedgerEntry[],
      captures: Object.fromEntries(Object.entries(data.captures).map(([k, v]) => [k, v.length])),
      lock,
    };
  } finally {
    inst.close();
  }
};

/** The ledger entry of a migration, or undefined. */
export const entryOf = (s: DiskState, id: string): LedgerEntry | undefined => s.ledger.find((e) => e.id === id);

/** Source of an operations-form migration; `ops` is the text inside `ops: [ ... ]`. */
export const opsSource = (ops: string, description = 'test migration'): string =>
  `import { defineMigration, op } from 'understudy';\n\nexport default defineMigration({\n  description: ${JSON.stringify(description)},\n  ops: [\n    ${ops}\n  ],\n});\n`;

/** Source of a functions-form migration; `up` and `down` are method bodies (down left out when undefined). */
export const functionSource = (up: string, down?: string, description = 'test migration'): string =>
  `import { defineMigration } from 'understudy';\n\nexport default defineMigration({\n  description: ${JSON.stringify(description)},\n  up(ctx) {\n    ${up}\n  },\n${down === undefined ? '' : `  down(ctx) {\n    ${down}\n  },\n`}});\n`;
