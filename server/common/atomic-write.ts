/**
 * Writing files so that a reader (or a process killed half way) sees the old content or the new,
 * never a part: a temporary file beside each, flushed to disk, then renamed over it, then the
 * directory flushed. The one helper for it: the store's pointer and marker, the report, the notices,
 * the clone's saved answers. (Whole directories made current by one rename are the store's own.)
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

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

let written = 0;
/** A temporary name beside the file, unique in this process (two writes of one file may be in flight at once). */
const tempFor = (path: string): string => join(dirname(path), `.${basename(path)}.${process.pid}.${++written}.tmp`);

export interface AtomicOptions {
  /** Flush the files and their directories to disk (default); without it a crash may lose the write, never tear it. */
  durable?: boolean;
}

/**
 * Replaces several files: every new content is written to its temporary file first, then they are
 * renamed into place in the order given (the last one can say "the rest are there too"). On a
 * failure the temporary files are removed; files not yet renamed keep their old content.
 */
export const writeFilesAtomic = async (
  files: ReadonlyArray<{ path: string; data: string | Uint8Array }>,
  options: AtomicOptions = {},
): Promise<void> => {
  const durable = options.durable ?? true;
  const temps = files.map((f) => ({ ...f, temp: tempFor(f.path) }));
  try {
    for (const f of temps) {
      if (durable) await writeDurable(f.temp, f.data);
      else {
        const handle = await open(f.temp, 'w');
        try {
          await handle.writeFile(f.data);
        } finally {
          await handle.close();
        }
      }
    }
    for (const f of temps) await rename(f.temp, f.path);
  } catch (e) {
    await Promise.all(temps.map((f) => rm(f.temp, { force: true }).catch(() => undefined)));
    throw e;
  }
  if (durable) for (const dir of new Set(files.map((f) => dirname(f.path)))) await fsyncDir(dir);
};

/** Replaces one file atomically (see writeFilesAtomic). */
export const writeFileAtomic = (path: string, data: string | Uint8Array, options: AtomicOptions = {}): Promise<void> =>
  writeFilesAtomic([{ path, data }], options);
