/**
 * One lock per instance: lock.json records who holds it. Taken by linking a complete temporary
 * file into place (link fails if the lock exists), so a lock file is never half written.
 * A stale lock (its process is gone) is never taken over silently: clear it with clearStaleLock.
 */
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { HOST, pidAlive } from './durable-fs.ts';
import { LOCK, readMarker } from './instance-layout.ts';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

export const readLock = async (instanceDir: string): Promise<LockInfo | undefined> => {
  const text = await readFile(join(instanceDir, LOCK), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as LockInfo;
  } catch {
    return { pid: 0, host: HOST, since: '?', purpose: '(unreadable lock file)' };
  }
};

/** 'held' by a live process (or one on another host, which cannot be checked), 'stale' when its process is gone. */
export const lockState = (lock: LockInfo): 'mine' | 'held' | 'stale' => {
  if (lock.host === HOST && lock.pid === process.pid) return 'mine';
  if (lock.host !== HOST || pidAlive(lock.pid)) return 'held';
  return 'stale';
};

const describe = (l: LockInfo) => `pid ${l.pid} on ${l.host} since ${l.since} for '${l.purpose}'`;

const refuse = (instanceDir: string, lock: LockInfo): UserError => {
  const path = join(instanceDir, LOCK);
  const state = lockState(lock);
  if (state === 'stale') {
    return new UserError(`instance '${instanceDir}' has a stale lock: ${describe(lock)}, and that process is no longer running`, {
      details: [
        `it may have stopped half way; check the instance (migrate:status), then clear the lock with clearStaleLock('${instanceDir}') or delete '${path}'`,
      ],
    });
  }
  return new UserError(`instance '${instanceDir}' is locked by ${describe(lock)}`, {
    details: [
      state === 'mine'
        ? 'this process already holds it: release it first'
        : `wait for it to finish, or stop that process; if it is gone (another host cannot be checked), delete '${path}'`,
    ],
  });
};

/** Takes the instance's lock; returns the release function (idempotent; removes only our own lock). */
export const acquireLock = async (instanceDir: string, purpose: string): Promise<() => Promise<void>> => {
  await readMarker(instanceDir);
  const mine: LockInfo = { pid: process.pid, host: HOST, since: new Date().toISOString(), purpose };
  const tmp = join(instanceDir, `.lock.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, `${JSON.stringify(mine)}\n`);
  try {
    await link(tmp, join(instanceDir, LOCK));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    const held = await readLock(instanceDir);
    throw held ? refuse(instanceDir, held) : new UserError(`instance '${instanceDir}' was locked and released meanwhile; try again`);
  } finally {
    await rm(tmp, { force: true });
  }
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    const now = await readLock(instanceDir);
    if (now && now.pid === mine.pid && now.host === mine.host && now.since === mine.since) await rm(join(instanceDir, LOCK), { force: true });
  };
};

/** Removes a stale lock (its process is gone); refuses a live or foreign one. Returns the lock removed, if any. */
export const clearStaleLock = async (instanceDir: string): Promise<LockInfo | undefined> => {
  const lock = await readLock(instanceDir);
  if (!lock) return undefined;
  if (lockState(lock) !== 'stale') throw refuse(instanceDir, lock);
  await rm(join(instanceDir, LOCK), { force: true });
  return lock;
};

/** Throws when another live process holds the lock (writers call it before saving). */
export const assertNotLockedByOther = async (instanceDir: string): Promise<void> => {
  const lock = await readLock(instanceDir);
  if (lock && lockState(lock) === 'held') throw refuse(instanceDir, lock);
};
