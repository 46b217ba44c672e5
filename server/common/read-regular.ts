/**
 * Reading a file the user named, refusing what is not a regular file: a FIFO (or a device) named
 * `config.json` would otherwise keep the read waiting for a writer forever.
 */
import { readFileSync, type Stats, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { fsError } from './fs-errors.ts';

/** Throws ENOTREG (fs-errors.ts) for a FIFO, a device or a socket, else Node's own errors (ENOENT, EISDIR, EACCES, …). */
export const assertRegularFile = async (path: string): Promise<void> => refuseIrregular(await stat(path), path);

const refuseIrregular = (st: Stats, path: string): void => {
  if (!st.isFile() && !st.isDirectory()) throw fsError('ENOTREG', 'open', path);
};

export async function readRegularFile(path: string): Promise<Buffer>;
export async function readRegularFile(path: string, encoding: 'utf8'): Promise<string>;
export async function readRegularFile(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  await assertRegularFile(path);
  return encoding ? readFile(path, encoding) : readFile(path);
}

/** readRegularFile for the few places that read synchronously (flags parsed before anything starts). */
export const readRegularFileSync = (path: string): string => {
  refuseIrregular(statSync(path), path);
  return readFileSync(path, 'utf8');
};
