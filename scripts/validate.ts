/** `npm run validate -- [--snapshot DIR] [--config FILE]`: every problem of a snapshot, then a summary; exit 0 valid, 2 not. */
import { parseFlags, runCommand, type CommandIo } from '../server/cli/run.ts';
import { UserError } from '../server/common/errors.ts';
import { loadSettings } from '../server/settings/index.ts';
import { formatProblem } from '../server/model/problems.ts';
import { validateSnapshotData } from '../server/model/validate.ts';
import { readSnapshot } from '../server/store/snapshot-read.ts';

const USAGE = 'npm run validate -- [--snapshot DIR] [--config FILE] [--debug]';

const validateCommand = async (argv: string[], io: CommandIo): Promise<number> => {
  const { values } = parseFlags(argv, { snapshot: { type: 'string' }, config: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, USAGE);
  if (values.help) {
    io.out(`usage: ${USAGE}`);
    return 0;
  }
  // As every command: a malformed understudy.config.json stops it; its defaults.snapshot is the default.
  const settings = await loadSettings(values.config !== undefined ? { file: values.config } : {});
  const dir = values.snapshot ?? settings.defaults.snapshot;
  if (!dir) throw new UserError('--snapshot needs a directory', { details: [`usage: ${USAGE}`] });
  const snapshot = await readSnapshot(dir);
  const problems = validateSnapshotData(snapshot);
  for (const p of problems) io.out(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  io.out(
    errors === 0
      ? `${dir}: valid (${plural(snapshot.issues.length, 'issue')}, ${plural(warnings, 'warning')})`
      : `${dir}: invalid: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`,
  );
  return errors === 0 ? 0 : 2;
};

runCommand(validateCommand);
