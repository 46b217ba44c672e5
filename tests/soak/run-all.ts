/**
 * `npm run test:soak`: every `test:soak:*` script of package.json in turn (the long fault matrices,
 * kill runs and soaks that stay out of `npm test`, where a sample of each runs), then one line per
 * script with its exit code. Exit 1 when any of them failed. Extra flags go to every script.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SEED_ENV } from '../helpers/seed.ts';

const root = resolve(import.meta.dirname, '../..');
const scripts = Object.keys((JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts)
  .filter((name) => name.startsWith('test:soak:'))
  .sort();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results: { name: string; code: number; seconds: number }[] = [];
console.log(`test:soak: ${scripts.join(', ')}${process.env[SEED_ENV] ? ` (${SEED_ENV}=${process.env[SEED_ENV]})` : ''}`);
for (const name of scripts) {
  const started = performance.now();
  const r = spawnSync(npm, ['run', name, ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])], { cwd: root, stdio: 'inherit' });
  results.push({ name, code: r.status ?? 1, seconds: (performance.now() - started) / 1000 });
}
for (const r of results) console.log(`${r.code === 0 ? '✔' : '✘'} ${r.name}: exit ${r.code} (${r.seconds.toFixed(0)} s)`);
process.exitCode = results.every((r) => r.code === 0) ? 0 : 1;
