/**
 * A scratch project for apply tests: the bundled rehearsal report (tests/unit/announce/fixtures)
 * with result.json naming the checksums of the migrations folder used, the bundled snapshot and
 * that folder linked where result.json says they are, a file channel for notices, optionally a
 * heads-up sent through it; and a sandbox playing production (Cloud or Data Center). `apply`,
 * `migrate:down --url` and `migrate:status --url` run in-process with the workspace as cwd.
 */
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportError, type CommandIo } from '../../server/cli/run.ts';
import { runAnnounceCommand } from '../../server/announce/command.ts';
import { runApplyCommand, type ApplyDeps } from '../../server/apply/index.ts';
import { loadMigrations } from '../../server/migrate/load.ts';
import type { RehearsalResult } from '../../server/rehearse/result.ts';
import type { Config } from '../../server/model/index.ts';
import { startSandbox, type Harness } from '../integration/http/harness.ts';
import { FIXTURE_REPORT } from './announce-workspace.ts';

export interface ApplyWorkspace {
  dir: string;
  report: string;
  prod: Harness;
  env: NodeJS.ProcessEnv;
  /** `npm run apply -- --url <prod> --report report …` in-process. */
  apply: (argv: string[], deps?: ApplyDeps) => Promise<Run>;
  run: (main: (argv: string[], io: CommandIo, deps: ApplyDeps) => Promise<number>, argv: string[], deps?: ApplyDeps) => Promise<Run>;
  cleanup: () => Promise<void>;
}

export interface Run {
  code: number;
  out: string;
  lines: string[];
}

export interface WorkspaceOptions {
  deploymentType?: 'Cloud' | 'DataCenter';
  /** The migrations folder (inside the project, so they import 'understudy'); default the bundled one. */
  migrations?: string;
  /** Send a heads-up through the file channel first (default true). */
  headsUp?: boolean;
  patchResult?: (r: RehearsalResult) => void;
  /** An existing production to write to (default: a fresh sandbox on fixtures/acme). */
  prod?: Harness;
  settings?: Record<string, unknown>;
  /** Environment of the heads-up (webhook URLs). */
  announceEnv?: NodeJS.ProcessEnv;
}

export const SETTINGS = { announce: { channels: [{ name: 'changelog', kind: 'file', path: 'changes' }] } };

export const quietTerminal = { interactive: false, ask: async () => '' };

export const makeApplyWorkspace = async (o: WorkspaceOptions = {}): Promise<ApplyWorkspace> => {
  const dir = await mkdtemp(join(tmpdir(), 'understudy-apply-'));
  await mkdir(join(dir, 'fixtures'), { recursive: true });
  await symlink(resolve('fixtures/acme'), join(dir, 'fixtures', 'acme'), 'dir');
  await symlink(resolve(o.migrations ?? 'migrations'), join(dir, 'migrations'), 'dir');
  await cp(FIXTURE_REPORT, join(dir, 'report'), { recursive: true });
  const result = JSON.parse(await readFile(join(dir, 'report', 'result.json'), 'utf8')) as RehearsalResult;
  const loaded = await loadMigrations(join(dir, 'migrations'));
  result.migrationsDir = 'migrations';
  result.migrationFiles = loaded.map((m) => ({ id: m.id, file: join('migrations', `${m.id}.ts`), checksum: m.checksum }));
  const known = new Map(result.migrations.map((m) => [m.id, m]));
  result.migrations = loaded.map(
    (m) =>
      known.get(m.id) ?? {
        ...result.migrations[0]!,
        id: m.id,
        description: m.migration.description,
        sentences: [],
        configChanges: [],
        workflowsChanged: [],
        sharedSchemes: [],
        issues: { total: 0, byProject: {}, byType: {}, byStatus: {} },
        notifications: { total: 0, perRecipient: [] },
      },
  );
  o.patchResult?.(result);
  await writeFile(join(dir, 'report', 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(dir, 'understudy.config.json'), JSON.stringify(o.settings ?? SETTINGS, null, 2));
  if (o.headsUp !== false) {
    const io: CommandIo = { out: () => undefined, err: () => undefined };
    const code = await runAnnounceCommand(['heads-up', '--report', 'report', '--send', '--at', '2099-01-01T10:00:00Z'], io, {
      cwd: dir,
      env: o.announceEnv ?? {},
    });
    if (code !== 0) throw new Error('the heads-up of the apply workspace was not written');
  }
  const prod = o.prod ?? (await startSandbox('fixtures/acme', { deploymentType: o.deploymentType ?? 'Cloud' }));
  const admin = prod.personas.find((p) => p.admin)!;
  const env = (o.deploymentType ?? 'Cloud') === 'Cloud' ? { JIRA_EMAIL: admin.email, JIRA_API_TOKEN: admin.token } : { JIRA_PAT: admin.token };
  const run: ApplyWorkspace['run'] = async (main, argv, deps = {}) => {
    const lines: string[] = [];
    const io: CommandIo = { out: (l) => lines.push(l), err: (l) => lines.push(l) };
    let code: number;
    try {
      code = await main(argv, io, { cwd: dir, env, terminal: quietTerminal, transport: { baseDelayMs: 1, maxDelayMs: 5 }, ...deps });
    } catch (e) {
      code = reportError(e, io, false);
    }
    return { code, out: lines.join('\n'), lines };
  };
  return {
    dir,
    report: join(dir, 'report'),
    prod,
    env,
    run,
    apply: (argv, deps) => run(runApplyCommand, ['--url', prod.url, '--report', 'report', ...argv], deps),
    cleanup: async () => {
      if (!o.prod) await prod.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

/**
 * Someone changing production by hand, behind apply's back: `change` edits the production sandbox's
 * configuration in place, and the tracker's indexes follow.
 */
export const editProduction = (
  prod: { ctx: { tracker: { updateConfig: (f: (c: Config) => void) => void } } },
  change: (config: Config) => void,
): void => prod.ctx.tracker.updateConfig(change);
