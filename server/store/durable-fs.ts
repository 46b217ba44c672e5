/** Small file-system helpers for crash safety: durable writes, directory fsync, links. */
import { copyFile, link, open, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Writes a new file and flushes it to disk before returning. */
export const writeDurable = async (path: string, data: string | Uint8Array): Promise<void> => {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Makes a directory's entries (new files, renames) durable. */
export const fsyncDir = async (dir: string): Promise<void> => {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
};

/** Replaces a small file atomically: temporary file, fsync, rename, fsync of the directory. */
export const replaceAtomic = async (dir: string, name: string, data: string): Promise<void> => {
  const tmp = `${dir}/.${name}.${process.pid}.tmp`;
  await writeDurable(tmp, data);
  try {
    await rename(tmp, `${dir}/${name}`);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
};

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
