import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { writeSnapshot } from '../../../../server/store/snapshot-write.ts';
import { readSnapshot } from '../../../../server/store/snapshot-read.ts';
import { tinyConfig, tinyIssues } from './tiny-tracker.ts';

/** A temporary directory removed after the test file. */
export const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'understudy-store-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  return dir;
};

export const makeSnapshot = async (dir: string, issues = 45, shardSize = 20): Promise<string> => {
  await writeSnapshot(
    dir,
    {
      manifest: {
        kind: 'fixture',
        name: 'tiny',
        createdAt: '2024-01-01T00:00:00.000Z',
        source: { type: 'generator', seed: 1 },
        counts: { issues, statuses: 3 },
        productionTotals: { issues },
        notContained: ['attachments'],
      },
      config: tinyConfig(),
      issues: tinyIssues(issues),
    },
    { shardSize },
  );
  return dir;
};

/** sha256 of every file of a snapshot, to prove it was not written. */
export const snapshotFileHashes = async (dir: string): Promise<Record<string, string>> => (await readSnapshot(dir)).fileHashes;
