/** `npm run rehearse` / `npm run gate`: flags, the pipeline, the report and the exit code. */
import type { CommandIo } from '../cli/run.ts';
import { parseFlags } from '../cli/run.ts';
import { UserError } from '../common/errors.ts';
import { rehearse } from './pipeline.ts';
import { writeReport } from './report.ts';

const USAGE = 'npm run rehearse -- [--snapshot DIR] [--migrations DIR] [--report DIR] [--to ID] [--now ISO] [--keep-instance]';

const OPTIONS = {
  snapshot: { type: 'string', default: 'fixtures/acme' },
  migrations: { type: 'string', default: 'migrations' },
  report: { type: 'string', default: 'reports/latest' },
  to: { type: 'string' },
  now: { type: 'string' },
  gate: { type: 'boolean', default: false },
  'keep-instance': { type: 'boolean', default: false },
} as const;

export const runRehearseCommand = async (argv: string[], io: CommandIo): Promise<number> => {
  const { values } = parseFlags(argv, OPTIONS, USAGE);
  let now = new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
  if (values.now !== undefined) {
    const t = Date.parse(values.now);
    if (Number.isNaN(t)) throw new UserError(`--now '${values.now}' is not a date-time`, { details: ['give an ISO 8601 time, e.g. --now 2026-11-01T09:00:00Z'] });
    now = new Date(t).toISOString();
  }
  const started = performance.now();
  const result = await rehearse({ snapshot: values.snapshot, migrations: values.migrations, to: values.to, now, keepInstance: values['keep-instance'] }, { progress: io.err });
  const files = await writeReport(values.report, result);
  io.out('');
  io.out(result.verdict === 'safe'
    ? `✔ safe to proceed: ${result.migrations.length} migration(s) applied, rolled back to the exact baseline hash and applied again (${Math.round(performance.now() - started)} ms)`
    : `✘ rehearsal failed: ${result.problems.join('; ')}`);
  for (const n of result.notRun) io.out(`  not covered yet: ${n}`);
  io.out(`  report: ${files.join(', ')}`);
  return result.verdict === 'safe' ? 0 : 1;
};
