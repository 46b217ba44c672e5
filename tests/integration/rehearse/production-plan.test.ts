/**
 * The production plan of the runbook, planned beside the regression runs (in-memory runner, no
 * browser): a safe rehearsal's report has it, a failed one's does not, and a change stopped before the
 * runs lists the step among those that did not run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { productionPlanSummary } from '../../../server/apply/index.ts';
import { UserError } from '../../../server/common/errors.ts';
import { reportError } from '../../../server/cli/index.ts';
import { runRehearseCommand } from '../../../server/rehearse/command.ts';
import { MemoryRunner } from '../../../server/rehearse/index.ts';
import { scratchDir, writeMigrations, writeTinyWithBugFiler } from '../../helpers/rehearse-cli.ts';
import { BROKEN_CHANGES } from './change-sets.ts';

const STEP = 'plan the change for production (for the runbook)';
let dir: string;
let snapshot: string;
let noSpecs: string;

beforeAll(async () => {
  dir = await scratchDir();
  snapshot = await writeTinyWithBugFiler(join(dir, 'snapshot'));
  noSpecs = join(dir, 'no-specs');
  await mkdir(noSpecs, { recursive: true });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const rehearseWithPlan = async (name: string, files: Record<string, string>) => {
  const migrations = await writeMigrations(join(dir, name), files);
  const report = join(dir, `report-${name}`);
  const io = { out: () => {}, err: () => {} };
  const asked: string[][] = [];
  const code = await runRehearseCommand(
    ['--snapshot', snapshot, '--migrations', migrations, '--report', report, '--specs', noSpecs],
    io,
    'rehearse',
    {
      runner: new MemoryRunner(),
      productionPlan: (...a) => {
        asked.push([...a[2]]);
        return productionPlanSummary(...a);
      },
    },
  );
  return { code, asked, result: JSON.parse(await readFile(join(report, 'result.json'), 'utf8')) };
};

describe('the production plan beside the regression runs', () => {
  it('a safe rehearsal keeps it, planned once for the pending migrations', async () => {
    const r = await rehearseWithPlan('none', {});
    expect(r.code).toBe(0);
    expect(r.asked).toEqual([[]]);
    expect(r.result.productionPlan).toMatchObject({ deploymentType: 'Cloud', migrations: [] });
    expect(r.result.steps.map((s: { name: string }) => s.name)).toContain(STEP);
  }, 120_000);

  it('a rehearsal that finds a regression planned it beside the runs but does not report it', async () => {
    const c = BROKEN_CHANGES.find((x) => !x.failsFast && x.hazards.includes('regression'))!;
    const r = await rehearseWithPlan('regression', { [c.file]: c.source });
    expect(r.code).toBe(1);
    expect(r.asked).toEqual([[c.file.replace(/\.ts$/, '')]]);
    expect(r.result.productionPlan).toBeUndefined();
  }, 120_000);

  it('a lane beside it that fails stops the plan part-way instead of waiting for it', async () => {
    const migrations = await writeMigrations(join(dir, 'runs-fail'), {});
    const report = join(dir, 'report-runs-fail');
    let sawAbort = false;
    const failing = new (class extends MemoryRunner {
      override async run(): Promise<never> {
        await new Promise((r) => setTimeout(r, 20));
        throw new UserError('the specs do not load');
      }
    })();
    const err: string[] = [];
    const io = { out: () => {}, err: (l: string) => err.push(l) };
    const code = await runRehearseCommand(
      ['--snapshot', snapshot, '--migrations', migrations, '--report', report, '--specs', noSpecs],
      io,
      'rehearse',
      {
        runner: failing,
        // A plan that would never end on its own: only the signal ends it.
        productionPlan: (_s, _m, _ids, _now, signal) =>
          new Promise((_, fail) =>
            signal?.addEventListener('abort', () => {
              sawAbort = true;
              fail(signal.reason);
            }),
          ),
      },
    ).catch((e: unknown) => reportError(e, io, false));
    expect(code).toBe(2);
    expect(sawAbort).toBe(true);
    expect(err.join('\n')).toContain('the specs do not load');
  }, 120_000);

  it('a change stopped before the runs never plans it, and says the step did not run', async () => {
    const c = BROKEN_CHANGES.find((x) => x.failsFast)!;
    const r = await rehearseWithPlan('stopped', { [c.file]: c.source });
    expect(r.code).toBe(1);
    expect(r.asked).toEqual([]);
    expect(r.result.productionPlan).toBeUndefined();
    expect(r.result.skippedSteps.map((s: { name: string }) => s.name)).toContain(STEP);
  }, 120_000);
});
