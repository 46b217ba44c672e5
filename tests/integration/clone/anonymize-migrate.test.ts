/**
 * An anonymised clone still works: anonymise fixtures/acme, write it as a snapshot, and run the
 * real commands on it: `validate` (exit 0) and `migrate:verify` with the bundled migrations (each
 * migration up, down == start, up again == first up; exit 0). The bundled migrations name no person
 * (they change statuses, options, permissions, fields and versions), so they apply unchanged; a
 * change set that named somebody would be adapted through the report's `translate`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { anonymizeSnapshot } from '../../../server/clone/anonymize/index.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { writeSnapshot } from '../../../server/store/snapshot-write.ts';
import { collect, output, REPO, runMigrate } from '../../helpers/migrate-cli.ts';

let tmp: string;
let snapshot: string;
let sourceNames: string[];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'understudy-anon-migrate-'));
  const s = await readSnapshot(resolve(REPO, 'fixtures/acme'));
  sourceNames = s.config!.users.filter((u) => !u.serviceAccount).map((u) => u.displayName);
  const out = anonymizeSnapshot(
    { config: s.config!, issues: s.issues, integrations: s.integrations.map((i) => i.data) },
    { key: createHash('sha256').update('https://acme.atlassian.net').digest('hex') },
  );
  const { $schema: _s, formatVersion: _f, issues: _i, contentHashes: _c, canonicalHash: _h, ...manifest } = s.manifest!;
  snapshot = join(tmp, 'acme-anonymised');
  await writeSnapshot(snapshot, {
    manifest: { ...manifest, name: 'acme-anonymised', description: 'fixtures/acme, anonymised' },
    config: out.config,
    issues: out.issues,
    integrations: out.integrations!.map((data, n) => ({ file: s.integrations[n]!.file, data })),
  });
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

it('the bundled migrations name nobody from the snapshot, so they need no adapting', async () => {
  const dir = resolve(REPO, 'migrations');
  const files = (await readdir(dir)).filter((f) => /^\d.*\.(ts|js|mjs)$/.test(f));
  expect(files.length).toBe(6);
  const text = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
  expect(sourceNames.filter((n) => text.includes(n))).toEqual([]);
  expect(text).not.toMatch(/@acme\.example/);
});

it('npm run validate on the anonymised snapshot: exit 0', async () => {
  const r = await collect(
    spawn(process.execPath, ['--import', 'tsx', resolve(REPO, 'scripts/validate.ts'), '--snapshot', snapshot], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  expect(r.code, output(r)).toBe(0);
  expect(r.stdout).toMatch(/valid \(3,?000 issues/);
});

it('migrate:verify with the bundled migrations on the anonymised snapshot: exit 0, every migration reverts and reapplies', async () => {
  const r = await runMigrate('verify', ['--snapshot', snapshot, '--instance', join(tmp, 'instance'), '--migrations', 'migrations']);
  expect(r.code, output(r)).toBe(0);
  expect(r.stdout.match(/^ok\s+\S+: up .* down == start, up again == first up$/gm)?.length, output(r)).toBe(6);
}, 120_000);
