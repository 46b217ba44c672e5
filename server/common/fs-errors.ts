/**
 * File-system errors a user causes (a path that does not exist, a file where a folder should be, a
 * full or read-only disk, no permission) as one message that names the path and what to do. The
 * commands map them where they know the path the user gave; the command runner maps any left over,
 * so none of them is reported as an internal error.
 */
import { UserError } from './errors.ts';

const WORDS = {
  ENOENT: ['does not exist', 'check the path (every folder on the way must exist and be a folder)'],
  EACCES: ['permission denied', 'give this user access to it, or choose another path'],
  EPERM: ['the operation is not permitted there', 'choose a path this user may write, outside system folders'],
  EEXIST: ['already exists', 'choose another path, or remove what is there'],
  ENOTDIR: ['a part of the path is not a folder', 'check the path: a file stands where a folder is expected'],
  EISDIR: ['is a folder, not a file', 'name a file, not a folder'],
  ENAMETOOLONG: ['the name is too long for the file system', 'use a shorter path or name'],
  ENOSPC: ['the disk is full', 'free some space on that disk, or choose a path on another one'],
  EDQUOT: ['the disk quota is exhausted', 'free some space, or choose a path on another disk'],
  EROFS: ['the file system is read-only', 'choose a path on a writable disk'],
  ELOOP: ['the path has too many symbolic links (a loop?)', 'check the symbolic links on the way'],
  EMFILE: ['too many files are open', 'raise the limit of open files (ulimit -n) and try again'],
  EBUSY: ['it is busy (in use by another program)', 'close what uses it, or choose another path'],
  // Ours, for what Node reports with a code that misleads: a file where a folder is wanted, a FIFO where a file is.
  ENOTFOLDER: ['it is a file, not a folder', 'choose a folder, or move the file out of the way'],
  ENOTREG: ['is not a regular file (a FIFO, a device or a socket?)', 'replace it with a regular file'],
} as const satisfies Record<string, readonly [string, string]>;

export type FsErrorCode = keyof typeof WORDS;

/** What a system call was doing, in words. */
const VERBS: Record<string, string> = {
  open: 'open',
  read: 'read',
  write: 'write',
  mkdir: 'create the folder',
  mkdtemp: 'create a temporary folder in',
  rmdir: 'remove',
  rm: 'remove',
  unlink: 'remove',
  rename: 'rename',
  link: 'link',
  symlink: 'link',
  scandir: 'list the folder',
  opendir: 'list the folder',
  stat: 'read',
  lstat: 'read',
  access: 'read',
  copyfile: 'copy',
  fsync: 'write',
  chmod: 'change',
};

export interface FsError extends Error {
  code: FsErrorCode;
  syscall?: string;
  path?: string;
  dest?: string;
}

/** Whether `e` is a file-system error a user can cause (an errno this module has words for). */
export const isFsError = (e: unknown): e is FsError =>
  e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string' && Object.hasOwn(WORDS, (e as NodeJS.ErrnoException).code!);

/** The words for a code: what is wrong and how to fix it. */
export const fsWords = (code: FsErrorCode): { what: string; fix: string } => ({ what: WORDS[code][0], fix: WORDS[code][1] });

/** An error as Node makes them, for refusals of our own (a FIFO where a file is expected). */
export const fsError = (code: FsErrorCode, syscall: string, path: string): FsError =>
  Object.assign(new Error(`${code}: ${WORDS[code][0]}, ${syscall} '${path}'`), { code, syscall, path }) as FsError;

export interface FsMessageOptions {
  /** The path as the user gave it (default: the error's own path). */
  path?: string;
  /** What was being done, e.g. `create the instance` (default: from the system call). */
  action?: string;
  /** A better way out than the generic one. */
  fix?: string;
}

/**
 * One message for a file-system error: `cannot <action> '<path>': <what is wrong>`, with the fix
 * below. Anything that is not such an error is returned unchanged.
 */
export const fsUserError = (e: unknown, o: FsMessageOptions = {}): unknown => {
  if (!isFsError(e)) return e;
  const { what, fix } = fsWords(e.code);
  const path = o.path ?? e.path ?? '(a path)';
  const action = o.action ?? VERBS[e.syscall ?? ''] ?? 'use';
  return new UserError(`cannot ${action} '${path}': ${what}`, { details: [o.fix ?? fix], cause: e });
};

/** Runs `fn`; a file-system error it throws becomes the message of fsUserError. */
export const mappingFsErrors = async <T>(fn: () => Promise<T>, o: FsMessageOptions | ((e: FsError) => FsMessageOptions) = {}): Promise<T> => {
  try {
    return await fn();
  } catch (e) {
    throw isFsError(e) ? fsUserError(e, typeof o === 'function' ? o(e) : o) : e;
  }
};
