/**
 * Runs the real `rehearse` / `gate` commands in a child process (as `npm run` does) or in this
 * process with a chosen regression runner (the in-memory double: no browser), and builds the small
 * snapshot their tests rehearse: fixtures/tiny plus a recorded integration that files bugs.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { expect } from 'vitest';
import { type CommandIo, reportError } from '../../server/cli/index.ts';
import { runRehearseCommand } from '../../server/rehearse/command.ts';
import type { RegressionRunner } from '../../server/rehearse/index.ts';
import { writeSnapshot } from '../../server/store/snapshot-write.ts';
import { collect, REPO, type CliResult } from './migrate-cli.ts';
import { scratchFolder } from './scratch.ts';
import { tinyContent } from './tiny-snapshot.ts';

export const runScript = (script: 'rehearse' | 'gate', args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> =>
  collect(
    spawn(process.execPath, ['--import', 'tsx', resolve(REPO, `scripts/${script}.ts`), ...args], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

/**
 * A scratch folder in the system's temporary folder; its node_modules/understudy points at the
 * project, so migration files written there import 'understudy' as a user's do.
 */
export const scratchDir = async (): Promise<string> => scratchFolder('understudy-rehearse-');

/** `npm run rehearse|gate -- …args` in this process, with `runner` driving the regression runs. */
export const rehearseInProcess = async (
  args: readonly string[],
  runner: RegressionRunner,
  mode: 'rehearse' | 'gate' = 'rehearse',
): Promise<{ code: number; stdout: string; stderr: string }> => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await runRehearseCommand([...args], io, mode, { runner }).catch((e: unknown) => reportError(e, io, false));
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
};

/**
 * fixtures/tiny with a second integration, the bug filer (POST /issue with summary only), and an
 * "updated" notification to the whole developers group (as many real schemes have).
 */
export const writeTinyWithBugFiler = async (dir: string): Promise<string> => {
  const content = tinyContent();
  content.config.notificationSchemes[0]!.events.push({ event: 'updated', recipients: [{ type: 'watchers' }, { type: 'group', value: 'g-devs' }] });
  content.integrations.push({
    file: 'integrations/bug-filer.json',
    data: {
      $schema: '../../../server/model/json-schema/integration.schema.json',
      name: 'bug-filer',
      description: 'An error monitor files bugs with a summary and a priority only.',
      as: 'bob@tiny.example',
      requests: [
        {
          method: 'POST',
          path: '/rest/api/2/issue',
          body: { fields: { project: { key: 'ACME' }, issuetype: { name: 'Bug' }, summary: 'NullPointerException in checkout' } },
        },
      ],
    },
  });
  await writeSnapshot(dir, content, { overwrite: true });
  return dir;
};

/** A migrations folder holding the given files. */
export const writeMigrations = async (dir: string, files: Record<string, string>): Promise<string> => {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  return dir;
};

/**
 * Runs `npm run rehearse` with `args` writing to `report` and checks what every green rehearsal of
 * the shipped change set shows: exit 0, safe, rollback proven by hash and observations, no
 * regression, no failing test, full observation runs. Returns the parsed result.json. With `runner`,
 * the command runs in this process with that regression runner (one that records what it returns).
 */
export const rehearseGreen = async (args: readonly string[], report: string, runner?: RegressionRunner): Promise<any> => {
  const r = runner ? await rehearseInProcess([...args, '--report', report], runner) : await runScript('rehearse', [...args, '--report', report]);
  expect(r.code, r.stdout + r.stderr.slice(-4000)).toBe(0);
  expect(r.stdout).toMatch(/✔ safe to proceed: 6 migration\(s\) applied/);
  const result = JSON.parse(await readFile(join(report, 'result.json'), 'utf8'));
  expect(result.verdict).toBe('safe');
  expect(result.rollbackProven).toBe(true);
  expect(result.hashes.afterDown).toBe(result.hashes.baseline);
  expect(result.regressions).toEqual([]);
  expect(result.rollbackDifferences).toEqual([]);
  for (const run of result.runs) {
    expect(run.tests.failed, JSON.stringify(run.failures)).toBe(0);
    expect(run.observations).toBeGreaterThan(3000);
  }
  return result;
};
