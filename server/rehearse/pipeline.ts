/**
 * The rehearsal pipeline (PRODUCT.md): validate → throwaway instance → sandbox (started once) →
 * baseline regression → plan and hazards → up → regression, compared with the baseline → down →
 * hash == baseline → regression == baseline → up again → hash == first up. Every regression run
 * works on a fork of the instance's state served by the one sandbox, with the clock frozen, so the
 * hash chain sees only what the migrations did. Cleans up on every exit path (also on abort).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckFailed, UserError } from '../common/errors.ts';
import { makeTempDir, type TempDir } from '../common/temp-dir.ts';
import { type Config, formatProblem, hasErrors, validateSnapshotData, validateState } from '../model/index.ts';
import { configChanges, deepEqual, loadMigrations, migrateDown, migrateUp, MigrationError, planMigrations, selectPending } from '../migrate/index.ts';
import { ForkHub, type InternalErrorEntry, listen, loadUiRouter } from '../http/index.ts';
import { createInstance, readSnapshot } from '../store/index.ts';
import { NO_BROWSER_HINT } from './browser/ensure-chromium.ts';
import { BrowserNotFound, findChromium } from './browser/find-chromium.ts';
import { broadExpectationHazards, planHazards, reachabilityHazards, totalNotificationHazards, unusedExpectationHazards } from './hazards.ts';
import { backoutSentences, changeAreas } from './migration-words.ts';
import { classifyDifferences } from './observe/classify.ts';
import { keepSandboxErrors } from './sandbox-errors.ts';
import { compareObservations } from './observe/compare.ts';
import { runRegression } from './regression-run.ts';
import type { Hazard, MigrationReport, Phase, RehearsalResult } from './result.ts';
import { StepLog, type StepIo } from './steps.ts';
import { buildSuitePlan, type PlanLimits } from './suite/plan.ts';

export interface RehearseOptions {
  snapshot: string;
  migrations: string;
  reportDir: string;
  to?: string;
  /** The frozen clock of the whole rehearsal. */
  now: string;
  strict: boolean;
  shard?: string;
  workers: number;
  notificationsPerRecipient: number;
  limits: PlanLimits;
  /** The user's own specs (default tests/regression). */
  userSpecs?: string;
  /** The gate's freshness rule for cloned snapshots (days); absent = no check. */
  freshness?: (manifest: {
    kind: string;
    createdAt: string;
    production?: { clonedAt: string };
  }) => { ok: true; note: string } | { ok: false; message: string; details: string[] };
  keepInstance?: boolean;
  signal?: AbortSignal;
}

export interface RehearsalOutcome {
  result: RehearsalResult;
  /** The configuration at baseline and before/after each migration (for diagrams and the runbook). */
  configs: Map<string, { before: Config; after: Config }>;
  baselineConfig?: Config;
}

const NOT_RUN = [
  'production itself: the rehearsal ran on a copy; the runbook lists the steps to do there',
  'sub-task creation through the create form (sub-task types are covered by the create metadata and the transition walks)',
];

const changedWorkflows = (before: Config, after: Config): string[] => {
  const ids = new Set([...before.workflows.map((w) => w.id), ...after.workflows.map((w) => w.id)]);
  const out: string[] = [];
  for (const id of ids) {
    const b = before.workflows.find((w) => w.id === id);
    const a = after.workflows.find((w) => w.id === id);
    if (!deepEqual(b, a)) out.push((a ?? b)!.name);
  }
  return out;
};

