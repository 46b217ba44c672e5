/**
 * Hand-made rehearsal results for the report tests: a failing one (regressions, hazards, a failed
 * step, a test failure with trace, an irreversible migration, hostile text in labels and in a
 * workflow name) and a safe one, with a context built from the tiny configuration.
 */
import { configChanges } from '../../../../server/migrate/engine/config-changes.ts';
import type { Config } from '../../../../server/model/types.ts';
import type { ReportContext } from '../../../../server/rehearse/report/context.ts';
import type { Difference, MigrationReport, RehearsalResult } from '../../../../server/rehearse/result.ts';
import { tinyConfig } from '../../../helpers/tiny-config.ts';

export const SCRIPT = '<script>alert(1)</script>';
export const IDS = ['20240101-000000-rename-review', '20240102-000000-rework-simple', '20240103-000000-add-triage'] as const;

/** The three configurations after each migration, and the context that holds them. */
export const buildContext = (reportDir = 'reports/test'): ReportContext => {
  const c0 = tinyConfig();
  const c1 = structuredClone(c0);
  c1.statuses.find((s) => s.id === '3')!.name = 'Peer Review';
  const c2 = structuredClone(c1);
  const simple = c2.workflows.find((w) => w.id === 'wf-simple')!;
  simple.name = `${SCRIPT} flow`;
  simple.transitions = simple.transitions.filter((t) => t.id !== 't-s-start');
  const c3 = structuredClone(c2);
  c3.workflows.push({
    id: 'wf-triage',
    name: 'Triage Workflow',
    statuses: [{ status: '5' }, { status: '6' }],
    transitions: [
      { id: 't-t-create', name: 'Create', type: 'initial', from: [], to: '5', rules: { validators: [], postFunctions: [] } },
      { id: 't-t-close', name: 'Close', type: 'directed', from: ['5'], to: '6', rules: { validators: [], postFunctions: [] } },
    ],
  });
  const pairs: [string, Config, Config][] = [
    [IDS[0], c0, c1],
    [IDS[1], c1, c2],
    [IDS[2], c2, c3],
  ];
  return { baselineConfig: c0, reportDir, configs: new Map(pairs.map(([id, before, after]) => [id, { before, after }])) };
};

const migration = (ctx: ReportContext, id: string, extra: Partial<MigrationReport>): MigrationReport => {
  const { before, after } = ctx.configs.get(id)!;
  return {
    id,
    description: `Description of ${id}`,
    sentences: [],
    configChanges: configChanges(before, after),
    issues: { total: 0, byProject: {}, byType: {}, byStatus: {} },
    notifications: { total: 0, perRecipient: [] },
    sharedSchemes: [],
    workflowsChanged: [],
    upMs: 1200,
    downMs: 800,
    ...extra,
  };
};

export const migrations = (ctx: ReportContext): MigrationReport[] => [
  migration(ctx, IDS[0], {
    description: 'Rename In Review to Peer Review',
    sentences: ["Rename status 'In Review' to 'Peer Review'"],
    workflowsChanged: ['Software Workflow'],
    issues: { total: 3, byProject: { ACME: 2, OPS: 1 }, byType: { Bug: 3 }, byStatus: { 'In Review': 3 } },
    notifications: { total: 14, perRecipient: Array.from({ length: 12 }, (_, i) => ({ recipient: `person${i}@acme.test`, count: 12 - i })) },
    sharedSchemes: [{ collection: 'workflowSchemes', scheme: 'Software Workflow Scheme', projects: ['ACME', 'SEC'] }],
  }),
  migration(ctx, IDS[1], {
    description: `Rework ${SCRIPT}`,
    sentences: [`Rename workflow 'Simple Workflow' to '${SCRIPT} flow'`, "Delete transition 'Start'"],
    workflowsChanged: ['Simple Workflow'],
    irreversible: {
      reason: `Deletes the <b>history</b> of the Start transition`,
      recovery: 'Restore the history from the export taken before the change',
    },
  }),
  migration(ctx, IDS[2], {
    description: 'Add the triage workflow',
    sentences: ["Add workflow 'Triage Workflow'"],
    workflowsChanged: ['Triage Workflow'],
  }),
];

