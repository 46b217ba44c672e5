/**
 * Running migrations' code supervised: in a worker thread with a time limit, `process.exit`
 * refused and asynchronous leftovers refused, while the command keeps the lock, the state and the
 * writes (runner.ts, worker.ts, trace.ts).
 */
import { listMigrationFiles, type LoadedMigration } from '../load.ts';
import type { MigrationRunner } from './runner.ts';

export { DEFAULT_MIGRATION_TIMEOUT_S, MigrationRunner, type RunnerOptions } from './runner.ts';

/** loadMigrations, with every file imported in the runner's worker. */
export const loadSupervised = async (dir: string, runner: MigrationRunner): Promise<LoadedMigration[]> => {
  const out: LoadedMigration[] = [];
  for (const f of await listMigrationFiles(dir)) out.push(await runner.load(f.id, f.file));
  // The worker loads the engine while the command opens the instance, before up()/down() are first run.
  if (out.some((m) => m.prepare)) runner.warm();
  return out;
};
