/**
 * Bench snapshots made with the acme generator, cached in bench-data/. The cache key is the seed,
 * the issue count and a hash of the generator's sources, so a changed generator regenerates.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAcme } from '../fixtures/index.ts';
import { writeSnapshot } from '../store/index.ts';

const FIXTURES_DIR = resolve(fileURLToPath(new URL('../fixtures/', import.meta.url)));

/** A version of the generator: the hash of its source files (and of the snapshot writer it uses). */
export const generatorVersion = async (): Promise<string> => {
  const hash = createHash('sha256');
  const files = (await readdir(FIXTURES_DIR, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
  for (const f of files) hash.update(f).update(await readFile(join(FIXTURES_DIR, f)));
  hash.update(await readFile(fileURLToPath(new URL('../store/snapshot-write.ts', import.meta.url))));
  return hash.digest('hex').slice(0, 16);
};

export interface BenchSnapshot {
  dir: string;
  cached: boolean;
  seconds: number;
}

export const ensureAcmeSnapshot = async (dataDir: string, seed: number, issues: number): Promise<BenchSnapshot> => {
  const dir = join(dataDir, `acme-${issues}`);
  const keyFile = `${dir}.key`;
  const key = JSON.stringify({ seed, issues, generator: await generatorVersion() });
  if ((await readFile(keyFile, 'utf8').catch(() => '')) === key) return { dir, cached: true, seconds: 0 };
  const start = performance.now();
  await rm(keyFile, { force: true });
  await rm(dir, { recursive: true, force: true });
  const content = generateAcme({ seed, issues });
  await writeSnapshot(dir, content, { shardSize: 20_000 });
  await writeFile(keyFile, key);
  return { dir, cached: false, seconds: (performance.now() - start) / 1000 };
};
