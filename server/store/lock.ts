/**
 * One lock per instance: lock.json records who holds it. Taken by linking a complete temporary
 * file into place (link fails if the lock exists), so a lock file is never half written.
 * A stale lock (its process is gone) is never taken over silently: `npm run migrate:unlock`
 * (clearStaleLock) clears it once its owner is provably dead — a pid not running on this host.
 * A holder releases its lock however its process ends short of kill -9 (common/exit-hooks.ts): the
 * process writes nothing after that, so the instance stays as its last completed save left it.
 */
import { readFileSync, rmSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { onProcessEnd } from '../common/exit-hooks.ts';
import { fsUserError } from '../common/fs-errors.ts';
import { HOST, pidAlive } from './durable-fs.ts';
import { LOCK, readMarker } from './instance-layout.ts';

export interface LockInfo {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

/** The command that clears a stale lock, as a message names it. */
export const unlockCommand = (instanceDir: string): string => `npm run migrate:unlock -- --instance ${instanceDir}`;

export const readLock = async (instanceDir: string): Promise<LockInfo | undefined> => {
  const text = await readFile(join(instanceDir, LOCK), 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw fsUserError(e, { path: join(instanceDir, LOCK), action: 'read the lock' });
  });
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

export const describeLock = (l: LockInfo) => `pid ${l.pid} on ${l.host} since ${l.since} for '${l.purpose}'`;

/** What a stale lock means and the way out, for every message that meets one. */
export const staleLockAdvice = (instanceDir: string): string =>
  `it stopped without releasing it (killed?); the instance is as its last completed save left it (npm run migrate:status -- --instance ${instanceDir} shows it, even now); clear the lock with: ${unlockCommand(instanceDir)}`;

const refuse = (instanceDir: string, lock: LockInfo): UserError => {
  const path = join(instanceDir, LOCK);
  const state = lockState(lock);
  if (state === 'stale') {
    return new UserError(`instance '${instanceDir}' has a stale lock: ${describeLock(lock)}, and that process is no longer running`, {
      details: [staleLockAdvice(instanceDir)],
    });
  }
  return new UserError(`instance '${instanceDir}' is locked by ${describeLock(lock)}`, {
    details: [
      state === 'mine'
        ? 'this process already holds it: release it first'
        : lock.host !== HOST
          ? `it was taken on another host (${lock.host}), which cannot be checked from here: wait for it, or stop it there; if it is gone, delete '${path}'`
          : 'wait for it to finish, or stop that process',
    ],
  });
};

/** Removes the lock file if it is still the one `mine` wrote; synchronous, for the way out of a process. */
const removeIfMineSync = (instanceDir: string, mine: LockInfo): void => {
  const path = join(instanceDir, LOCK);
  let now: LockInfo;
  try {
    now = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return;
  }
  if (now.pid === mine.pid && now.host === mine.host && now.since === mine.since) rmSync(path, { force: true });
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
  const forget = onProcessEnd(() => removeIfMineSync(instanceDir, mine));
  return async () => {
    if (released) return;
    released = true;
    forget();
    const now = await readLock(instanceDir).catch(() => undefined);
    if (now && now.pid === mine.pid && now.host === mine.host && now.since === mine.since) await rm(join(instanceDir, LOCK), { force: true });
  };
};

/**
 * Removes a stale lock: one whose owner is provably dead (recorded on this host, and its pid is not
 * running). Refuses a live owner and one on another host (which cannot be checked from here).
 * Returns the lock removed, if any.
 */
export const clearStaleLock = async (instanceDir: string): Promise<LockInfo | undefined> => {
  const lock = await readLock(instanceDir);
  if (!lock) return undefined;
  const state = lockState(lock);
  if (state === 'held' && lock.host !== HOST)
    throw new UserError(
      `cannot unlock instance '${instanceDir}': its lock was taken by pid ${lock.pid} on another host (${lock.host}), which cannot be checked from here`,
      {
        details: [`stop the command on ${lock.host} if it still runs; if it is gone, delete '${join(instanceDir, LOCK)}' by hand`],
      },
    );
  if (state !== 'stale')
    throw new UserError(`cannot unlock instance '${instanceDir}': it is locked by ${describeLock(lock)}, and that process is still running`, {
      details: [
        state === 'mine' ? 'this process holds it: it is released when the command ends' : 'wait for it to finish, or stop that process first',
      ],
    });
  await rm(join(instanceDir, LOCK), { force: true });
  return lock;
};

/** Throws when another live process holds the lock (writers call it before saving). */
export const assertNotLockedByOther = async (instanceDir: string): Promise<void> => {
  const lock = await readLock(instanceDir);
  if (lock && lockState(lock) === 'held') throw refuse(instanceDir, lock);
};
