/**
 * Writes fixtures/invalid/<case>/ from the table in invalid-cases.ts, each with an expected.txt
 * (one substring a line that `npm run validate` must print): `npx tsx tests/helpers/make-invalid-fixtures.ts [DIR]`.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { writeSnapshot } from '../../server/store/snapshot-write.ts';
import { INVALID_CASES, type InvalidCase } from './invalid-cases.ts';
import { tinyContent } from './tiny-snapshot.ts';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

/** After a file edit, the manifest records the new bytes: the case keeps exactly its one defect. */
const refreshHashes = async (dir: string): Promise<void> => {
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as { contentHashes: Record<string, string> };
  for (const file of Object.keys(manifest.contentHashes)) {
    const bytes = await readFile(join(dir, file)).catch(() => undefined);
    if (bytes) manifest.contentHashes[file] = sha(bytes);
  }
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
};

export const writeInvalidCase = async (root: string, c: InvalidCase): Promise<string> => {
  const dir = join(root, c.name);
  const content = tinyContent();
  c.mutate?.(content);
  await writeSnapshot(dir, content, { overwrite: true, shardSize: c.shardSize });
  if (c.after) {
    await c.after(dir);
    if (!c.keepHashes) await refreshHashes(dir);
  }
  await writeFile(join(dir, 'expected.txt'), `${c.expected.join('\n')}\n`);
  return dir;
};

const isMain = process.argv[1]?.endsWith('make-invalid-fixtures.ts');
if (isMain) {
  const root = process.argv[2] ?? 'fixtures/invalid';
  await rm(root, { recursive: true, force: true });
  for (const c of INVALID_CASES) await writeInvalidCase(root, c);
  process.stdout.write(`wrote ${INVALID_CASES.length} invalid snapshots under ${root}\n`);
}
