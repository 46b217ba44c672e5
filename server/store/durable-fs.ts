/** Small file-system helpers of the store: links (or copies), this host, live processes. Durable and atomic writes are server/common/atomic-write.ts. */
import { constants } from 'node:fs';
import { copyFile, link, rm } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Hard-links a file; copies it where links are impossible (another device, a file system without links). */
export const linkOrCopy = async (from: string, to: string): Promise<void> => {
  try {
    await link(from, to);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EMLINK') throw e;
    await copyFile(from, to);
  }
};

/**
 * Shares a file another directory owns: a copy-on-write clone where the file system makes them
 * (btrfs, XFS), else a hard link (safe while nobody modifies the file in place), else a copy.
 */
export const cloneOrLink = async (from: string, to: string): Promise<void> => {
  try {
    await copyFile(from, to, constants.COPYFILE_FICLONE_FORCE);
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    await rm(to, { force: true });
  }
  await linkOrCopy(from, to);
};

export const HOST = hostname();

/** Whether a process runs on this host (EPERM: it runs, under another user). */
export const pidAlive = (pid: number): boolean => {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};
