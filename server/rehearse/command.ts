/** `npm run rehearse` / `npm run gate`: flags, the pipeline, the report and the exit code. */
import type { CommandIo } from '../cli/run.ts';
import { parseFlags } from '../cli/run.ts';
import { parseIsoTime } from '../cli/flags.ts';
import { rehearse } from './pipeline.ts';
import { writeReport } from './report.ts';

const USAGE = 'npm run rehearse -- [--snapshot DIR] [--migrations DIR] [--report DIR] [--to ID] [--now ISO] [--keep-instance]';

const OPTIONS = {
  snapshot: { type: 'string', default: 'fixtures/acme' },
  migrations: { type: 'string', default: 'migrations' },
  report: { type: 'string', default: 'reports/latest' },
  to: { type: 'string' },
  now: { type: 'string' },
  'keep-instance': { type: 'boolean', default: false },
} as const;

export const runRehearseCommand = async (argv: string[], io: CommandIo): Promise<number> => {
  const { values } = parseFlags(argv, OPTIONS, USAGE);
  const now = parseIsoTime('--now', values.now) ?? new Date(Math.floor(Date.now() / 1000) * 1000).toISOString();
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
