/**
 * `npm run rehearse` and `npm run gate`: flags (defaults from understudy.config.json), the
 * pipeline, the report, the verdict and the exit code (0 safe, 1 a problem found, 2 bad input or
 * environment). The gate is the same rehearsal for CI: strict (warnings fail), plain logs, and the
 * freshness rule for cloned snapshots. Ctrl-C stops the Playwright run and cleans up.
 */
import { type CommandIo, parseFlags, parseIsoTime } from '../cli/index.ts';
import { UserError } from '../common/errors.ts';
import { loadSettings, snapshotFreshness } from '../settings/index.ts';
import { gateDriftCheck } from '../clone/index.ts';
import { rehearse } from './pipeline.ts';
import type { ProductionPlanSummary } from './result.ts';
import type { RegressionRunner } from './runner/regression-runner.ts';
import { REPORT_FILES, writeReport } from './report/write.ts';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Removes the previous report's files, so a stopped rehearsal never leaves an old verdict behind. */
const clearReport = async (dir: string): Promise<void> => {
  try {
    await mkdir(dir, { recursive: true });
    await Promise.all(REPORT_FILES.map((f) => rm(join(dir, f), { force: true })));
  } catch (e) {
    throw new UserError(`--report '${dir}' cannot be used as the report folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      details: ['give a folder you can write, e.g. --report reports/latest'],
    });
  }
};

const specsFolder = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const abs = resolve(v);
  if (!existsSync(abs) || !statSync(abs).isDirectory())
    throw new UserError(`--specs '${v}' is not a folder`, {
      details: ['give the folder of your regression specs (*.spec.ts), e.g. --specs tests/regression'],
    });
  return abs;
};

const usage = (name: string) =>
  `npm run ${name} -- [--snapshot DIR] [--migrations DIR] [--report DIR] [--to ID] [--shard i/n] [--strict] [--workers N] [--specs DIR] [--config FILE] [--now ISO] [--keep-instance]`;

const OPTIONS = {
  snapshot: { type: 'string' },
  migrations: { type: 'string' },
  report: { type: 'string' },
  to: { type: 'string' },
  shard: { type: 'string' },
  strict: { type: 'boolean', default: false },
  workers: { type: 'string' },
  now: { type: 'string' },
  'keep-instance': { type: 'boolean', default: false },
  config: { type: 'string' },
  specs: { type: 'string' },
} as const;

const parseShard = (v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) < 1 || Number(m[1]) > Number(m[2]))
    throw new UserError(`--shard '${v}' is not a shard: expected i/n with 1 ≤ i ≤ n, e.g. --shard 1/3`);
  return v;
};

const parseWorkers = (v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UserError(`--workers '${v}' is not a number of workers: expected a whole number from 1 to 64`);
  return n;
};

/**
 * What the rehearsal asks of parts that build on it: the production plan comes from apply/, which
 * reads the rehearsal's result, so it is handed in (by scripts/) rather than imported.
 */
export interface RehearseHooks {
  productionPlan?: (
    snapshot: string,
    migrations: string,
    ids: readonly string[],
    now: string,
    signal?: AbortSignal,
  ) => Promise<ProductionPlanSummary>;
  /** What drives the regression runs (default Playwright; tests hand in the MemoryRunner). */
  runner?: RegressionRunner;
}

export const runRehearseCommand = async (
  argv: string[],
  io: CommandIo,
  mode: 'rehearse' | 'gate' = 'rehearse',
  hooks: RehearseHooks = {},
): Promise<number> => {
  const { values } = parseFlags(argv, OPTIONS, usage(mode));
  const settings = await loadSettings(values.config ? { file: values.config } : {});
  const gate = mode === 'gate';
  const now = parseIsoTime('--now', values.now) ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  const snapshot = values.snapshot ?? settings.defaults.snapshot;
  const reportDir = values.report ?? settings.defaults.report;
  const userSpecs = specsFolder(values.specs);
  const shard = parseShard(values.shard);
  const workers = parseWorkers(values.workers, settings.rehearse.workers);
  const migrations = values.migrations ?? settings.defaults.migrations;
  // With Jira credentials present, a clone whose production has drifted fails the gate (exit 1).
  if (gate) {
    const stop = await gateDriftCheck(snapshot, process.env, io);
    if (stop !== undefined) return stop;
  }
  await clearReport(reportDir);
  const controller = new AbortController();
  // Ctrl-C or a CI cancel (SIGTERM): stop the browser run, clean up, exit 2. Further signals wait for the cleanup.
  const onSignal = () => {
    if (controller.signal.aborted) return;
    io.err('understudy: interrupted — stopping the browser run and cleaning up…');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const interactive = !gate && process.stderr.isTTY === true;
  try {
    const outcome = await rehearse(
      {
        snapshot,
        migrations,
        reportDir,
        to: values.to,
        now,
        strict: values.strict || (gate && settings.gate.strict),
        shard,
        workers,
        notificationsPerRecipient: settings.rehearse.notificationsPerRecipient,
        limits: {
          uiSample: settings.rehearse.uiSample,
          personaSample: settings.rehearse.personaSample,
          issuesPerStatus: settings.rehearse.issuesPerStatus,
          uiCreatesPerProject: 1,
        },
        ...(gate
          ? {
              freshness: (m: { kind: string; createdAt: string; production?: { clonedAt: string } }) =>
                snapshotFreshness(m, settings.gate.maxSnapshotAgeDays, new Date(), snapshot),
            }
          : {}),
        keepInstance: values['keep-instance'],
        signal: controller.signal,
        userSpecs,
        ...(hooks.productionPlan
          ? { productionPlan: (ids: readonly string[], signal?: AbortSignal) => hooks.productionPlan!(snapshot, migrations, ids, now, signal) }
          : {}),
      },
      { progress: io.err, raw: interactive ? (c) => process.stderr.write(c) : undefined },
      hooks.runner,
    );
    const r = outcome.result;
    const files = await writeReport(reportDir, r, { baselineConfig: outcome.baselineConfig!, configs: outcome.configs, reportDir });
    io.out('');
    if (r.verdict === 'safe') {
      io.out(
        `✔ safe to proceed: ${r.migrations.length} migration(s) applied, ${r.expected.length} intended differences, no regression; rolled back to the exact baseline (hash and observations) and applied again (${(r.durationMs / 1000).toFixed(1)} s)`,
      );
    } else {
      io.out(`✘ rehearsal failed (${(r.durationMs / 1000).toFixed(1)} s):`);
      for (const h of r.hazards.filter((x) => x.severity === 'error' || r.strict)) {
        io.out(`  - [${h.kind}]${h.migration ? ` ${h.migration}:` : ''} ${h.message}`);
        for (const e of h.evidence.slice(0, 3)) io.out(`      ${e}`);
      }
      if (!r.rollbackProven && !r.hazards.some((h) => h.kind.startsWith('rollback')))
        io.out('  - the rollback was not proven (the rehearsal stopped before it)');
      if (r.skippedSteps?.length)
        io.out(
          `  stopped early (${r.skippedSteps[0]!.reason}): ${r.skippedSteps.length} steps did not run, ${r.skippedSteps.map((s) => s.name).join(', ')}`,
        );
    }
    const warnings = r.hazards.filter((h) => h.severity === 'warning');
    if (warnings.length && !r.strict) io.out(`  ${warnings.length} warning(s) (they fail the gate): ${warnings.map((w) => w.kind).join(', ')}`);
    io.out(`  report: ${files.find((f) => f.endsWith('index.html'))} (also summary.md, runbook.md, junit.xml, result.json)`);
    return r.exitCode;
  } catch (e) {
    if (controller.signal.aborted)
      throw new UserError('the rehearsal was interrupted (Ctrl-C); the throwaway instance and sandbox were removed, no report was written');
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
};