export const rehearse = async (opts: RehearseOptions, io: StepIo & { raw?: (chunk: string) => void }): Promise<RehearsalOutcome> => {
  const started = performance.now();
  const log = new StepLog(io);
  const configs = new Map<string, { before: Config; after: Config }>();
  const result: RehearsalResult = {
    schemaVersion: 1,
    verdict: 'failed',
    exitCode: 1,
    strict: opts.strict,
    snapshot: { dir: opts.snapshot, kind: 'unknown', issues: 0, projects: 0 },
    migrationsDir: opts.migrations,
    now: opts.now,
    startedAt: new Date().toISOString(),
    durationMs: 0,
    ...(opts.shard ? { shard: opts.shard } : {}),
    migrations: [],
    hashes: { baseline: '' },
    rollbackProven: false,
    regressions: [],
    expected: [],
    rollbackDifferences: [],
    hazards: [],
    runs: [],
    steps: log.steps,
    notRun: [...NOT_RUN],
  };
  const outcome: RehearsalOutcome = { result, configs };
  const finish = (): RehearsalOutcome => {
    const errors = result.hazards.filter((h) => h.severity === 'error').length;
    const warnings = result.hazards.length - errors;
    const failed = errors > 0 || (opts.strict && warnings > 0) || !result.rollbackProven;
    result.verdict = failed ? 'failed' : 'safe';
    result.exitCode = failed ? 1 : 0;
    result.durationMs = Math.round(performance.now() - started);
    return outcome;
  };
  const hazard = (h: Hazard) => {
    result.hazards.push(h);
  };

  // Only find one: installing a browser is for `npm test`; a rehearsal without one is exit 2 at once.
  await log.run('find a browser', async (ev) => {
    const b = await findChromium().catch((e: unknown) => {
      throw e instanceof BrowserNotFound ? new UserError(e.message) : e;
    });
    if (!b) throw new UserError(NO_BROWSER_HINT);
    ev.push(`${b.path} (${b.source})`);
  });
  const snap = await log.run('validate the snapshot', async (ev) => {
    const s = await readSnapshot(opts.snapshot);
    const problems = validateSnapshotData(s);
    const errors = problems.filter((p) => p.severity === 'error');
    ev.push(
      `${s.issues.length} issues, ${s.config?.projects.length ?? 0} projects, ${s.integrations.length} recorded integrations, ${errors.length} errors, ${problems.length - errors.length} warnings`,
    );
    if (hasErrors(problems)) {
      throw new UserError(`snapshot '${opts.snapshot}' is not valid (${errors.length} errors)`, {
        details: [...errors.slice(0, 15).map(formatProblem), `run npm run validate -- --snapshot ${opts.snapshot} for all of them`],
      });
    }
    return s;
  });
  result.snapshot = {
    dir: opts.snapshot,
    kind: snap.manifest?.kind ?? 'unknown',
    createdAt: snap.manifest?.createdAt,
    issues: snap.issues.length,
    projects: snap.config?.projects.length ?? 0,
    ...(snap.manifest?.productionTotals?.issues !== undefined ? { productionIssues: snap.manifest.productionTotals.issues } : {}),
    ...(snap.manifest?.source?.url ? { sourceUrl: snap.manifest.source.url } : {}),
  };
  if (opts.freshness && snap.manifest) {
    const f = opts.freshness(snap.manifest);
    if (!f.ok) {
      // Stop here: rehearsing on a stale copy proves nothing about production today.
      hazard({ kind: 'stale-snapshot', severity: 'error', message: f.message, evidence: f.details });
      result.notRun.push('everything after the freshness check: the snapshot is too old to rehearse on');
      return finish();
    } else log.steps.push({ name: 'snapshot freshness', ok: true, ms: 0, evidence: [f.note] });
  }
  const loaded = await log.run('load the migrations', async (ev) => {
    const l = await loadMigrations(opts.migrations);
    ev.push(`${l.length} migration file${l.length === 1 ? '' : 's'} in ${opts.migrations}`);
    return l;
  });

  const sandboxErrors: InternalErrorEntry[] = [];
  let temp: TempDir | undefined;
  let dir: string | undefined;
  let server: { url: string; close: () => Promise<void> } | undefined;
  try {
    // Removed at the end, and however the process ends before (a migration's process.exit, Ctrl-C): common/temp-dir.ts.
    temp = await makeTempDir('understudy-rehearsal-');
    dir = temp.dir;
    const hub = new ForkHub({ now: opts.now, ui: await loadUiRouter(), onInternalError: (e) => sandboxErrors.push(e) });
    const instance = await log.run('create a throwaway instance', async (ev) => {
      const inst = await createInstance(opts.snapshot, join(dir!, 'instance'), { snapshot: snap });
      result.hashes.baseline = inst.hash();
      ev.push(`baseline hash ${result.hashes.baseline}`);
      return inst;
    });
    outcome.baselineConfig = structuredClone(instance.data.config);
    // Before any browser run: an unknown --to is bad input, found at once.
    const pending = selectPending(instance, loaded, { to: opts.to });
    result.migrationFiles = pending.map(({ id, file, checksum }) => ({ id, file, checksum }));
    const planFile = join(opts.reportDir, '.observations', 'suite-plan.json');
    await log.run('start the sandbox and generate the regression suite', async (ev) => {
      server = await listen(hub.app);
      const plan = buildSuitePlan(instance.data, snap.integrations, opts.now, opts.limits);
      await mkdir(join(opts.reportDir, '.observations'), { recursive: true });
      await writeFile(planFile, JSON.stringify(plan));
      ev.push(`sandbox ${server.url}, clock frozen at ${opts.now}`);
      ev.push(
        `${plan.creates.length} create cases (${plan.creates.filter((c) => c.ui).length} through the browser), ${plan.walks.length} transitions to walk (${plan.walks.filter((w) => w.ui).length} through the browser), ${plan.samples.length} sample issues × ${plan.samples[0]?.personas.length ?? 0} personas, ${plan.personas.length} personas × ${plan.projects.length} projects permission matrix, ${plan.filters.length} filters, ${plan.boards.length} boards, ${plan.integrations.length} integrations`,
      );
      for (const n of plan.notes) ev.push(`note: ${n}`);
      for (const u of plan.unwalkable) ev.push(`not walked: ${u.workflow} / ${u.transition}: ${u.reason}`);
      if (plan.unwalkable.length)
        result.notRun.push(`${plan.unwalkable.length} transitions no sample issue or persona could take at baseline (listed in the steps)`);
    });
    const regression = async (phase: Phase) =>
      log.run(`regression run: ${phase}`, async (ev) => {
        hub.load(instance.data);
        const { run, observations } = await runRegression({
          phase,
          url: server!.url,
          planFile,
          reportDir: opts.reportDir,
          workers: opts.workers,
          shard: opts.shard,
          userSpecs: opts.userSpecs,
          progress: (c) => io.raw?.(c),
          signal: opts.signal,
        });
        result.runs.push(run);
        ev.push(`${run.tests.passed} passed, ${run.tests.failed} failed, ${observations.length} observations`);
        for (const f of run.failures.slice(0, 5)) ev.push(`failed: ${f.title}: ${f.error.split('\n')[0]}`);
        return observations;
      });

    const baseline = await regression('baseline');
    const baselineRun = result.runs.at(-1)!;
    if (baselineRun.tests.failed) {
      hazard({
        kind: 'baseline-failure',
        severity: 'warning',
        message: `${baselineRun.tests.failed} test${baselineRun.tests.failed === 1 ? '' : 's'} already fail before the change: what they check is compared only by how they fail — fix them or the snapshot`,
        evidence: baselineRun.failures.slice(0, 10).map((f) => `${f.title}: ${f.error.split('\n')[0]}`),
      });
      result.notRun.push(`the checks of ${baselineRun.tests.failed} test(s) that fail at baseline (see the hazards)`);
    }
    const baselineWarnings = new Set(
      validateState(instance.data.config, instance.data.issues)
        .filter((p) => p.severity === 'warning')
        .map(formatProblem),
    );
    const plan = await log.run(
      'plan the pending migrations',
      async (ev) => {
        const items = await planMigrations(instance.data, pending, opts.now, (id, before, after) => configs.set(id, { before, after }));
        await instance.reload(); // the plan changed the state in memory only: take the saved one back
        for (const it of items)
          ev.push(
            `${it.id}: ${it.error ? `CANNOT APPLY: ${it.error}` : `${it.sentences.length} changes, ${it.issues.total} issues touched, ${it.notifications.total} notifications`}`,
          );
        return items;
      },
      (items) => items.every((i) => !i.error),
    );
    result.migrations = plan.map(
      (p): MigrationReport => ({
        id: p.id,
        description: p.description,
        sentences: p.sentences,
        changes: changeAreas(pending.find((m) => m.id === p.id)?.migration, p.sentences),
        configChanges: p.configChanges,
        issues: p.issues,
        ...(configs.has(p.id) ? { backoutConfigChanges: configChanges(configs.get(p.id)!.after, configs.get(p.id)!.before) } : {}),
        notifications: p.notifications,
        sharedSchemes: p.sharedSchemes,
        ...(p.irreversible ? { irreversible: p.irreversible } : {}),
        workflowsChanged: configs.has(p.id) ? changedWorkflows(configs.get(p.id)!.before, configs.get(p.id)!.after) : [],
      }),
    );
    const planFailure = plan.find((i) => i.error);
    if (planFailure) {
      hazard({
        kind: 'precondition',
        severity: 'error',
        migration: planFailure.id,
        message: `${planFailure.id} cannot be applied to the snapshot`,
        evidence: [planFailure.error!],
      });
      return finish();
    }
    for (const h of [
      ...planHazards(plan, opts.notificationsPerRecipient),
      ...totalNotificationHazards(plan, opts.notificationsPerRecipient),
      ...broadExpectationHazards(plan),
    ])
      hazard(h);
    if (!pending.length) result.notRun.push('no pending migration: the rehearsal compared the baseline with itself');

    const up = await log.run('migrate up', async (ev) => {
      const r = await migrateUp(instance, pending, { now: opts.now, to: opts.to });
      for (const e of r.applied) ev.push(`${e.id}: ${e.durationMs} ms, ${e.touchedIssues} issues touched`);
      result.hashes.afterUp = instance.hash();
      ev.push(`hash after up ${result.hashes.afterUp}`);
      return r.applied;
    });
    for (const e of up) {
      const m = result.migrations.find((x) => x.id === e.id);
      if (m) {
        m.upMs = e.durationMs;
        m.backout = backoutSentences(e);
      }
    }
    const newWarnings = validateState(instance.data.config, instance.data.issues)
      .filter((p) => p.severity === 'warning')
      .map(formatProblem)
      .filter((w) => !baselineWarnings.has(w));
    if (newWarnings.length)
      hazard({
        kind: 'rules-warning',
        severity: 'warning',
        migration: up.at(-1)?.id,
        message: `the change leaves ${newWarnings.length} new warning${newWarnings.length === 1 ? '' : 's'} from the model's rules`,
        evidence: newWarnings.slice(0, 10),
      });

    const afterUp = await regression('after-up');
    await log.run(
      'compare after up with the baseline',
      async (ev) => {
        const diffs = compareObservations(baseline, afterUp);
        const c = classifyDifferences(
          diffs,
          plan.map((p) => ({ id: p.id, expect: p.expect, text: [...p.sentences, ...p.configChanges, p.description] })),
        );
        result.regressions = c.regressions;
        result.expected = c.expected;
        ev.push(`${diffs.length} differences: ${c.expected.length} declared by expect, ${c.regressions.length} undeclared`);
        for (const r of c.regressions.slice(0, 10)) ev.push(`REGRESSION (${r.migration}) ${r.check}: ${r.label}: ${r.change}`);
        if (c.regressions.length) {
          hazard({
            kind: 'regression',
            severity: 'error',
            migration: c.regressions[0]!.migration,
            message: `${c.regressions.length} undeclared difference${c.regressions.length === 1 ? '' : 's'} after up (add an expect entry if intended)`,
            evidence: c.regressions.slice(0, 10).map((r) => `${r.migration}: ${r.check}: ${r.label} (${r.change})`),
          });
        }
        // A shard sees only part of the suite: an entry unused here may match on another shard.
        if (!opts.shard) for (const h of unusedExpectationHazards(c)) hazard(h);
        for (const h of reachabilityHazards(baseline, afterUp, up.at(-1)?.id)) hazard(h);
      },
      () => result.regressions.length === 0,
    );

    await log.run(
      'migrate down to the start',
      async (ev) => {
        const reverted = await migrateDown(instance, { steps: up.length, now: opts.now }, loaded);
        for (const r of reverted) {
          const m = result.migrations.find((x) => x.id === r.entry.id);
          if (m) m.downMs = r.durationMs;
          ev.push(`${r.entry.id}: reverted in ${r.durationMs} ms${r.restored ? '' : ' — its hash is NOT the one recorded before it'}`);
        }
        result.hashes.afterDown = instance.hash();
        ev.push(`hash after down ${result.hashes.afterDown} ${result.hashes.afterDown === result.hashes.baseline ? '== baseline' : '!= baseline'}`);
      },
      () => result.hashes.afterDown === result.hashes.baseline,
    );
    if (result.hashes.afterDown !== result.hashes.baseline) {
      hazard({
        kind: 'rollback-hash',
        severity: 'error',
        migration: up.at(-1)?.id,
        message: 'migrate down does not restore the baseline: the canonical hash differs',
        evidence: [`baseline ${result.hashes.baseline}`, `after down ${result.hashes.afterDown}`],
      });
    }
    const afterDown = await regression('after-down');
    await log.run(
      'compare after down with the baseline',
      async (ev) => {
        result.rollbackDifferences = compareObservations(baseline, afterDown);
        ev.push(
          result.rollbackDifferences.length
            ? `${result.rollbackDifferences.length} differences: the rollback does not give people back what they had`
            : 'identical observations',
        );
        if (result.rollbackDifferences.length) {
          hazard({
            kind: 'rollback-observations',
            severity: 'error',
            migration: up.at(-1)?.id,
            message: `after down, ${result.rollbackDifferences.length} observation${result.rollbackDifferences.length === 1 ? '' : 's'} differ from the baseline`,
            evidence: result.rollbackDifferences.slice(0, 10).map((d) => `${d.check}: ${d.label} (${d.change})`),
          });
        }
      },
      () => result.rollbackDifferences.length === 0,
    );
    await log.run(
      'migrate up again',
      async (ev) => {
        await migrateUp(instance, pending, { now: opts.now, to: opts.to });
        result.hashes.afterUpAgain = instance.hash();
        ev.push(
          `hash after up again ${result.hashes.afterUpAgain} ${result.hashes.afterUpAgain === result.hashes.afterUp ? '== first up' : '!= first up'}`,
        );
      },
      () => result.hashes.afterUpAgain === result.hashes.afterUp,
    );
    if (result.hashes.afterUpAgain !== result.hashes.afterUp) {
      hazard({
        kind: 'rollback-hash',
        severity: 'error',
        migration: up.at(-1)?.id,
        message: 'migrate up after down does not reach the same state as the first up',
        evidence: [`first up ${result.hashes.afterUp}`, `up again ${result.hashes.afterUpAgain}`],
      });
    }
    result.rollbackProven =
      result.hashes.afterDown === result.hashes.baseline &&
      result.hashes.afterUpAgain === result.hashes.afterUp &&
      result.rollbackDifferences.length === 0;
    instance.close();
    return finish();
  } catch (e) {
    // A migration that fails on the snapshot is a finding (exit 1), not bad input.
    if (e instanceof MigrationError) {
      const proof = e.exitCode === 1;
      hazard({
        kind: proof ? 'rollback-hash' : 'precondition',
        severity: 'error',
        migration: e.migrationId,
        message: proof ? `${e.migrationId}: its down() does not undo its up() — the rollback would not restore production` : e.message,
        evidence: [e.message, ...e.details],
      });
      return finish();
    }
    if (e instanceof CheckFailed) {
      hazard({ kind: 'rules', severity: 'error', message: e.message, evidence: [...e.details] });
      return finish();
    }
    throw e;
  } finally {
    await server?.close();
    await keepSandboxErrors(opts.reportDir, sandboxErrors, result);
    if (temp && !opts.keepInstance) await temp.remove();
    else if (temp) {
      temp.keep();
      io.progress(`instance kept at ${join(temp.dir, 'instance')}`);
    }
  }
};
