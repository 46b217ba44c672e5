/**
 * One apply, migrate:down or migrate:status --url per site at a time: `lock.json` in the site's
 * folder, taken by linking a complete file into place. A lock whose process is gone (a `kill -9`)
 * is taken over, and said: the journal, not the lock, says where that run stopped.
 */
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { HOST, pidAlive } from '../store/index.ts';

interface SiteLock {
  pid: number;
  host: string;
  since: string;
  purpose: string;
}

export const lockSite = async (dir: string, purpose: string, note: (line: string) => void): Promise<() => Promise<void>> => {
  await mkdir(dir, { recursive: true });
  const mine: SiteLock = { pid: process.pid, host: HOST, since: new Date().toISOString(), purpose };
  const file = join(dir, 'lock.json');
  const tmp = join(dir, `.lock.${process.pid}.${Date.now()}.tmp`);
  await writeFile(tmp, `${JSON.stringify(mine)}\n`);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(tmp, file);
        break;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw e;
        const held = await readFile(file, 'utf8')
          .then((t) => JSON.parse(t) as SiteLock)
          .catch(() => undefined);
        if (held && (held.host !== HOST || pidAlive(held.pid))) {
          throw new UserError(`${dir} is in use by pid ${held.pid} on ${held.host} since ${held.since} (${held.purpose})`, {
            details: [
              'one apply or migrate:down per site at a time: wait for it to finish',
              `if that process is gone (another host cannot be checked), delete ${file}`,
            ],
          });
        }
        if (held) note(`note: taking over the lock of pid ${held.pid} (${held.purpose} since ${held.since}), which is no longer running`);
        await rm(file, { force: true });
      }
    }
  } finally {
    await rm(tmp, { force: true });
  }
  return async () => {
    const now = await readFile(file, 'utf8')
      .then((t) => JSON.parse(t) as SiteLock)
      .catch(() => undefined);
    if (now && now.pid === mine.pid && now.since === mine.since) await rm(file, { force: true });
  };
};
