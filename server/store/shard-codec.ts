/**
 * How records become NDJSON shard text and back. Records are written with sorted keys, so that a
 * loaded record is already canonical and hashing it takes the native JSON.stringify fast path.
 */
import { createHash } from 'node:crypto';
import { UserError } from '../common/errors.ts';
import { canonicalJson, classify, prototypesClean, READY, sortedClone, UNSORTED } from '../common/canonical-json.ts';
import { eachLine } from './json-files.ts';

/** One record as stored: JSON semantics (toJSON, dropped functions) with keys in canonical order. */
export const storageJson = (record: unknown): string => {
  const c = classify(record);
  if (c === READY) return JSON.stringify(record);
  if (c === UNSORTED) return JSON.stringify(sortedClone(record));
  const plain = JSON.stringify(record);
  return plain === undefined ? 'null' : canonicalJson(JSON.parse(plain));
};

/**
 * The NDJSON text of records[start, end). With `canonical`, each record's canonical JSON (what the
 * canonical hash covers) is handed over too: for plain JSON data it is the very line written, so
 * one serialisation serves the file and the hash; anything else is serialised both ways.
 */
export const shardText = (records: readonly unknown[], start: number, end: number, canonical?: (line: string) => void): string => {
  let out = '';
  // With toJSON on a prototype the native serialiser no longer gives the canonical text: serialise twice.
  const shared = canonical !== undefined && prototypesClean();
  for (let i = start; i < end; i++) {
    const record = records[i];
    if (!shared) {
      if (canonical) canonical(canonicalJson(record));
      out += `${storageJson(record)}\n`;
      continue;
    }
    const c = classify(record);
    const line = c === READY ? JSON.stringify(record) : c === UNSORTED ? JSON.stringify(sortedClone(record)) : undefined;
    canonical!(line ?? canonicalJson(record));
    out += `${line ?? storageJson(record)}\n`;
  }
  return out;
};

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
