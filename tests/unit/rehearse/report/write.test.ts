import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../../server/common/errors.ts';
import { writeReport } from '../../../../server/rehearse/report/write.ts';
import { buildContext, failingResult } from './fixture.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'understudy-report-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeReport', () => {
  it('writes the five files into a new directory and returns their paths', async () => {
    const target = join(dir, 'reports', 'latest');
    const ctx = buildContext(target);
    const r = failingResult(ctx);
    const files = await writeReport(target, r, ctx);
    expect(files.map((f) => f.slice(target.length + 1)).sort()).toEqual(['index.html', 'junit.xml', 'result.json', 'runbook.md', 'summary.md']);
    expect((await readdir(target)).sort()).toEqual(['index.html', 'junit.xml', 'result.json', 'runbook.md', 'summary.md']);
    expect(JSON.parse(await readFile(join(target, 'result.json'), 'utf8'))).toEqual(r);
    expect(await readFile(join(target, 'summary.md'), 'utf8')).toMatch(/^❌/);
  });

  it('leaves other files alone and replaces its own', async () => {
    await mkdir(join(dir, 'traces'));
    await writeFile(join(dir, 'traces', 'trace.zip'), 'zip');
    await writeFile(join(dir, 'notes.txt'), 'mine');
    await writeFile(join(dir, 'summary.md'), 'old summary');
    const ctx = buildContext(dir);
    await writeReport(dir, failingResult(ctx), ctx);
    expect(await readFile(join(dir, 'traces', 'trace.zip'), 'utf8')).toBe('zip');
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(await readFile(join(dir, 'summary.md'), 'utf8')).not.toBe('old summary');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['index.html', 'junit.xml', 'notes.txt', 'result.json', 'runbook.md', 'summary.md', 'traces']);
  });

  it('names the directory when it cannot write there, and leaves no temporary file', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a directory');
    const ctx = buildContext(blocker);
    const err = await writeReport(join(blocker, 'report'), failingResult(ctx), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain(`cannot write the report to '${join(blocker, 'report')}'`);
    expect(await readdir(dir)).toEqual(['a-file']);
  });

  it('writes nothing when rendering fails', async () => {
    const ctx = buildContext(dir);
    const broken = { ...failingResult(ctx), steps: null } as unknown as ReturnType<typeof failingResult>;
    await expect(writeReport(dir, broken, ctx)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });
});
