/**
 * A fingerprint of the model's own sources (schemas, rules, the validator): a verdict recorded
 * under another fingerprint was given by other rules, so a cache of verdicts must not reuse it.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MODEL_DIR = dirname(fileURLToPath(import.meta.url));

let version: Promise<string> | undefined;

/** The sha256 of every .ts and .json file of the model, by path, read once per process. */
export const rulesVersion = (): Promise<string> => {
  version ??= (async () => {
    const hash = createHash('sha256');
    const files = (await readdir(MODEL_DIR, { recursive: true })).filter((f) => f.endsWith('.ts') || f.endsWith('.json')).sort();
    for (const f of files) hash.update(`${f}\n`).update(await readFile(join(MODEL_DIR, f)));
    return hash.digest('hex');
  })();
  return version;
};
