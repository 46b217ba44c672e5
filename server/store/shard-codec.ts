/**
 * How records become NDJSON shard text and back. Records are written with sorted keys, so that a
 * loaded record is already canonical and hashing it takes the native JSON.stringify fast path.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.ts';
import { canonicalJson, classify, OTHER, READY, sortedClone, UNSORTED, withPlainJson } from '../model/index.ts';
import { eachLine } from './json-files.ts';
import type { ScratchBuffers } from './scratch-buffers.ts';

/** One record as stored: JSON semantics (toJSON, dropped functions) with keys in canonical order. */
export const storageJson = (record: unknown): string => withPlainJson(() => storageText(record));

const storageText = (record: unknown): string => {
  const c = classify(record);
  if (c === READY) return JSON.stringify(record);
  if (c === UNSORTED) return JSON.stringify(sortedClone(record));
  const plain = JSON.stringify(record);
  return plain === undefined ? 'null' : canonicalJson(JSON.parse(plain));
};

/**
 * The NDJSON bytes of records[start, end), written line by line into a scratch buffer (no shard-long
 * string: with a million issues loaded, such strings live long enough to reach the old generation
 * and every one of them costs a full garbage collection of the whole heap). With `diverging`,
 * records whose canonical JSON (what the canonical hash covers) is not the line written are listed
 * there, by position in the shard, with their canonical text: for plain JSON data the line written
 * is the canonical text, so one serialisation serves the file and the hash.
 */
export const encodeShard = (
  records: readonly unknown[],
  start: number,
  end: number,
  scratch: ScratchBuffers,
  diverging?: Map<number, string>,
): Buffer => withPlainJson(() => encodeLines(records, start, end, scratch, diverging));

const encodeLines = (records: readonly unknown[], start: number, end: number, scratch: ScratchBuffers, diverging?: Map<number, string>): Buffer => {
  // Runs inside withPlainJson: no prototype toJSON, so for plain data the native serialiser gives the canonical text.
  let buf = scratch.take(1 << 20);
  let at = 0;
  for (let i = start; i < end; i++) {
    const record = records[i];
    const c = classify(record);
    const line = c === READY ? JSON.stringify(record) : c === UNSORTED ? JSON.stringify(sortedClone(record)) : storageText(record);
    if (diverging && c === OTHER) {
      const canonical = canonicalJson(record);
      if (canonical !== line) diverging.set(i - start, canonical);
    }
    const need = line.length * 3 + 1; // UTF-8 takes at most 3 bytes per UTF-16 unit
    if (at + need > buf.length) buf = scratch.grow(at, at + need);
    at += buf.write(line, at, 'utf8');
    buf[at++] = 10;
  }
  return buf.subarray(0, at);
};

/** The lines of shard text with the diverging ones replaced by their canonical text. */
export const canonicalLines = (text: string, diverging: ReadonlyMap<number, string>): string[] => {
  const lines = text.split('\n');
  lines.pop();
  for (const [n, canonical] of diverging) lines[n] = canonical;
  return lines;
};

/**
 * The fingerprint records[start, end) would have as a snapshot writes them (one `JSON.stringify` a
 * line, keys in their own order: a `plain` shard), without building the shard's bytes.
 */
export const plainFingerprint = (records: readonly unknown[], start: number, end: number): string | undefined =>
  withPlainJson(() => {
    const hash = createHash('sha256');
    for (let i = start; i < end; i++) {
      const line = JSON.stringify(records[i]) as string | undefined;
      if (line === undefined) return undefined;
      hash.update(line).update('\n');
    }
    return hash.digest('hex');
  });

/** Fingerprint of a shard: sha256 of its bytes (fast with SHA-NI; collisions are not a concern). */
export const fingerprint = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Parses shard text written by the store; a damaged line is a UserError naming file and line. */
export const parseShardText = (text: string, file: string, into: unknown[]): void => {
  eachLine(text, (chunk, line) => {
    try {
      into.push(JSON.parse(chunk));
    } catch (e) {
      throw new UserError(`instance file '${file}' line ${line} is not valid JSON (${(e as Error).message})`, {
        details: ['the instance is damaged; recreate it from its snapshot'],
      });
    }
  });
};
