/**
 * Verdicts of snapshots that validated, kept so that the same content is validated once. An entry
 * is named and keyed by the content hash: the sha256 of every file read (computed from the very
 * bytes that were parsed) and the fingerprint of the model's rules. It lives in a directory the
 * command owns (never in the snapshot), is sealed with an HMAC under a key kept beside it, and is
 * trusted only when its key, its files and its seal all agree; anything else is a miss, so the
 * snapshot is validated again. Only valid verdicts are kept: an invalid snapshot is always judged
 * afresh and refused with the same messages.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { defaultCacheDir, type Problem } from '../model/index.ts';

const SUBDIR = 'validated';
const SEAL_KEY = 'seal.key';
const FORMAT = 'understudy-validation';

/** `$UNDERSTUDY_CACHE_DIR`, else `$XDG_CACHE_HOME/understudy`, else `~/.cache/understudy` (the model's kept validators live there too). */
export { defaultCacheDir };

interface Entry {
  format: typeof FORMAT;
  formatVersion: 1;
  key: string;
  rules: string;
  files: Record<string, string>;
  /** The warnings validation reported (a cached verdict answers with the same problems). */
  warnings: Problem[];
  validatedAt: string;
  seal: string;
}

/** The content hash a verdict is keyed by: the files read, in the order read, and the rules' fingerprint. */
export const contentKey = (fileHashes: Readonly<Record<string, string>>, rules: string): string =>
  createHash('sha256')
    .update(JSON.stringify({ rules, files: Object.entries(fileHashes) }))
    .digest('hex');

const entryPath = (cacheDir: string, key: string) => join(cacheDir, SUBDIR, `${key}.json`);

const sealOf = (secret: Buffer, e: Omit<Entry, 'seal'>): string =>
  createHmac('sha256', secret)
    .update(JSON.stringify([e.format, e.formatVersion, e.key, e.rules, Object.entries(e.files), e.warnings, e.validatedAt]))
    .digest('hex');

/** The cache's secret; made once (created beside a temporary name and linked into place, so concurrent makers agree on one). */
const secretOf = async (cacheDir: string, create: boolean): Promise<Buffer | undefined> => {
  const path = join(cacheDir, SUBDIR, SEAL_KEY);
  const read = () => readFile(path).then((b) => (b.length === 32 ? b : undefined));
  const found = await read().catch(() => undefined);
  if (found || !create) return found;
  await mkdir(join(cacheDir, SUBDIR), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(tmp, randomBytes(32), { mode: 0o600 });
  try {
    await link(tmp, path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    await rm(tmp, { force: true });
  }
  return read();
};

const sameFiles = (a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean =>
  JSON.stringify(Object.entries(a)) === JSON.stringify(Object.entries(b));

/**
 * The warnings of a valid verdict recorded for exactly these files under these rules, or undefined
 * (no entry, an unreadable or tampered one, another key, another content, another secret).
 */
export const lookupValidated = async (
  cacheDir: string,
  fileHashes: Readonly<Record<string, string>>,
  rules: string,
): Promise<Problem[] | undefined> => {
  const key = contentKey(fileHashes, rules);
  const [text, secret] = await Promise.all([readFile(entryPath(cacheDir, key), 'utf8').catch(() => undefined), secretOf(cacheDir, false)]);
  if (text === undefined || !secret) return undefined;
  let e: Partial<Entry>;
  try {
    e = JSON.parse(text) as Partial<Entry>;
  } catch {
    return undefined;
  }
  if (e.format !== FORMAT || e.formatVersion !== 1 || e.key !== key || e.rules !== rules) return undefined;
  if (!e.files || typeof e.files !== 'object' || !sameFiles(e.files, fileHashes) || !Array.isArray(e.warnings)) return undefined;
  if (typeof e.seal !== 'string' || e.seal !== sealOf(secret, e as Entry)) return undefined;
  return e.warnings;
};

/** Records that these files validated under these rules (with their warnings). Written whole by one rename, so concurrent writers and readers are safe. */
export const recordValidated = async (
  cacheDir: string,
  fileHashes: Readonly<Record<string, string>>,
  rules: string,
  warnings: readonly Problem[],
): Promise<void> => {
  const secret = await secretOf(cacheDir, true);
  if (!secret) throw new Error(`the validation cache '${cacheDir}' has no usable ${SEAL_KEY}`);
  const body: Omit<Entry, 'seal'> = {
    format: FORMAT,
    formatVersion: 1,
    key: contentKey(fileHashes, rules),
    rules,
    files: { ...fileHashes },
    warnings: [...warnings],
    validatedAt: new Date().toISOString(),
  };
  const entry: Entry = { ...body, seal: sealOf(secret, body) };
  await writeFileAtomic(entryPath(cacheDir, body.key), `${JSON.stringify(entry, null, 1)}\n`, { durable: false });
};
