/**
 * A rehearsal on a clone (npm run clone of the sandbox playing production, anonymised): apply
 * compares production with the manifest's hash of production's configuration, as `npm run drift`
 * does — unchanged, the dry run goes ahead; changed, it refuses (exit 1) and says where.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClone } from '../../../server/clone/command.ts';
import { editProduction, makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';

let ws: ApplyWorkspace;
let snap: string;
beforeAll(async () => {
  ws = await makeApplyWorkspace();
  snap = join(await mkdtemp(join(tmpdir(), 'understudy-apply-clone-')), 'clone');
  await runClone(
    {
      from: 'jira',
      url: ws.prod.url,
      out: snap,
      issuesPerBucket: 2,
      maxIssues: 300,
      anonymize: true,
      anonymizeKey: 'test-key',
      resume: false,
      concurrency: 4,
      env: ws.env,
    },
    { out: () => undefined, err: () => undefined },
  );
}, 120_000);
afterAll(async () => {
  await ws.cleanup();
  await rm(join(snap, '..'), { recursive: true, force: true });
});

const patch = (r: { snapshot: { dir: string; kind: string } }) => {
  r.snapshot.dir = snap;
  r.snapshot.kind = 'clone';
};

describe('apply after a rehearsal on a clone', () => {
  it('production unchanged since the clone: the plan goes ahead (dry run)', async () => {
    const w = await makeApplyWorkspace({ prod: ws.prod, patchResult: patch });
    try {
      const r = await w.apply(['--dry-run']);
      expect(r.out).toMatch(/is the configuration the rehearsal started from/);
      expect(r.out).toMatch(/production plan for Jira Cloud: 6 migrations/);
      expect(r.code).toBe(0);
    } finally {
      await w.cleanup();
    }
  }, 120_000);

  it('production changed since the clone: refused with where, nothing written', async () => {
    const w = await makeApplyWorkspace({ prod: ws.prod, patchResult: patch });
    const s = ws.prod.ctx.tracker.config.statuses.find((x) => x.name === 'In Review')!;
    const was = s.name;
    editProduction(ws.prod, () => {
      s.name = 'Under Review';
    });
    try {
      const r = await w.apply(['--yes']);
      expect(r.out).toMatch(
        new RegExp(`not the configuration the rehearsal started from \\(\\d+ changes? since the clone of [^)]+\\)[\\s\\S]*statuses/${s.id}: changed`),
      );
      expect(r.code).toBe(1);
    } finally {
      editProduction(ws.prod, () => {
        s.name = was;
      });
      await w.cleanup();
    }
  }, 120_000);
});
