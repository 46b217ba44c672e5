/** The one atomic write: whole files or none, no temporary file left behind, several files renamed in order. */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../../server/common/atomic-write.ts';

const dir = () => mkdtemp(join(tmpdir(), 'understudy-atomic-'));

describe('writeFileAtomic', () => {
  it.each([true, false])('replaces a file and leaves nothing else (durable: %s)', async (durable) => {
    const d = await dir();
    await writeFile(join(d, 'a.json'), 'old');
    await writeFileAtomic(join(d, 'a.json'), 'new', { durable });
    expect(await readFile(join(d, 'a.json'), 'utf8')).toBe('new');
    expect(await readdir(d)).toEqual(['a.json']);
  });

  it('two writes of one file at once both finish, and one of them wins whole', async () => {
    const d = await dir();
    await Promise.all([writeFileAtomic(join(d, 'x'), 'first'.repeat(1000)), writeFileAtomic(join(d, 'x'), 'second'.repeat(1000))]);
    expect(['first'.repeat(1000), 'second'.repeat(1000)]).toContain(await readFile(join(d, 'x'), 'utf8'));
    expect(await readdir(d)).toEqual(['x']);
  });
});

describe('writeFilesAtomic', () => {
  it('a failure before the renames changes no file and leaves no temporary one', async () => {
    const d = await dir();
    await writeFile(join(d, 'summary.md'), 'old summary');
    const files = [
      { path: join(d, 'summary.md'), data: 'new summary' },
      { path: join(d, 'missing-dir', 'result.json'), data: '{}' },
    ];
    await expect(writeFilesAtomic(files)).rejects.toThrow(/ENOENT/);
    expect(await readFile(join(d, 'summary.md'), 'utf8')).toBe('old summary');
    expect(await readdir(d)).toEqual(['summary.md']);
  });

  it('puts every file in place', async () => {
    const d = await dir();
    await writeFilesAtomic(['a', 'b', 'c'].map((n) => ({ path: join(d, n), data: n.toUpperCase() })));
    expect(await Promise.all(['a', 'b', 'c'].map((n) => readFile(join(d, n), 'utf8')))).toEqual(['A', 'B', 'C']);
    expect((await readdir(d)).sort()).toEqual(['a', 'b', 'c']);
  });
});
