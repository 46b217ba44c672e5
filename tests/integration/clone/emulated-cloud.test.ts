/**
 * Cloning an emulated Jira Cloud (msw, in-process) with realistic volume (acme + 250 custom fields,
 * 3,000 issues in production): answers validated against Atlassian's OpenAPI, a valid snapshot,
 * and the same snapshot, byte for byte, when the tracker answers with 429s, 500s, hangs and
 * truncated bodies. No credential appears in any file the clone writes or any line it prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runClone, partialDirOf } from '../../../server/clone/command.ts';
import type { Manifest } from '../../../server/model/types.ts';
import { CLOUD, emulate, manyFields, PROD_EMAIL, PROD_TOKEN, prodEnv, stopEmulated, stopMsw, validatedPaths, type Emulated } from './emulator.ts';
import { filesUnder, recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

const NOW = '2026-11-20T10:00:00.000Z';
let e: Emulated;
let root: string;

const clone = async (dir: string, extra: { sleeps?: number[]; saveRaw?: string } = {}) => {
  const io = recordingIo();
  const out = join(root, dir, 'prod-clone');
  const result = await runClone(
    {
      from: 'jira',
      url: CLOUD,
      out,
      issuesPerBucket: 2,
      maxIssues: 300,
      anonymize: false,
      resume: false,
      concurrency: 4,
      now: NOW,
      env: prodEnv(CLOUD),
      ...(extra.saveRaw ? { saveRaw: extra.saveRaw } : {}),
      transport: {
        timeoutMs: 400,
        baseDelayMs: 1,
        maxDelayMs: 4,
        retries: 8,
        sleep: async (ms) => {
          extra.sleeps?.push(ms);
        },
      },
    },
    io,
  );
  return { out, io, result };
};

beforeAll(async () => {
  root = await tempDir('cloud');
  e = await emulate({ fixture: 'fixtures/acme', patch: manyFields(250) });
});
afterAll(async () => {
  await stopEmulated(e);
  stopMsw();
});
afterAll(removeTempDirs);

describe('clone of an emulated Jira Cloud', () => {
  let clean: Awaited<ReturnType<typeof clone>>;
  it('reads hundreds of fields and a sample of thousands of issues into a valid snapshot, every answer conformant to the OpenAPI', async () => {
    const t = Date.now();
    clean = await clone('clean', { saveRaw: join(root, 'raw') });
    console.log('clean clone', (Date.now() - t) / 1000, 's', e.requests.length, 'requests');
    expect(await snapshotErrors(clean.out)).toEqual([]);
    expect(e.openapiErrors).toEqual([]);
    expect(validatedPaths.size).toBeGreaterThan(30);
    const m = clean.result.manifest as Manifest;
    expect(m.kind).toBe('clone');
    expect(m.source).toMatchObject({ type: 'jira', url: CLOUD, deploymentType: 'Cloud' });
    expect(m.counts.customFields).toBe(53 + 250);
    expect(m.productionTotals.issues).toBe(3000);
    expect(m.counts.issues).toBeGreaterThanOrEqual(150);
    expect(m.counts.issues).toBeLessThanOrEqual(300 + 50);
    expect(m.production?.configHash).toMatch(/^sha256:/);
    expect(m.notContained.join('\n')).toMatch(/automation rules/);
    expect(m.notContained.join('\n')).toMatch(/attachments/);
    expect(m.notContained.join('\n')).toMatch(/issues outside the sample: \d+ of 3000/);
    // The issue paging went through several token pages.
    expect(e.requests.filter((r) => r.path === '/rest/api/3/search/jql').length).toBeGreaterThan(100);
    expect(await filesUnder(partialDirOf(clean.out))).toEqual(new Map());
  });

  it('produces the identical snapshot through 429s (Retry-After honoured), 500s, timeouts and truncated pages', async () => {
    e.requests.length = 0;
    e.faults = { rateLimitEvery: 29, retryAfter: '2', serverErrorEvery: 31, hangEvery: 97, hangMs: 1200, truncateEvery: 37 };
    const sleeps: number[] = [];
    const t = Date.now();
    const faulty = await clone('faulty', { sleeps });
    console.log('faulty clone', (Date.now() - t) / 1000, 's', e.requests.length, 'requests', JSON.stringify(e.injected));
    e.faults = {};
    expect(e.injected['429']).toBeGreaterThan(5);
    expect(e.injected['500']).toBeGreaterThan(5);
    expect(e.injected.hang).toBeGreaterThan(2);
    expect(e.injected.truncated).toBeGreaterThan(5);
    expect(sleeps).toContain(2000);
    const a = await filesUnder(clean.out);
    const b = await filesUnder(faulty.out);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
    expect(faulty.io.lines.some((l) => /retried/.test(l))).toBe(true);
  }, 150_000);

  it('writes no credential into any file and prints none', async () => {
    const secrets = [PROD_TOKEN, PROD_EMAIL, Buffer.from(`${PROD_EMAIL}:${PROD_TOKEN}`).toString('base64'), 'secret'];
    const files = new Map([...(await filesUnder(root))]);
    expect(files.size).toBeGreaterThan(100);
    for (const [file, text] of files) for (const s of secrets) expect(text.includes(s), `${s} in ${file}`).toBe(false);
    for (const line of clean.io.lines) for (const s of secrets) expect(line.includes(s)).toBe(false);
  });
});
