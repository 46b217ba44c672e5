/**
 * Cloning an emulated Jira Data Center (msw): /rest/api/2 only, users by name, thousands of issues
 * across startAt pages; an expired token is one clear message and leaves nothing written; an account
 * without admin rights is told so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { partialDirOf, runClone } from '../../../server/clone/command.ts';
import { UserError } from '../../../server/common/errors.ts';
import { reportError } from '../../../server/cli/run.ts';
import { DC, emulate, PROD_PAT, prodEnv, stopEmulated, stopMsw, type Emulated } from './emulator.ts';
import { filesUnder, recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

let e: Emulated;
let root: string;
beforeAll(async () => {
  root = await tempDir('dc');
  e = await emulate({ fixture: 'fixtures/acme', deploymentType: 'DataCenter' });
});
afterAll(async () => {
  await stopEmulated(e);
  stopMsw();
});
afterAll(removeTempDirs);

const options = (out: string) => ({
  from: 'jira' as const,
  url: DC,
  out,
  issuesPerBucket: 10_000,
  maxIssues: 10_000,
  anonymize: false,
  resume: false,
  concurrency: 4,
  now: '2026-11-20T10:00:00.000Z',
  env: prodEnv(DC),
  transport: { baseDelayMs: 1, maxDelayMs: 2, retries: 2, sleep: async () => {} },
});

describe('clone of an emulated Jira Data Center', () => {
  it('reads /rest/api/2 only, users by name, and all 3,000 issues across pages', async () => {
    const out = join(root, 'full');
    const { manifest } = await runClone(options(out), recordingIo());
    expect(await snapshotErrors(out)).toEqual([]);
    expect(manifest.source.deploymentType).toBe('DataCenter');
    expect(manifest.counts.issues).toBe(3000);
    expect(manifest.productionTotals.issues).toBe(3000);
    expect(e.requests.some((r) => r.path.startsWith('/rest/api/3'))).toBe(false);
    expect(e.requests.filter((r) => r.path === '/rest/api/2/search').length).toBeGreaterThan(30);
    expect(e.requests.filter((r) => r.path === '/rest/api/2/group/member').length).toBeGreaterThan(5);
  });

  it('an expired token (401) is one clear message without the token, and nothing is half-written', async () => {
    e.requests.length = 0;
    e.faults = { expireAfter: 60 };
    const out = join(root, 'expired');
    const err = await runClone(options(out), recordingIo()).catch((x: unknown) => x);
    e.faults = {};
    expect(err).toBeInstanceOf(UserError);
    const io = recordingIo();
    expect(reportError(err, io, false)).toBe(2);
    const text = io.lines.join('\n');
    expect(text).toMatch(/refused the credentials \(401/);
    expect(text).toMatch(/JIRA_PAT/);
    expect(text).not.toContain(PROD_PAT);
    expect(text).not.toMatch(/\n\s+at /);
    expect(await stat(out).catch(() => undefined)).toBeUndefined();
    // What was read so far is kept apart, for --resume; it holds answers only.
    const kept = await filesUnder(partialDirOf(out));
    expect(kept.size).toBeGreaterThan(20);
    for (const [file, content] of kept) expect(content.includes(PROD_PAT), file).toBe(false);
  });

  it('credentials without admin rights: says an administering account is needed', async () => {
    e.account = e.sandbox.personas.find((p) => !p.admin)!.accountId;
    const out = join(root, 'not-admin');
    const err = await runClone(options(out), recordingIo()).catch((x: unknown) => x);
    e.account = undefined;
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/403.*administrator/);
    expect(await stat(out).catch(() => undefined)).toBeUndefined();
  });
});
