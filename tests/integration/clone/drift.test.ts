/**
 * `npm run drift` against an emulated production (msw): unchanged is exit 0; a renamed status, a
 * removed field option and a changed permission grant are each exit 1, naming where; a snapshot
 * that is not a clone is exit 2. The clone here takes the default path: anonymised.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runClone } from '../../../server/clone/command.ts';
import { driftMain } from '../../../server/clone/drift.ts';
import { gateDriftCheck } from '../../../server/clone/gate-drift.ts';
import { reportError } from '../../../server/cli/run.ts';
import type { Config } from '../../../server/model/types.ts';
import { CLOUD, emulate, prodEnv, stopEmulated, stopMsw, type Emulated } from './emulator.ts';
import { recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

let e: Emulated;
let out: string;
const drift = async (snapshot = out, env = prodEnv(CLOUD), extra: string[] = []) => {
  const io = recordingIo();
  const code = await driftMain(['--snapshot', snapshot, ...extra], io, env).catch((err: unknown) => reportError(err, io, false));
  return { code, text: io.lines.join('\n') };
};
const config = (): Config => e.sandbox.ctx.tracker.config;

beforeAll(async () => {
  e = await emulate({ fixture: 'fixtures/tiny' });
  out = join(await tempDir('drift'), 'clone');
  await runClone(
    { from: 'jira', url: CLOUD, out, issuesPerBucket: 5, maxIssues: 100, anonymize: true, resume: false, concurrency: 4, env: prodEnv(CLOUD) },
    recordingIo(),
  );
});
afterAll(async () => {
  await stopEmulated(e);
  stopMsw();
});
afterAll(removeTempDirs);

describe('drift', () => {
  it('the default clone is anonymised, valid, and production is unchanged right after it (exit 0)', async () => {
    expect(await snapshotErrors(out)).toEqual([]);
    const cloned = JSON.parse(await readFile(join(out, 'config.json'), 'utf8')) as Config;
    const emails = config().users.map((u) => u.email);
    expect(cloned.users.some((u) => emails.includes(u.email))).toBe(false);
    const r = await drift();
    expect(r.text).toMatch(/unchanged since the clone/);
    expect(r.code).toBe(0);
  });

  it('detects a renamed status, and says which', async () => {
    const s = config().statuses[0]!;
    const was = s.name;
    s.name = `${was} (renamed)`;
    try {
      const r = await drift();
      expect(r.code).toBe(1);
      expect(r.text).toContain(`statuses/${s.id} (${s.name}): changed`);
    } finally {
      s.name = was;
    }
    expect((await drift()).code).toBe(0);
  });

  it('detects a removed field option', async () => {
    const field = config().fields.find((f) => f.contexts.some((c) => (c.options?.length ?? 0) > 1))!;
    const ctx = field.contexts.find((c) => (c.options?.length ?? 0) > 1)!;
    const removed = ctx.options!.pop()!;
    try {
      const r = await drift();
      expect(r.code).toBe(1);
      expect(r.text).toContain(`fields/${field.id} (${field.name}): changed`);
    } finally {
      ctx.options!.push(removed);
    }
  });

  it('detects a changed permission grant', async () => {
    const scheme = config().permissionSchemes[0]!;
    const grant = scheme.grants[0]!;
    const was = grant.permission;
    grant.permission = was === 'DELETE_ISSUES' ? 'LINK_ISSUES' : 'DELETE_ISSUES';
    try {
      const r = await drift();
      expect(r.code).toBe(1);
      expect(r.text).toContain(`permissionSchemes/${scheme.id} (${scheme.name}): changed`);
      expect(r.text).not.toMatch(/statuses\//);
    } finally {
      grant.permission = was;
    }
  });

  it('the gate: skipped without credentials or for a fixture, passes when unchanged, stops (exit 1) when drifted', async () => {
    const before = e.requests.length;
    expect(await gateDriftCheck(out, {}, recordingIo())).toBeUndefined();
    expect(await gateDriftCheck('fixtures/tiny', prodEnv(CLOUD), recordingIo())).toBeUndefined();
    expect(e.requests.length).toBe(before);
    expect(await gateDriftCheck(out, prodEnv(CLOUD), recordingIo())).toBeUndefined();
    const s = config().statuses[1]!;
    const was = s.name;
    s.name = 'Renamed in production';
    try {
      const io = recordingIo();
      expect(await gateDriftCheck(out, prodEnv(CLOUD), io)).toBe(1);
      expect(io.lines.join('\n')).toMatch(/the gate stops: .* has changed since the clone/);
    } finally {
      s.name = was;
    }
  });

  it('credentials never follow the URL in the manifest alone: production is named by --url or JIRA_URL, and must match', async () => {
    const before = e.requests.length;
    const { JIRA_URL: _u, ...noUrl } = prodEnv(CLOUD);
    const unnamed = await drift(out, noUrl);
    expect(unnamed.code).toBe(2);
    expect(unnamed.text).toMatch(/name production's URL yourself before your credentials are sent there/);
    const other = await drift(out, noUrl, ['--url', 'https://evil.example']);
    expect(other.code).toBe(2);
    expect(other.text).toMatch(/was cloned from https:\/\/acme\.atlassian\.net, not from https:\/\/evil\.example/);
    expect(e.requests.length).toBe(before);
    expect((await drift(out, noUrl, ['--url', CLOUD])).code).toBe(0);
    // The gate: credentials without JIRA_URL skip the check (and say so); a JIRA_URL of another site is an error.
    const io = recordingIo();
    expect(await gateDriftCheck(out, noUrl, io)).toBeUndefined();
    expect(io.lines.join('\n')).toMatch(/drift check skipped: set JIRA_URL=/);
    await expect(gateDriftCheck(out, { ...noUrl, JIRA_URL: 'https://evil.example' }, recordingIo())).rejects.toThrow(
      /not from https:\/\/evil\.example/,
    );
  });

  it('a snapshot that is not a clone is exit 2 with one clear message', async () => {
    const r = await drift('fixtures/tiny');
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/is a fixture, not a clone of production/);
  });
});
