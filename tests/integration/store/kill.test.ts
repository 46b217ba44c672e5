/**
 * kill -9 at random moments while a child process saves a 10k-issue instance in a loop: every time,
 * the instance opens and hashes to exactly one of the known states, with one generation left.
 */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createInstance, openInstance } from '../../../server/store/index.ts';
import { testSeed } from '../../helpers/seed.ts';
import { makeSnapshot, tempDir } from '../../unit/store/helpers/temp.ts';
import { applyVariant } from './helpers/variants.ts';

const CHILD = fileURLToPath(new URL('./helpers/save-loop.ts', import.meta.url));
const KILLS = 12;

/**
 * Starts the saver, waits for its save number `after` to complete, then kills it after `fraction`
 * of the last save's duration (so the kill lands inside the next save however busy the machine is).
 */
const runAndKill = (dir: string, after: number, fraction: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    let last = performance.now();
    let period = 200;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const now = performance.now();
      if (out.includes('saved 0')) period = now - last;
      last = now;
      if (!armed && out.includes(`saved ${after}\n`)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), fraction * period);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out.split('\n').filter(Boolean).length);
      else reject(new Error(`saver exited by itself (${code}): ${err}`));
    });
  });

describe('crash safety under kill -9', () => {
  it(`opens to a known state after ${KILLS} kills at random moments`, async () => {
    const root = await tempDir();
    const snap = await makeSnapshot(join(root, 'snap'), 10_000, 10_000);
    const inst = await createInstance(snap, join(root, 'inst'), { shardSize: 1_000 });
    const original = inst.hash();
    applyVariant(inst.data, 0);
    const a = inst.hash();
    applyVariant(inst.data, 1);
    const b = inst.hash();
    expect(new Set([original, a, b]).size).toBe(3);

    const seen: string[] = [];
    let midSave = 0;
    let seed = testSeed('store kill test', Date.now() % 100_000);
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < KILLS; k++) {
      const saves = await runAndKill(inst.dir, Math.floor(random() * 4), random() * 1.2);
      expect(saves).toBeGreaterThan(0);
      if ((await readdir(join(inst.dir, 'gens'))).length > 1) midSave++;
      const opened = await openInstance(inst.dir);
      const h = opened.hash();
      expect([a, b]).toContain(h);
      expect(opened.data.ledger).toEqual([{ id: h === a ? 'variant-0' : 'variant-1' }]);
      expect(await readdir(join(inst.dir, 'gens'))).toHaveLength(1);
      seen.push(h === a ? 'A' : 'B');
    }
    // Both states were hit, so the kills did land at different moments of the loop.
    expect(new Set(seen).size).toBe(2);
    // Some kills landed inside a save (two generations on disk): those are the cases that matter.
    expect(midSave).toBeGreaterThan(0);
    console.log(`kill test: ${KILLS} kills, ${midSave} inside a save, states ${seen.join('')}`);
  }, 240_000);
});
