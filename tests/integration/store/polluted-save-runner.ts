/**
 * Saves an instance with `toJSON` on Object.prototype and prints the hashes as one JSON line. Run in a
 * child process by save-hashed.test.ts: while the prototype is polluted, the test runner's own
 * messages to its parent (JSON too) would be broken, and a save spans many of its ticks.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalHash } from '../../../server/model/hash.ts';
import { createInstance, openInstance } from '../../../server/store/index.ts';
import { writeSnapshot } from '../../../server/store/snapshot-write.ts';
import { tinyConfig, tinyIssues } from '../../unit/store/helpers/tiny-tracker.ts';

const root = await mkdtemp(join(tmpdir(), 'understudy-polluted-'));
try {
  await writeSnapshot(
    join(root, 'snap'),
    {
      manifest: {
        kind: 'fixture',
        name: 'tiny',
        createdAt: '2024-01-01T00:00:00.000Z',
        source: { type: 'generator', seed: 1 },
        counts: { issues: 12, statuses: 3 },
        productionTotals: { issues: 12 },
        notContained: ['attachments'],
      },
      config: tinyConfig(),
      issues: tinyIssues(12),
    },
    { shardSize: 5 },
  );
  const inst = await createInstance(join(root, 'snap'), join(root, 'inst'), { shardSize: 5 });
  const expected = canonicalHash(inst.data.config, inst.data.issues);
  Object.defineProperty(Object.prototype, 'toJSON', {
    value() {
      return 'polluted';
    },
    configurable: true,
  });
  let saved: string;
  let recorded: string | undefined;
  try {
    saved = await inst.saveHashed();
    recorded = inst.recordedHash();
  } finally {
    delete (Object.prototype as { toJSON?: unknown }).toJSON;
  }
  const reopened = await openInstance(inst.dir);
  process.stdout.write(
    `${JSON.stringify({ expected, saved, recorded: recorded ?? null, reloaded: reopened.hash(), summary: reopened.data.issues[0]?.summary ?? null })}\n`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
