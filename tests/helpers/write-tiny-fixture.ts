/** Writes fixtures/tiny from the in-memory builder: `npx tsx tests/helpers/write-tiny-fixture.ts [DIR]`. */
import { writeSnapshot } from '../../server/store/snapshot-write.ts';
import { tinyContent } from './tiny-snapshot.ts';

const out = process.argv[2] ?? 'fixtures/tiny';
const manifest = await writeSnapshot(out, tinyContent(), { overwrite: true });
process.stdout.write(`wrote ${out} (${manifest.counts.issues ?? 0} issues, ${manifest.canonicalHash})\n`);
