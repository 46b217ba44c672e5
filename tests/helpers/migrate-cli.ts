/**
 * Runs the real `migrate:*` command (scripts/migrate.ts) in a child process, as `npm run` does.
 * `node --import tsx` rather than `npx tsx`: tsx's CLI re-spawns node, and a kill -9 must reach
 * the process that does the work, not a wrapper.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** The project root: migration files resolve `'understudy'` only inside it. */
export const REPO = resolve(import.meta.dirname, '../..');
const SCRIPT = resolve(REPO, 'scripts/migrate.ts');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Starts `migrate <sub> ...args` with the project root as working directory. */
export const spawnMigrate = (sub: string, args: readonly string[]): ChildProcess =>
  spawn(process.execPath, ['--import', 'tsx', SCRIPT, sub, ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });

/** Waits for a started command and collects its output. */
export const collect = (child: ChildProcess): Promise<CliResult> =>
  new Promise((done, failed) => {
    const started = performance.now();
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', failed);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr, ms: performance.now() - started }));
  });

/** Runs `migrate <sub> ...args` to the end. */
export const runMigrate = (sub: string, args: readonly string[]): Promise<CliResult> => collect(spawnMigrate(sub, args));

/** Both streams, for assertion messages. */
export const output = (r: CliResult): string => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
