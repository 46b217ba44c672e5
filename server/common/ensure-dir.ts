/**
 * `mkdir -p` without Node's `mkdir(dir, { recursive: true })`, which never returns for a path under
 * /proc (it retries ENOENT forever). Each missing folder is made once, from the top down; the first
 * failure is thrown as Node reports it (a file in the way is ENOTFOLDER), for fs-errors.ts to word.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fsError } from './fs-errors.ts';

const isDir = (path: string): Promise<boolean> =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

const makeOne = async (dir: string): Promise<'made' | 'missing-parent'> => {
  try {
    await mkdir(dir);
    return 'made';
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (await isDir(dir)) return 'made';
      throw fsError('ENOTFOLDER', 'mkdir', dir);
    }
    if (code === 'ENOENT') return 'missing-parent';
    throw e;
  }
};

/** Makes `dir` and the folders above it that are missing; `dir` as given is named in errors. */
export const ensureDir = async (dir: string): Promise<void> => {
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    if ((await makeOne(at)) === 'made') break;
    missing.push(at);
    const up = dirname(at);
    if (up === at) throw fsError('ENOENT', 'mkdir', dir);
    at = up;
  }
  // From the top down: a folder that still cannot be made is an error, never a retry.
  for (const d of missing.reverse()) {
    try {
      await mkdir(d);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && (await isDir(d))) continue;
      throw code === 'ENOENT' || code === 'EEXIST' ? fsError(code === 'EEXIST' ? 'ENOTFOLDER' : 'ENOENT', 'mkdir', d) : e;
    }
  }
};