const diff = (check: Difference['check'], label: string, extra: Partial<Difference> = {}): Difference => ({
  check,
  id: `${check}|${label}`,
  label,
  keys: {},
  change: 'changed',
  before: ['Open'],
  after: ['Open', 'Peer Review'],
  ...extra,
});

export const failingResult = (ctx: ReportContext, regressions = 3): RehearsalResult => ({
  schemaVersion: 1,
  verdict: 'failed',
  exitCode: 1,
  strict: false,
  snapshot: { dir: 'fixtures/tiny', kind: 'fixture', issues: 12, projects: 3 },
  migrationsDir: 'migrations',
  now: '2024-01-10T09:00:00.000Z',
  startedAt: '2024-01-10T09:00:01.000Z',
  durationMs: 64_000,
  migrations: migrations(ctx),
  hashes: { baseline: 'aaa111', afterUp: 'bbb222', afterDown: 'ccc333', afterUpAgain: 'bbb222' },
  rollbackProven: false,
  regressions: Array.from({ length: regressions }, (_, i) =>
    diff(i % 2 ? 'permissions' : 'transitions', i === 0 ? `${SCRIPT} may create issues in Acme Web (ACME)` : `Regression number ${i + 1} of Acme`, {
      migration: IDS[i % 2],
      change: i % 2 ? 'revoked' : 'changed',
    }),
  ),
  expected: [
    diff('transitions', 'Alice Ng sees Peer Review on ACME-1', { expectedBy: { migration: IDS[0], reason: 'the status is renamed on purpose' } }),
  ],
  rollbackDifferences: [diff('filters', 'Filter "Open bugs" returns ACME-1', { change: 'changed' })],
  hazards: [
    {
      kind: 'notification-storm',
      severity: 'warning',
      migration: IDS[0],
      message: 'person0@acme.test would get 12 notifications',
      evidence: ['threshold 10'],
    },
    { kind: 'regression', severity: 'error', message: `${regressions} undeclared differences`, evidence: [`${SCRIPT} may create issues`] },
    { kind: 'irreversible', severity: 'warning', migration: IDS[1], message: 'cannot be undone', evidence: [] },
    { kind: 'rollback-hash', severity: 'error', message: 'hash after down is not the baseline', evidence: ['aaa111 != ccc333'] },
  ],
  runs: [
    { phase: 'baseline', ms: 10_000, tests: { passed: 40, failed: 0, skipped: 1 }, observations: 300, failures: [] },
    {
      phase: 'after-up',
      ms: 11_000,
      tests: { passed: 39, failed: 1, skipped: 1 },
      observations: 301,
      failures: [
        {
          title: `create a Bug ${SCRIPT}`,
          file: 'tests/regression/create.spec.ts',
          error: 'expected 201, got 400\u0000\u001b[31m',
          trace: 'traces/after-up/create/trace.zip',
          screenshot: 'traces/after-up/create/shot.png',
        },
        { title: 'hostile link', file: 'x.spec.ts', error: 'boom', trace: 'javascript:alert(1)' },
      ],
    },
  ],
  steps: [
    { name: 'baseline regression', ok: true, ms: 10_500, evidence: ['300 observations'] },
    { name: 'migrate up', ok: true, ms: 3_000, evidence: [] },
    { name: 'compare to baseline', ok: false, ms: 40, evidence: [`3 undeclared differences & one ${SCRIPT}`] },
  ],
  notRun: ['Integrations were not replayed: the snapshot has none'],
});

export const safeResult = (ctx: ReportContext): RehearsalResult => ({
  ...failingResult(ctx),
  verdict: 'safe',
  exitCode: 0,
  migrations: migrations(ctx).slice(0, 1),
  hashes: { baseline: 'aaa111', afterUp: 'bbb222', afterDown: 'aaa111', afterUpAgain: 'bbb222' },
  rollbackProven: true,
  regressions: [],
  rollbackDifferences: [],
  hazards: [{ kind: 'stale-snapshot', severity: 'warning', message: 'the snapshot is 20 days old', evidence: [] }],
  runs: [{ phase: 'baseline', ms: 10_000, tests: { passed: 40, failed: 0, skipped: 0 }, observations: 300, failures: [] }],
  steps: [
    { name: 'baseline regression', ok: true, ms: 10_500, evidence: [] },
    { name: 'migrate up', ok: true, ms: 3_000, evidence: [] },
  ],
});
