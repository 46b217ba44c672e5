import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { fsWords, isFsError } from '../common/fs-errors.ts';
import { readRegularFile } from '../common/read-regular.ts';

export const sha256 = (data: string | Buffer): string => `sha256:${createHash('sha256').update(data).digest('hex')}`;

export const writeJson = (path: string, value: unknown): Promise<void> => writeFile(path, `${JSON.stringify(value, null, 2)}\n`);

/** Serialises issues (or any records) as NDJSON: one JSON document a line. */
export const toNdjson = (records: readonly unknown[]): string => {
  let out = '';
  for (const r of records) out += `${JSON.stringify(r)}\n`;
  return out;
};

export type ParseResult<T> = { ok: true; value: T; bytes: Buffer } | { ok: false; message: string };

/** Why a file could not be read, in words (`file is missing`, `is not a regular file (a FIFO…)`, `cannot be read: permission denied`). */
export const unreadable = (e: unknown): string => {
  if (!isFsError(e)) return `cannot be read (${(e as NodeJS.ErrnoException)?.code ?? String(e)})`;
  if (e.code === 'ENOENT') return 'file is missing';
  if (e.code === 'ENOTREG') return fsWords(e.code).what;
  return `cannot be read: ${fsWords(e.code).what}`;
};

/** Reads and parses a JSON file; a missing file, one that is not a regular file or malformed JSON is a message, never a throw. */
export const readJsonFile = async <T = unknown>(path: string): Promise<ParseResult<T>> => {
  let bytes: Buffer;
  try {
    bytes = await readRegularFile(path);
  } catch (e) {
    return { ok: false, message: unreadable(e) };
  }
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8')) as T, bytes };
  } catch (e) {
    return { ok: false, message: `is not valid JSON: ${(e as Error).message}` };
  }
};

/** Calls `fn` with each non-empty line of NDJSON text and its 1-based line number. */
export const eachLine = (text: string, fn: (line: string, number: number) => void): void => {
  let start = 0;
  let number = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    number++;
    if (end > start) fn(text.slice(start, end), number);
    start = end + 1;
  }
};

/** Parses NDJSON; a bad line is reported with its line number; `blank` counts the lines of only spaces that were skipped. */
export const parseNdjson = (text: string): { records: unknown[]; errors: { line: number; message: string }[]; blank: number } => {
  const records: unknown[] = [];
  const errors: { line: number; message: string }[] = [];
  let blank = 0;
  eachLine(text, (chunk, line) => {
    if (!chunk.trim()) {
      blank++;
      return;
    }
    try {
      records.push(JSON.parse(chunk));
    } catch (e) {
      errors.push({ line, message: (e as Error).message });
    }
  });
  return { records, errors, blank };
};
