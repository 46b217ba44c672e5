import { spawn, spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../../server/common/errors.ts';
import { acquireLock, clearStaleLock, createInstance, readLock } from '../../../server/store/index.ts';
import { makeSnapshot, tempDir } from '../../unit/store/helpers/temp.ts';

const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid!;
const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
afterAll(() => {
  live.kill();
});

const setup = async () => {
  const root = await tempDir();
  const inst = await createInstance(await makeSnapshot(join(root, 'snap'), 5, 100), join(root, 'inst'));
  return inst;
};
const plant = (dir: string, pid: number, host = hostname()) =>
  writeFile(join(dir, 'lock.json'), JSON.stringify({ pid, host, since: '2024-05-01T10:00:00.000Z', purpose: 'migrate:up' }));

describe('instance lock', () => {
  it('records the holder and is released', async () => {
    const inst = await setup();
    const release = await acquireLock(inst.dir, 'rehearse');
    const lock = await readLock(inst.dir);
    expect(lock).toMatchObject({ pid: process.pid, host: hostname(), purpose: 'rehearse' });
    expect(Date.parse(lock!.since)).not.toBeNaN();
    await expect(acquireLock(inst.dir, 'again')).rejects.toThrow(/locked by pid \d+ .* for 'rehearse'/);
    await release();
    await release();
    expect(await readLock(inst.dir)).toBeUndefined();
    const again = await acquireLock(inst.dir, 'second');
    await again();
  });

  const cases: [string, () => number, string | undefined, RegExp][] = [
    ['held by a live process', () => live.pid!, undefined, /locked by pid \d+ on .* for 'migrate:up'/],
    ['held on another host', () => 1, 'elsewhere.example', /locked by pid 1 on elsewhere\.example/],
    ['stale (its process is gone)', deadPid, undefined, /stale lock: pid \d+ .*no longer running/],
  ];
  it.each(cases)('refuses a lock %s, naming holder and purpose', async (_name, pid, host, message) => {
    const inst = await setup();
    await plant(inst.dir, pid(), host);
    const err = await acquireLock(inst.dir, 'mine').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).message).toMatch(message);
    expect(JSON.parse(await readFile(join(inst.dir, 'lock.json'), 'utf8'))).toMatchObject({ purpose: 'migrate:up' });
  });

  it('clears a stale lock only explicitly, and never a live one', async () => {
    const inst = await setup();
    await plant(inst.dir, deadPid());
    const err = (await acquireLock(inst.dir, 'x').catch((e: unknown) => e)) as UserError;
    expect(err.details.join(' ')).toMatch(/npm run migrate:unlock -- --instance /);
    expect(await clearStaleLock(inst.dir)).toMatchObject({ purpose: 'migrate:up' });
    const release = await acquireLock(inst.dir, 'after clearing');
    await expect(clearStaleLock(inst.dir)).rejects.toThrow(/already holds it|locked by/);
    await release();
    await plant(inst.dir, live.pid!);
    await expect(clearStaleLock(inst.dir)).rejects.toThrow(/locked by pid/);
  });

  it('refuses to save while another live process holds the lock', async () => {
    const inst = await setup();
    await plant(inst.dir, live.pid!);
    inst.data.config.tracker.title = 'changed';
    await expect(inst.save()).rejects.toThrow(/locked by pid/);
  });

  it('refuses to lock a directory that is not an instance', async () => {
    const root = await tempDir();
    await expect(acquireLock(root, 'x')).rejects.toThrow(/not an Understudy instance/);
  });
});
