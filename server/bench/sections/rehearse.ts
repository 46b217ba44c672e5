/**
 * Bench section "rehearse": the whole rehearsal of fixtures/acme with the shipped migrations, time
 * per step, against two references measured in the same run — the bare Playwright run of the same
 * specs on the same sandbox (three of them: the pipeline runs one per phase), and the target of a
 * minute for the whole rehearsal. The pipeline's overhead is what it adds beyond those three runs.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ForkHub, listen, loadUiRouter } from '../../http/index.ts';
import { readSnapshot } from '../../store/index.ts';
import { buildSuitePlan, rehearse, runRegression } from '../../rehearse/index.ts';
import { DEFAULT_SETTINGS } from '../../settings/index.ts';
import type { BenchSection } from '../types.ts';

const SNAPSHOT = 'fixtures/acme';
const NOW = '2026-11-02T09:00:00.000Z';
const TARGET_SECONDS = 60;

const limits = () => ({
  uiSample: DEFAULT_SETTINGS.rehearse.uiSample,
  personaSample: DEFAULT_SETTINGS.rehearse.personaSample,
  issuesPerStatus: DEFAULT_SETTINGS.rehearse.issuesPerStatus,
  uiCreatesPerProject: 1,
});

export const rehearseSection: BenchSection = {
  name: 'rehearse',
  run: async (ctx) => {
    const dir = join(ctx.dataDir, 'rehearse');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const snap = await readSnapshot(SNAPSHOT);
    const issues = snap.issues.length;

    // The reference: one bare Playwright run of the generated suite and the user's specs.
    const hub = new ForkHub({ now: NOW, ui: await loadUiRouter() });
    hub.load({ config: snap.config!, issues: snap.issues });
    const server = await listen(hub.app);
    const planFile = join(dir, 'plan.json');
    await writeFile(planFile, JSON.stringify(buildSuitePlan({ config: snap.config!, issues: snap.issues }, snap.integrations, NOW, limits())));
    const bareStart = performance.now();
    const bare = await runRegression({
      phase: 'baseline',
      url: server.url,
      planFile,
      reportDir: join(dir, 'bare'),
      workers: DEFAULT_SETTINGS.rehearse.workers,
      progress: () => {},
    });
    const bareSeconds = (performance.now() - bareStart) / 1000;
    await server.close();
    ctx.row({
      section: 'rehearse',
      size: issues,
      step: 'bare Playwright run of the same specs (floor, x1)',
      seconds: bareSeconds,
      note: `${bare.run.tests.passed} passed, ${bare.observations.length} observations`,
    });

    const started = performance.now();
    const outcome = await rehearse(
      {
        snapshot: SNAPSHOT,
        migrations: 'migrations',
        reportDir: join(dir, 'report'),
        now: NOW,
        strict: false,
        workers: DEFAULT_SETTINGS.rehearse.workers,
        notificationsPerRecipient: DEFAULT_SETTINGS.rehearse.notificationsPerRecipient,
        limits: limits(),
      },
      { progress: () => {} },
    );
    const total = (performance.now() - started) / 1000;
    for (const s of outcome.result.steps) ctx.row({ section: 'rehearse', size: issues, step: `  ${s.name}`, seconds: s.ms / 1000 });
    const runs = outcome.result.runs.reduce((n, r) => n + r.ms, 0) / 1000;
    ctx.row({
      section: 'rehearse',
      size: issues,
      step: 'whole rehearsal vs 3 bare runs',
      seconds: total,
      ratio: total / (3 * bareSeconds),
      note: `pipeline overhead ${(total - runs).toFixed(1)} s beyond its three runs (${runs.toFixed(1)} s); verdict ${outcome.result.verdict}`,
    });
    ctx.row({
      section: 'rehearse',
      size: issues,
      step: `whole rehearsal vs the ${TARGET_SECONDS} s target`,
      seconds: total,
      ratio: total / TARGET_SECONDS,
      note: total <= TARGET_SECONDS ? 'PASS' : `FAIL (target ${TARGET_SECONDS} s)`,
    });
  },
};
