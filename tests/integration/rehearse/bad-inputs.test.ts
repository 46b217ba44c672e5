/**
 * Bad inputs to `rehearse` and `gate`: each exits 2 with one clear message and writes no report;
 * a stale cloned snapshot fails the gate (exit 1) with how to refresh it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeSnapshot } from '../../../server/store/snapshot-write.ts';
import { runScript, scratchDir, writeMigrations } from '../../helpers/rehearse-cli.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

let dir: string;

beforeAll(async () => {
  dir = await scratchDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Case {
  name: string;
  args: () => Promise<string[]>;
  env?: NodeJS.ProcessEnv;
  message: RegExp;
}

const CASES: Case[] = [
  { name: 'a snapshot folder that does not exist', args: async () => ['--snapshot', 'fixtures/no-such-snapshot'], message: /no-such-snapshot/ },
  { name: 'an invalid snapshot', args: async () => ['--snapshot', 'fixtures/invalid/duplicate-issue-key'], message: /not valid \(\d+ errors?\)/ },
  {
    name: 'a migration file that does not compile',
    args: async () => [
      '--snapshot',
      'fixtures/tiny',
      '--migrations',

      await writeMigrations(join(dir, 'broken'), {
        '20260101-000000-broken.ts': "import { defineMigration } from 'understudy';\nexport default defineMigration({ description: 'x', ops: [ });\n",
      }),
    ],
    message: /20260101-000000-broken/,
  },
  {
    name: 'a migration with an unknown expect check',
    args: async () => [
      '--snapshot',
      'fixtures/tiny',
      '--migrations',

      await writeMigrations(join(dir, 'bad-expect'), {
        '20260101-000000-bad-expect.ts':
          "import { defineMigration, op } from 'understudy';\nexport default defineMigration({ description: 'x', ops: [op.renameStatus({ from: 'Open', to: 'New' })], expect: [{ check: 'screens', reason: 'x' }] as never });\n",
      }),
    ],
    message: /expect\[0\]\.check/,
  },
  {
    name: 'no browser',
    args: async () => ['--snapshot', 'fixtures/tiny'],
    env: { UNDERSTUDY_CHROMIUM: '/nonexistent/chromium' },
    message: /UNDERSTUDY_CHROMIUM='\/nonexistent\/chromium' is not an executable/,
  },
  { name: 'a bad --shard', args: async () => ['--shard', '3/2'], message: /--shard '3\/2' is not a shard/ },
  { name: 'a bad --workers', args: async () => ['--workers', 'many'], message: /--workers 'many'/ },
  { name: 'an unknown flag', args: async () => ['--snapshots', 'x'], message: /Unknown option '--snapshots'/ },
  {
    name: 'a malformed settings file',
    args: async () => {
      const f = join(dir, 'bad.config.json');
      await writeFile(f, '{ "rehearse": { "workers": 0 } }');
      return ['--config', f];
    },
    message: /rehearse\.workers: 0 is out of range/,
  },
];

describe('rehearse: bad inputs exit 2 with one clear message', () => {
  for (const c of CASES) {
    it(c.name, async () => {
      const report = join(dir, `report-${c.name.replace(/\W+/g, '-')}`);
      const r = await runScript('rehearse', [...(await c.args()), '--report', report], c.env);
      expect(r.code, r.stdout + r.stderr).toBe(2);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(existsSync(join(report, 'result.json'))).toBe(false);
    }, 60_000);
  }
});

describe('gate: freshness of cloned snapshots', () => {
  it('a clone older than gate.maxSnapshotAgeDays fails the gate (exit 1) and says how to refresh it', async () => {
    const content = tinyContent();
    const old = '2025-01-01T00:00:00.000Z';
    const snap = join(dir, 'old-clone');
    await writeSnapshot(
      snap,
      {
        ...content,
        manifest: { ...content.manifest, kind: 'clone', createdAt: old, production: { configHash: `sha256:${'0'.repeat(64)}`, clonedAt: old } },
      },
      { overwrite: true },
    );
    const none = await writeMigrations(join(dir, 'none'), {});
    const specs = join(dir, 'no-specs');
    await mkdir(specs, { recursive: true });
    const report = join(dir, 'report-gate');
    const r = await runScript('gate', ['--snapshot', snap, '--migrations', none, '--report', report, '--specs', specs]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/stale-snapshot/);
    expect(r.stdout).toMatch(/gate\.maxSnapshotAgeDays/);
    expect(existsSync(join(report, 'junit.xml'))).toBe(true);
  }, 240_000);
});
