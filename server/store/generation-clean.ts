/**
 * Removes generations that are not current: older ones (left by a kill after the pointer switch)
 * and newer unfinished ones whose writer is gone (left by a kill before it). A newer generation
 * whose writer still runs is left alone, so opening never disturbs a save in progress.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST, pidAlive } from './durable-fs.ts';
import { GENS, genDir, genNumber, WRITER } from './instance-layout.ts';

export const cleanGenerations = async (instanceDir: string, current: string): Promise<string[]> => {
  const currentN = genNumber(current) ?? 0;
  const names = await readdir(join(instanceDir, GENS)).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (name === current) continue;
    const n = genNumber(name);
    if (n !== undefined && n > currentN) {
      const writer = await readFile(join(genDir(instanceDir, name), WRITER), 'utf8').then(
        (t) => JSON.parse(t) as { pid: number; host: string },
        () => undefined,
      );
      if (writer && (writer.host !== HOST || (writer.pid !== process.pid && pidAlive(writer.pid)))) continue;
    }
    await rm(genDir(instanceDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  // Temporary pointer files left by a kill during the switch.
  for (const name of await readdir(instanceDir))
    if (name.startsWith('.CURRENT.') && name.endsWith('.tmp')) await rm(join(instanceDir, name), { force: true });
  return removed;
};
