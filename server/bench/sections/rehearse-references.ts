/**
 * The rehearse section's references, measured in the same run: a trivial one-page Playwright test
 * with the rehearsal's browser (three of them stand for the least any three browser runs cost), and
 * one `npm run validate` of the bundled snapshot (the least a verdict on a broken change can cost).
 * Both run as child processes, as a person runs them.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { findChromium, launchOptionsFor } from '../../rehearse/index.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TRIVIAL_CONFIG = fileURLToPath(new URL('../trivial/playwright.config.ts', import.meta.url));

/** Runs a command to its end; its wall seconds and exit code. */
export const timedChild = (
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ seconds: number; code: number; output: string }> =>
  new Promise((done, fail) => {
    const started = performance.now();
    let output = '';
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ seconds: (performance.now() - started) / 1000, code: code ?? 1, output }));
  });

/** One run of the trivial one-page test (a fresh Playwright process and browser, as each of the rehearsal's runs was). */
export const trivialPlaywrightRun = async (outputDir: string): Promise<number> => {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  const launch = JSON.stringify(launchOptionsFor(await findChromium()));
  const r = await timedChild(process.execPath, [cli, 'test', '-c', TRIVIAL_CONFIG, '--output', outputDir], { UNDERSTUDY_BENCH_LAUNCH: launch });
  if (r.code !== 0) throw new Error(`the trivial Playwright test failed (exit ${r.code}): ${r.output.slice(-800)}`);
  return r.seconds;
};

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run <script> -- …args` as a person types it. */
export const npmRun = (script: string, args: readonly string[]) => timedChild(npm, ['run', '--silent', script, '--', ...args]);
