/**
 * Bench section "rehearse": `npm run rehearse` of fixtures/acme with the shipped migrations (the whole
 * command, as a person runs it; its steps' times from result.json), against references measured in the same run (rehearse-references.ts):
 * - three runs of a trivial one-page Playwright test with the same browser (target: the rehearsal
 *   ≤ 4× them), and the bare Playwright run of the same specs on one phase;
 * - a change that cannot be applied (a migration naming an unknown field, added to the bundled set):
 *   `npm run rehearse` to its verdict against one `npm run validate` of fixtures/acme (target ≤ 5×);
 * - the observation count of the baseline run (target: at least the 4,206 of the old runner).
 */
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ForkHub, listen, loadUiRouter } from '../../http/index.ts';
import { readSnapshot } from '../../store/index.ts';
import { buildSuitePlan, type RehearsalResult, runRegression } from '../../rehearse/index.ts';
import { DEFAULT_SETTINGS } from '../../settings/index.ts';
import type { BenchSection } from '../types.ts';
import { npmRun, trivialPlaywrightRun } from './rehearse-references.ts';

const SNAPSHOT = 'fixtures/acme';
const NOW = '2026-11-02T09:00:00.000Z';
const TARGET_VS_TRIVIAL = 4;
const TARGET_VS_VALIDATE = 5;
const OBSERVATIONS_BEFORE = 4206;

const limits = () => ({
  uiSample: DEFAULT_SETTINGS.rehearse.uiSample,
  personaSample: DEFAULT_SETTINGS.rehearse.personaSample,
  issuesPerStatus: DEFAULT_SETTINGS.rehearse.issuesPerStatus,
  uiCreatesPerProject: 1,
});

const UNKNOWN_FIELD = `import { defineMigration, op } from 'understudy';
export default defineMigration({
  description: 'Require a field that does not exist (the bench: a change that cannot be applied).',
  ops: [op.requireField({ field: 'No Such Field', projects: ['WEB'], issueTypes: ['Bug'] })],
});
`;

const pass = (ratio: number, target: number) => (ratio <= target ? `PASS (target ≤ ${target}×)` : `FAIL (target ≤ ${target}×)`);

export const rehearseSection: BenchSection = {
  name: 'rehearse',
  run: async (ctx) => {
    const dir = join(ctx.dataDir, 'rehearse');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const snap = await readSnapshot(SNAPSHOT);
    const issues = snap.issues.length;
    const row = (step: string, seconds: number, extra: { ratio?: number; note?: string } = {}) =>
      ctx.row({ section: 'rehearse', size: issues, step, seconds, ...extra });

    // Reference 1: three runs of a trivial one-page test, each a fresh Playwright process and browser.
    let trivial = 0;
    for (let i = 0; i < 3; i++) trivial += await trivialPlaywrightRun(join(dir, `trivial-${i}`));
    row('3 trivial one-page Playwright runs (floor)', trivial, { note: 'same browser and launch options as the rehearsal' });

    // Reference 2: one bare Playwright run of the generated suite and the user's specs, one phase.
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
    row('bare Playwright run of the same specs, 1 phase', bareSeconds, {
      note: `${bare.run.tests.passed} passed, ${bare.observations.length} observations`,
    });

    // The whole command, as a person runs it (start-up, the production plan, the report included).
    const report = join(dir, 'report');
    const whole = await npmRun('rehearse', [
      '--snapshot',
      SNAPSHOT,
      '--migrations',
      'migrations',
      '--report',
      report,
      '--now',
      NOW,
      '--workers',
      String(DEFAULT_SETTINGS.rehearse.workers),
    ]);
    // Exit 1 is a verdict (shown in the row); 2 means there is no result to read.
    if (whole.code === 2) throw new Error(`npm run rehearse of the bundled change set exited 2: ${whole.output.slice(-800)}`);
    const total = whole.seconds;
    const r = JSON.parse(await readFile(join(report, 'result.json'), 'utf8')) as RehearsalResult;
    for (const s of r.steps) row(`  ${s.name.slice(0, 44)}`, s.ms / 1000);
    // Phases observed together share one run: count its time once.
    const runs = new Map(r.runs.map((x) => [x.together?.join('+') ?? x.phase, x.ms]));
    const inRuns = [...runs.values()].reduce((a, b) => a + b, 0) / 1000;
    row('npm run rehearse vs 3 trivial Playwright runs', total, {
      ratio: total / trivial,
      note: `${pass(total / trivial, TARGET_VS_TRIVIAL)}; ${runs.size} Playwright run(s) ${inRuns.toFixed(1)} s, the pipeline ${(r.durationMs / 1000).toFixed(1)} s, the command ${total.toFixed(1)} s; verdict ${r.verdict}`,
    });
    const observed = r.runs.find((x) => x.phase === 'baseline')?.observations ?? 0;
    ctx.row({
      section: 'rehearse',
      size: issues,
      step: 'observations of the baseline run',
      seconds: undefined,
      note: `${observed.toLocaleString('en')} (${r.runs.map((x) => `${x.phase} ${x.observations}`).join(', ')}): ${observed >= OBSERVATIONS_BEFORE ? 'PASS' : 'FAIL'} (target ≥ ${OBSERVATIONS_BEFORE.toLocaleString('en')})`,
    });

    // A change that cannot be applied: the bundled set plus a migration naming an unknown field.
    const broken = join(dir, 'unknown-field');
    await mkdir(broken, { recursive: true });
    for (const f of await readdir('migrations')) if (/^\d.*\.ts$/.test(f)) await copyFile(join('migrations', f), join(broken, f));
    await writeFile(join(broken, '20261201-000000-unknown-field.ts'), UNKNOWN_FIELD);
    const validate = await npmRun('validate', ['--snapshot', SNAPSHOT]);
    row('npm run validate of fixtures/acme (floor)', validate.seconds, { note: `exit ${validate.code}` });
    const verdict = await npmRun('rehearse', ['--migrations', broken, '--report', join(dir, 'unknown-field-report'), '--now', NOW]);
    row('unknown-field verdict vs npm run validate', verdict.seconds, {
      ratio: verdict.seconds / validate.seconds,
      note: `${pass(verdict.seconds / validate.seconds, TARGET_VS_VALIDATE)}; exit ${verdict.code}${verdict.code === 1 ? ' (precondition)' : ' — expected 1'}`,
    });
  },
};
