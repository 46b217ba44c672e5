/**
 * The same snapshot three other ways (emulated Jira Cloud, msw): from saved answers (--from file),
 * resumed after an interrupted clone (--resume, re-reading nothing already saved), and through the
 * legacy workflow API when the current one answers 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { partialDirOf, runClone, type CloneOptions } from '../../../server/clone/command.ts';
import { UserError } from '../../../server/common/errors.ts';
import { CLOUD, emulate, prodEnv, stopEmulated, stopMsw, type Emulated } from './emulator.ts';
import { filesUnder, recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

let e: Emulated;
let root: string;
let clean: Map<string, string>;
let cleanRequests = 0;
const raw = () => join(root, 'raw');

const options = (dir: string, extra: Partial<CloneOptions> = {}): CloneOptions => ({
  from: 'jira',
  url: CLOUD,
  out: join(root, dir, 'clone'),
  issuesPerBucket: 3,
  maxIssues: 100,
  anonymize: false,
  resume: false,
  concurrency: 3,
  now: '2026-11-20T10:00:00.000Z',
  env: prodEnv(CLOUD),
  transport: { baseDelayMs: 1, maxDelayMs: 2, retries: 2, sleep: async () => {} },
  ...extra,
});

beforeAll(async () => {
  root = await tempDir('variants');
  e = await emulate({ fixture: 'fixtures/tiny' });
  await runClone(options('clean', { saveRaw: raw() }), recordingIo());
  cleanRequests = e.requests.length;
  clean = await filesUnder(join(root, 'clean', 'clone'));
});
afterAll(async () => {
  await stopEmulated(e);
  stopMsw();
});
afterAll(removeTempDirs);

const expectSame = (other: Map<string, string>, files: string[]) => {
  for (const f of files) expect(other.get(f), f).toBe(clean.get(f));
};

describe('the same snapshot three other ways', () => {
  it('--from file: saved answers go through the same conversion', async () => {
    e.requests.length = 0;
    const out = join(root, 'file', 'clone');
    const { manifest } = await runClone({ ...options('file'), from: 'file', dir: raw(), env: {} }, recordingIo());
    expect(e.requests).toEqual([]);
    expect(manifest.source.type).toBe('file');
    expect(await snapshotErrors(out)).toEqual([]);
    expectSame(await filesUnder(out), ['config.json', 'issues.json', 'drift-digest.json']);
  });

  it('--from file names the missing answer and how to save it', async () => {
    const err = await runClone({ ...options('file-missing'), from: 'file', dir: join(root, 'clean'), env: {} }, recordingIo()).catch(
      (x: unknown) => x,
    );
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toMatch(/has no saved answer for GET \/rest\/api\/2\/serverInfo/);
  });

  it('--resume continues an interrupted clone from what was already read', async () => {
    e.requests.length = 0;
    e.faults = { expireAfter: 70 };
    const o = options('resumed');
    await expect(runClone(o, recordingIo())).rejects.toThrow(/401/);
    e.faults = {};
    await expect(runClone(o, recordingIo())).rejects.toThrow(/continue it with --resume|interrupted clone/);
    e.requests.length = 0;
    await runClone({ ...o, resume: true }, recordingIo());
    expect(e.requests.length).toBeGreaterThan(0);
    expect(e.requests.length).toBeLessThanOrEqual(cleanRequests - 60);
    expect(await filesUnder(partialDirOf(o.out))).toEqual(new Map());
    expectSame(await filesUnder(o.out), [...clean.keys()]);
  });

  it('--projects clones those projects only, and stays valid', async () => {
    const out = join(root, 'scoped', 'clone');
    const { manifest } = await runClone(options('scoped', { projects: ['ACME'] }), recordingIo());
    expect(await snapshotErrors(out)).toEqual([]);
    expect(manifest.counts.projects).toBe(1);
    expect(manifest.description).toMatch(/projects ACME/);
    const issues = JSON.parse((await filesUnder(out)).get('issues.json')!).issues as { project: string }[];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => i.project === 'ACME')).toBe(true);
    await expect(runClone(options('unknown', { projects: ['NOPE'] }), recordingIo())).rejects.toThrow(/--projects names NOPE/);
  });

  it('falls back to the legacy workflow API when the current one is missing', async () => {
    e.requests.length = 0;
    e.noCurrentWorkflowApi = true;
    try {
      await runClone(options('legacy'), recordingIo());
    } finally {
      e.noCurrentWorkflowApi = false;
    }
    expect(e.requests.some((r) => r.path === '/rest/api/3/workflows/search' && r.status === 404)).toBe(true);
    expect(e.requests.some((r) => r.path === '/rest/api/3/workflow/search' && r.status === 200)).toBe(true);
    expectSame(await filesUnder(join(root, 'legacy', 'clone')), ['config.json', 'issues.json']);
  });
});
