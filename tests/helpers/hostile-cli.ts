/**
 * Runs any of the commands (scripts/*.ts) in a child process with a bounded run time, from any
 * working directory (tsx is loaded by its absolute path, so a scratch folder outside the project
 * works), and checks what a user-caused error must look like: exit 2, one `understudy:` message,
 * no stack trace, no internal error, no machine path beyond the ones the user gave.
 */
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type CliResult, collect, output, REPO } from './migrate-cli.ts';

const TSX = pathToFileURL(resolve(REPO, 'node_modules/tsx/dist/loader.mjs')).href;

export type Script = 'migrate' | 'validate' | 'sandbox' | 'fixtures-generate';

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The child is killed (SIGKILL) after this long: a hang is a failure, not a stuck test. */
  timeoutMs?: number;
}

export interface BoundedResult extends CliResult {
  /** The child had to be killed at the time limit. */
  hung: boolean;
}

export const runCli = async (script: Script, args: readonly string[], o: RunOptions = {}): Promise<BoundedResult> => {
  const child = spawn(process.execPath, ['--import', TSX, resolve(REPO, `scripts/${script}.ts`), ...args], {
    cwd: o.cwd ?? REPO,
    env: { ...process.env, ...o.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, o.timeoutMs ?? 60_000);
  try {
    return { ...(await collect(child)), hung };
  } finally {
    clearTimeout(timer);
  }
};

/** Absolute paths a text names (quoted or bare). */
export const pathsIn = (text: string): string[] => [...text.matchAll(/(?:^|[\s'"(=])(\/[^\s'"():,;]+)/gm)].map((m) => m[1]!.replace(/[.…]+$/, ''));

/**
 * A user-caused error: exit 2, exactly one `understudy:` line, no stack trace, no internal error,
 * and every absolute path in the output inside one the user gave.
 */
export const expectOneMessage = (r: BoundedResult, message: RegExp, given: readonly string[]): void => {
  const all = output(r);
  expect(r.hung, `the command hung:\n${all}`).toBe(false);
  expect(r.code, all).toBe(2);
  expect(r.stderr, all).toMatch(message);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('understudy:')).length, all).toBe(1);
  expect(all, 'a stack trace').not.toMatch(/^\s+at .*(:\d+:\d+\)?|\(node:)/m);
  expect(all, 'an internal error').not.toMatch(/internal error|this is a bug/);
  for (const p of pathsIn(`${r.stdout}\n${r.stderr}`))
    expect(
      given.some((g) => p === g || p.startsWith(`${g}/`)),
      `a path the user did not give: ${p}\n${all}`,
    ).toBe(true);
};
