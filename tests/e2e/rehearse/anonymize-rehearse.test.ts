/**
 * An anonymised clone rehearses green: anonymise fixtures/acme, write it, and run `npm run rehearse`
 * on it with the shipped migrations and the bundled specs of tests/regression, unchanged: they name
 * their personas by what they are (`admin`, `group:triage`), not by names the anonymiser replaces.
 * Slow (the rehearsal drives Chromium): about two minutes.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymizeSnapshot } from '../../../server/clone/anonymize/index.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { writeSnapshot } from '../../../server/store/snapshot-write.ts';
import { REPO } from '../../helpers/migrate-cli.ts';
import { rehearseGreen, scratchDir } from '../../helpers/rehearse-cli.ts';

let dir: string;
let snapshot: string;
let names: string[] = [];

beforeAll(async () => {
  dir = await scratchDir();
  const s = await readSnapshot(resolve(REPO, 'fixtures/acme'));
  names = s.config!.users.filter((u) => !u.serviceAccount).map((u) => u.displayName);
  const out = anonymizeSnapshot(
    { config: s.config!, issues: s.issues, integrations: s.integrations.map((i) => i.data) },
    { key: createHash('sha256').update('https://acme.atlassian.net').digest('hex') },
  );
  const { $schema: _s, formatVersion: _f, issues: _i, contentHashes: _c, canonicalHash: _h, ...manifest } = s.manifest!;
  snapshot = join(dir, 'snapshot');
  await writeSnapshot(snapshot, {
    manifest,
    config: out.config,
    issues: out.issues,
    integrations: out.integrations!.map((data, n) => ({ file: s.integrations[n]!.file, data })),
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('the bundled specs name no person of the snapshot', async () => {
  const folder = resolve(REPO, 'tests/regression');
  for (const f of (await readdir(folder)).filter((n) => n.endsWith('.ts'))) {
    const text = await readFile(join(folder, f), 'utf8');
    for (const name of names) expect(text, `${f} names ${name}`).not.toContain(name);
  }
});

it('npm run rehearse on the anonymised acme with the shipped migrations and specs: exit 0, no failing test, rollback proven', async () => {
  const report = join(dir, 'report');
  const result = await rehearseGreen(['--snapshot', snapshot], report);
  expect(result.hazards).toEqual([]);
}, 600_000);
