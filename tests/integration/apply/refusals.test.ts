/**
 * Every refusal of `npm run apply`, against a sandbox playing production: one clear message, the
 * exit code the contract gives (2 bad input or environment, 1 a check found a problem), and
 * production's canonical hash unchanged — nothing was written.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editProduction, makeApplyWorkspace, type ApplyWorkspace, type WorkspaceOptions } from '../../helpers/apply-workspace.ts';
import { functionSource, migrationsFolder } from '../../helpers/migrate-fixture.ts';
import { startSandbox, type Harness } from '../http/harness.ts';

const hashOf = async (h: Harness): Promise<string> => ((await (await fetch(`${h.url}/_understudy/hash`)).json()) as { hash: string }).hash;

let prod: Harness;
let original: string;
beforeAll(async () => {
  prod = await startSandbox('fixtures/acme');
  original = await hashOf(prod);
});
afterAll(async () => {
  await prod.close();
});

interface Case {
  name: string;
  workspace?: WorkspaceOptions;
  argv?: string[];
  env?: (ws: ApplyWorkspace) => NodeJS.ProcessEnv;
  setup?: (ws: ApplyWorkspace) => Promise<void> | void;
  teardown?: () => void;
  code: 1 | 2;
  message: RegExp;
}

const folder = migrationsFolder({
  '20261101-090000-rename-a-person.ts': functionSource(
    "const u = ctx.config.users.find((x) => x.displayName === 'Alice Nakamura'); if (!u) throw new Error('no Alice'); u.displayName = 'Alice N.';",
    "const u = ctx.config.users.find((x) => x.displayName === 'Alice N.'); if (u) u.displayName = 'Alice Nakamura';",
  ),
});
afterAll(() => folder.remove());

const CASES: Case[] = [
  {
    name: 'no rehearsal report',
    argv: ['--report', 'nowhere', '--yes'],
    code: 2,
    message: /no rehearsal report: .*nowhere\/result\.json does not exist/,
  },
  {
    name: 'a red rehearsal',
    workspace: {
      headsUp: false,
      patchResult: (r) => {
        r.verdict = 'failed';
        r.exitCode = 1;
        r.hazards = [{ kind: 'regression', severity: 'error', message: '3 undeclared differences', evidence: [] }];
      },
    },
    argv: ['--yes'],
    code: 1,
    message: /the rehearsal in report failed: apply carries only a green rehearsal[\s\S]*3 undeclared differences/,
  },
  {
    name: 'an edited migration file',
    workspace: {
      patchResult: (r) => {
        r.migrationFiles![2]!.checksum = 'sha256:0000000000000000000000000000000000000000000000000000000000000000';
      },
    },
    argv: ['--yes'],
    code: 1,
    message: /not for these migration files[\s\S]*retire-ie11-option\.ts: changed since the rehearsal/,
  },
  {
    name: 'a migration file the rehearsal did not apply',
    workspace: {
      patchResult: (r) => {
        r.migrationFiles!.pop();
      },
    },
    argv: ['--yes'],
    code: 1,
    message: /archive-old-mobile-versions\.ts: not in the rehearsal/,
  },
  {
    name: '--to a migration the rehearsal did not apply',
    argv: ['--yes', '--to', '20991231-000000-nope'],
    code: 2,
    message: /--to 20991231-000000-nope: not one of the rehearsed migrations/,
  },
  {
    name: 'no heads-up',
    workspace: { headsUp: false },
    argv: ['--yes'],
    code: 2,
    message: /no heads-up was delivered for the rehearsal in report[\s\S]*--no-heads-up "reason"/,
  },
  { name: 'an empty --no-heads-up reason', argv: ['--yes', '--no-heads-up', ' '], code: 2, message: /--no-heads-up needs the reason/ },
  { name: 'no credentials', env: () => ({}), argv: ['--yes'], code: 2, message: /no Jira credentials in the environment/ },
  {
    name: 'the credentials of a non-administrator',
    argv: ['--yes'],
    code: 2,
    message: /not a Jira administrator's|needs a Jira administrator's account/,
    env: (ws) => {
      const dev = ws.prod.personas.find((p) => !p.admin && p.groups.includes('developers'))!;
      return { JIRA_EMAIL: dev.email, JIRA_API_TOKEN: dev.token };
    },
  },
  {
    name: 'a URL that is not http(s)',
    argv: ['--yes', '--url', 'ftp://127.0.0.1/'],
    code: 2,
    message: /--url 'ftp:\/\/127\.0\.0\.1\/' is not an http\(s\) URL/,
  },
  {
    name: 'plain http to another machine',
    argv: ['--yes', '--url', 'http://jira.example.com'],
    code: 2,
    message: /credentials are only sent over https/,
  },
  {
    name: 'production drifted since the rehearsal',
    argv: ['--yes'],
    code: 1,
    message:
      /production at .* is not the configuration the rehearsal started from[\s\S]*statuses 'In Review': removed[\s\S]*statuses 'In Review \(renamed\)': added/,
    setup: (ws) =>
      editProduction(ws.prod, (c) => {
        c.statuses.find((s) => s.name === 'In Review')!.name = 'In Review (renamed)';
      }),
    teardown: () =>
      editProduction(prod, (c) => {
        c.statuses.find((s) => s.name === 'In Review (renamed)')!.name = 'In Review';
      }),
  },
  {
    name: 'an impossible step',
    workspace: { migrations: folder.dir },
    argv: ['--yes'],
    code: 2,
    message: /1 step no REST API and no person can carry out[\s\S]*cannot change the user/,
  },
  { name: 'no --yes and no terminal', argv: [], code: 2, message: /there is no terminal to ask: pass --yes/ },
];

describe('apply refuses before anything is written', () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      const ws = await makeApplyWorkspace({ ...c.workspace, prod });
      try {
        await c.setup?.(ws);
        const before = await hashOf(prod);
        const r = await ws.apply(c.argv ?? [], c.env ? { env: c.env(ws) } : {});
        expect(r.out).toMatch(c.message);
        expect(r.code).toBe(c.code);
        expect(await hashOf(prod), 'production was written').toBe(before);
        expect(r.out).not.toContain(ws.prod.personas.find((p) => p.admin)!.token);
      } finally {
        c.teardown?.();
        await ws.cleanup();
      }
      expect(await hashOf(prod)).toBe(original);
    },
    60_000,
  );

  it('a plan with manual steps needs a terminal (Data Center), and names them', async () => {
    const dc = await startSandbox('fixtures/acme', { deploymentType: 'DataCenter' });
    const ws = await makeApplyWorkspace({ prod: dc, deploymentType: 'DataCenter' });
    try {
      const before = await hashOf(dc);
      const r = await ws.apply(['--yes', '--to', '20261101-090000-add-needs-triage']);
      expect(r.out).toMatch(
        /the plan has 2 manual steps, which need a person at a terminal[\s\S]*#1: create the status 'Needs Triage'[\s\S]*#2: update the workflow 'Acme Bug Workflow' by hand/,
      );
      expect(r.code).toBe(2);
      expect(await hashOf(dc)).toBe(before);
    } finally {
      await ws.cleanup();
      await dc.close();
    }
  }, 60_000);

  it('a clone is applied only to its own site', async () => {
    const snap = await mkdtemp(join(tmpdir(), 'understudy-apply-clone-'));
    try {
      for (const f of ['config.json', 'issues.json']) await cp(resolve('fixtures/acme', f), join(snap, f));
      const manifest = JSON.parse(await readFile(resolve('fixtures/acme/manifest.json'), 'utf8'));
      await writeFile(
        join(snap, 'manifest.json'),
        JSON.stringify({
          ...manifest,
          kind: 'clone',
          source: { type: 'jira', url: 'https://acme.atlassian.net', deploymentType: 'Cloud', tool: manifest.source.tool },
          production: { configHash: 'sha256:x', clonedAt: '2026-11-01T00:00:00.000Z' },
        }),
      );
      const ws = await makeApplyWorkspace({
        prod,
        patchResult: (r) => {
          r.snapshot.dir = snap;
          r.snapshot.kind = 'clone';
        },
      });
      try {
        const r = await ws.apply(['--yes']);
        expect(r.out).toMatch(/was cloned from https:\/\/acme\.atlassian\.net, not from http:\/\/127\.0\.0\.1/);
        expect(r.code).toBe(2);
      } finally {
        await ws.cleanup();
      }
    } finally {
      await rm(snap, { recursive: true, force: true });
    }
  }, 60_000);

  it('--dry-run writes nothing, and says a heads-up is still missing', async () => {
    const ws = await makeApplyWorkspace({ prod, headsUp: false });
    try {
      const r = await ws.apply(['--dry-run']);
      expect(r.out).toMatch(/production plan for Jira Cloud: 6 migrations, 17 steps/);
      expect(r.out).toMatch(/validation of 20261102-090000-merge-wont-do-into-wont-fix#1 \(Acme Software Workflow\): no problem/);
      expect(r.out).toMatch(/no heads-up has been delivered for this rehearsal yet/);
      expect(r.out).toMatch(/dry run: nothing was written/);
      expect(r.code).toBe(0);
      expect(await hashOf(prod)).toBe(original);
    } finally {
      await ws.cleanup();
    }
  }, 60_000);
});
