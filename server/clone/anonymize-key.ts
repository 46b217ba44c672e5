/**
 * The secret the anonymiser is keyed with. It must not be derivable from the snapshot (the source
 * URL is in the manifest: a key made from it would let anyone rebuild the word and persona tables
 * and read the text back), yet the same production should get the same personas every time. So:
 * UNDERSTUDY_ANON_KEY when set (CI), else a random key per site kept on this machine in
 * `.understudy/anonymize-keys/`, created on the first clone of that site and never written to a snapshot.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../common/errors.ts';

export const KEY_DIR = join('.understudy', 'anonymize-keys');

export interface AnonKey {
  key: string;
  where: string;
  created: boolean;
}

const originOf = (url: string): string => {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
};

export const anonymizeKeyFor = async (url: string, env: NodeJS.ProcessEnv, cwd = process.cwd()): Promise<AnonKey> => {
  const site = originOf(url);
  const secret = env.UNDERSTUDY_ANON_KEY;
  if (secret !== undefined) {
    if (secret.length < 32)
      throw new UserError('UNDERSTUDY_ANON_KEY is too short to keep anonymised snapshots from being reversed', {
        details: ['set it to at least 32 random characters, e.g. the output of: openssl rand -hex 32'],
      });
    return { key: createHash('sha256').update(`${secret}\n${site}`).digest('hex'), where: 'UNDERSTUDY_ANON_KEY', created: false };
  }
  const dir = resolve(cwd, KEY_DIR);
  const file = join(dir, `${createHash('sha256').update(site).digest('hex').slice(0, 24)}.key`);
  const shown = join(KEY_DIR, file.slice(dir.length + 1));
  await mkdir(dir, { recursive: true });
  const fresh = randomBytes(32).toString('hex');
  try {
    // 'wx': only the first clone of a site creates its key; a concurrent one reads the winner's.
    await writeFile(file, `${fresh}\n`, { flag: 'wx', mode: 0o600 });
    return { key: fresh, where: shown, created: true };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new UserError(`cannot keep the anonymising key in ${shown} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
        details: ['make .understudy/ writable, or set UNDERSTUDY_ANON_KEY'],
      });
  }
  const key = (await readFile(file, 'utf8')).trim();
  if (!/^[0-9a-f]{64}$/.test(key))
    throw new UserError(`${shown} does not hold an anonymising key`, {
      details: ['remove the file to make a new one (clones of this site will then get other personas), or set UNDERSTUDY_ANON_KEY'],
    });
  return { key, where: shown, created: false };
};
