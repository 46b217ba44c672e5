/**
 * Opening the instance a migration command works on: created from the snapshot on first use (the
 * snapshot validated first, and never written), locked for the command's duration.
 */
import { userInfo, hostname } from 'node:os';
import { UserError } from '../../common/errors.ts';
import { formatProblem, hasErrors, validateSnapshotData } from '../../model/index.ts';
import {
  acquireLock,
  createInstance,
  type Instance,
  instanceExists,
  type LockInfo,
  lockState,
  openInstance,
  readLock,
  readSnapshot,
} from '../../store/index.ts';

export interface InstanceOptions {
  /** Instance directory (default `.understudy/instance`). */
  instance: string;
  /** Snapshot to create it from on first use (default `fixtures/acme`). */
  snapshot: string;
}

export interface Session {
  instance: Instance;
  created: boolean;
  /** Opened without the lock because its holder is dead (readUnderStaleLock): the lock it left. */
  staleLock?: LockInfo;
  release: () => Promise<void>;
}

/** Who applies: recorded in the ledger. */
export const operator = (): string => {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return `pid ${process.pid}@${hostname()}`;
  }
};

const createFromSnapshot = async (opts: InstanceOptions): Promise<Instance> => {
  const snap = await readSnapshot(opts.snapshot);
  const problems = validateSnapshotData(snap);
  if (hasErrors(problems)) {
    const errors = problems.filter((p) => p.severity === 'error');
    throw new UserError(`snapshot '${opts.snapshot}' is not valid (${errors.length} errors); the instance was not created`, {
      details: [
        ...errors.slice(0, 20).map(formatProblem),
        ...(errors.length > 20 ? [`… and ${errors.length - 20} more: run npm run validate -- --snapshot ${opts.snapshot}`] : []),
      ],
    });
  }
  return createInstance(opts.snapshot, opts.instance, { snapshot: snap });
};

/**
 * Takes the instance's lock, then loads it (so nothing saved by another process is missed); creates
 * it from the snapshot first when it does not exist. `release` frees the lock and the data.
 */
export const openSession = async (opts: InstanceOptions, purpose: string, how: { readUnderStaleLock?: boolean } = {}): Promise<Session> => {
  let created = false;
  let instance: Instance | undefined;
  if (!(await instanceExists(opts.instance))) {
    instance = await createFromSnapshot(opts);
    created = true;
  }
  if (how.readUnderStaleLock && !created) {
    // Nobody writes an instance whose lock holder is dead: reading it needs no lock (and leaves the stale one for migrate:unlock).
    const held = await readLock(opts.instance);
    if (held && lockState(held) === 'stale') {
      const opened = await openInstance(opts.instance);
      return { instance: opened, created, staleLock: held, release: async () => opened.close() };
    }
  }
  const unlock = await acquireLock(opts.instance, purpose);
  try {
    instance ??= await openInstance(opts.instance);
  } catch (e) {
    await unlock();
    throw e;
  }
  const opened = instance;
  return {
    instance: opened,
    created,
    release: async () => {
      await unlock();
      opened.close();
    },
  };
};
