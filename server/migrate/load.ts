/**
 * Finds and loads the migrations of a folder (PRODUCT.md, "A migration is a module"): every
 * `.ts`, `.js` or `.mjs` file directly in it whose name starts with a digit, ordered by name; its
 * id is the file name without the extension. Each is imported under a URL that carries its
 * checksum, so an edited file is imported afresh in a long-running process.
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../common/errors.ts';
import { importMigration } from './import-migration.ts';
import { isOpsMigration, type Migration } from './migration.ts';
import { checkCall } from './recorded.ts';
import type { TrackerState } from './types.ts';

const kindOf = (st: Stats): string =>
  st.isFIFO() ? 'a FIFO' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a file';

export interface LoadedMigration {
  id: string;
  /** The file's path as found (folder joined with the name). */
  file: string;
  /** `sha256:<hex>` of the file's bytes. */
  checksum: string;
  migration: Migration;
  /**
   * Loaded in a supervised worker (supervise/runner.ts), a functions-form migration runs its code
   * there: the engine awaits this with the state it is about to apply the migration to, right
   * before each applyMigration. Absent for migrations loaded in-process.
   */
  prepare?: (state: TrackerState, ctx: PrepareContext) => Promise<void>;
}

/** What `up`/`down` see of the run besides the state (ApplyContext's, for the worker). */
export interface PrepareContext {
  now: string;
  actor: string | null;
  /** Run `down` after `up`, as applyMigration does to prove the pair. */
  proveDown: boolean;
}

/** Awaits a supervised migration's preparation (a no-op for one loaded in-process). */
export const prepareMigration = (m: LoadedMigration, state: TrackerState, ctx: PrepareContext): Promise<void> =>
  m.prepare ? m.prepare(state, ctx) : Promise.resolve();

const EXTENSIONS = ['.ts', '.js', '.mjs'];

/** Migration files of a folder, ordered by name; everything else is ignored. */
export const listMigrationFiles = async (dir: string): Promise<Array<{ id: string; file: string }>> => {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new UserError(`cannot read the migrations folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      details: ['pass --migrations DIR, or create the folder with npm run migrate:create -- <slug>'],
    });
  }
  const named = entries.filter((e) => /^\d/.test(e.name) && !e.name.endsWith('.d.ts') && EXTENSIONS.includes(path.extname(e.name)));
  const names: string[] = [];
  for (const e of named) {
    if (e.isFile()) names.push(e.name);
    if (e.isFile() || e.isDirectory()) continue;
    // Named like a migration but not a file: a symbolic link to one counts; a FIFO (which would hang the import), a device, a socket or a broken link is refused, not skipped.
    const st = await stat(path.join(dir, e.name)).catch(() => undefined);
    if (st?.isFile()) names.push(e.name);
    else if (!st?.isDirectory())
      throw new UserError(
        `${path.join(dir, e.name)} is not a regular file (${st ? kindOf(st) : 'a broken symbolic link'}), yet it is named like a migration`,
        {
          details: ['replace it with the migration file, or rename or remove it (only files whose name starts with a digit are migrations)'],
        },
      );
  }
  const files = names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seen = new Map<string, string>();
  const out: Array<{ id: string; file: string }> = [];
  for (const name of files) {
    const id = name.slice(0, -path.extname(name).length);
    const other = seen.get(id);
    if (other)
      throw new UserError(`${path.join(dir, name)}: duplicate migration id '${id}' (also ${path.join(dir, other)}); rename or remove one of them`);
    seen.set(id, name);
    out.push({ id, file: path.join(dir, name) });
  }
  return out;
};

/** Imports a migration file and checks its operations against the registry. */
export const loadMigration = async (id: string, file: string): Promise<LoadedMigration> => checkOps(await importMigration(id, file));

/** The operations form's calls, checked against the registry (kinds, argument names); throws the first problem with the file. */
export const checkOps = <T extends { file: string; migration: Migration }>(loaded: T): T => {
  const m = loaded.migration;
  if (isOpsMigration(m)) {
    const problems = m.ops.flatMap((call, i) => checkCall(call).map((p) => `op ${i + 1}: ${p}`));
    if (problems.length) throw new UserError(`${loaded.file}: ${problems[0]}`, { details: problems.slice(1) });
  }
  return loaded;
};

/** Loads every migration of a folder, in order. The first bad file stops the load with its error. */
export const loadMigrations = async (dir: string): Promise<LoadedMigration[]> => {
  const files = await listMigrationFiles(dir);
  const out: LoadedMigration[] = [];
  for (const f of files) out.push(await loadMigration(f.id, f.file));
  return out;
};
