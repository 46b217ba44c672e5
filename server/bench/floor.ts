/**
 * The floor: the least work any store must do with the same issues, shard by shard: read the
 * file, JSON.parse each line, JSON.stringify each issue, write the shard (without fsync).
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonFile } from '../store/index.ts';
import type { Manifest } from '../model/index.ts';

export interface Floor {
  seconds: number;
  cpu: number;
  issues: number;
  bytes: number;
}

export const measureFloor = async (snapshotDir: string, scratchDir: string): Promise<Floor> => {
  const manifest = await readJsonFile<Manifest>(join(snapshotDir, 'manifest.json'));
  if (!manifest.ok || manifest.value.issues.layout !== 'sharded') throw new Error(`bench snapshot '${snapshotDir}' is not sharded`);
  await rm(scratchDir, { recursive: true, force: true });
  await mkdir(scratchDir, { recursive: true });
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  let issues = 0;
  let bytes = 0;
  for (const [i, file] of manifest.value.issues.files.entries()) {
    const text = (await readFile(join(snapshotDir, file))).toString('utf8');
    bytes += text.length;
    const parsed: unknown[] = [];
    for (let s = 0; s < text.length; ) {
      let e = text.indexOf('\n', s);
      if (e === -1) e = text.length;
      if (e > s) parsed.push(JSON.parse(text.slice(s, e)));
      s = e + 1;
    }
    issues += parsed.length;
    let out = '';
    for (const issue of parsed) out += `${JSON.stringify(issue)}\n`;
    await writeFile(join(scratchDir, `${i}.ndjson`), out);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  await rm(scratchDir, { recursive: true, force: true });
  return { seconds, cpu: (cpu.user + cpu.system) / 1e6, issues, bytes };
};
