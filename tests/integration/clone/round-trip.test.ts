/**
 * Cloning a running sandbox (--no-anonymize) and serving the result gives the same answers through
 * the REST API as the original, for the same personas: Cloud (v3, account ids) and Data Center
 * (v2, users by name). Real HTTP on loopback, no mocks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runClone } from '../../../server/clone/command.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { compareRest, questionsFor } from './compare-rest.ts';
import { adminSeesWatchers, recordingIo, snapshotErrors, removeTempDirs, tempDir } from './helpers.ts';

const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
});
afterAll(removeTempDirs);

const roundTrip = async (fixture: string, deploymentType: 'Cloud' | 'DataCenter') => {
  const original = await startSandbox(fixture, { deploymentType, patch: adminSeesWatchers });
  open.push(original);
  const admin = original.personas.find((p) => p.admin)!;
  const out = join(await tempDir('rt'), 'clone');
  const env = deploymentType === 'Cloud' ? { JIRA_EMAIL: admin.email, JIRA_API_TOKEN: admin.token } : { JIRA_PAT: admin.token };
  const io = recordingIo();
  const { manifest } = await runClone(
    { from: 'jira', url: original.url, out, issuesPerBucket: 10_000, maxIssues: 100_000, anonymize: false, resume: false, concurrency: 4, env },
    io,
  );
  expect(await snapshotErrors(out)).toEqual([]);
  expect(io.lines.some((l) => /WARNING: --no-anonymize/.test(l))).toBe(true);
  const copy = await startSandbox(out, { deploymentType });
  open.push(copy);
  return { original, copy, manifest };
};

describe('a clone of a running sandbox serves the same tracker', () => {
  it.each(['Cloud', 'DataCenter'] as const)('tiny, %s: every persona gets the same answers', async (deploymentType) => {
    const { original, copy, manifest } = await roundTrip('fixtures/tiny', deploymentType);
    expect(manifest.source.deploymentType).toBe(deploymentType);
    expect(copy.personas.map((p) => p.accountId).sort()).toEqual(original.personas.map((p) => p.accountId).sort());
    const keys = original.ctx.tracker.issues.map((i) => i.key);
    const personas = original.personas.map((p) => p.accountId);
    const mismatches = await compareRest(original, copy, personas, questionsFor(original, deploymentType === 'Cloud' ? 3 : 2, keys));
    expect(mismatches).toEqual([]);
  });

  it('acme, Cloud: 3,000 issues and the configuration answer the same for an admin and a developer', async () => {
    const { original, copy, manifest } = await roundTrip('fixtures/acme', 'Cloud');
    expect(manifest.counts.issues).toBe(3000);
    const admin = original.personas.find((p) => p.admin)!.accountId;
    const dev = original.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
    const keys = original.ctx.tracker.issues.filter((_, i) => i % 500 === 0).map((i) => i.key);
    const mismatches = await compareRest(original, copy, [admin, dev], questionsFor(original, 3, keys));
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 120_000);
});
