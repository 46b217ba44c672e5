/** Flags of `npm run clone` → CloneOptions; every bad flag is one clear message (exit 2). */
import { type CommandIo, parseFlags } from '../cli/index.ts';
import { UserError } from '../common/errors.ts';
import { runClone, type CloneOptions } from './command.ts';
import { redactError } from './credentials.ts';

export const CLONE_USAGE =
  'npm run clone -- --from jira --url URL --out DIR [--projects KEY,…] [--issues-per-bucket N] [--max-issues N] [--no-anonymize] [--resume] [--concurrency N] [--save-raw DIR]\n' +
  '       npm run clone -- --from file --dir SAVED --out DIR [--url URL] [--projects KEY,…] [--issues-per-bucket N] [--max-issues N] [--no-anonymize]\n' +
  '  credentials come from the environment only: JIRA_EMAIL + JIRA_API_TOKEN (Cloud) or JIRA_PAT (Data Center)';

const int = (name: string, v: string | undefined, fallback: number, min: number): number => {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) < min)
    throw new UserError(`--${name} '${v}' is not a whole number of at least ${min}`, { details: [`usage: ${CLONE_USAGE}`] });
  return Number(v);
};

export const parseCloneFlags = (argv: string[]): CloneOptions | 'help' => {
  const { values } = parseFlags(
    argv,
    {
      from: { type: 'string' },
      url: { type: 'string' },
      dir: { type: 'string' },
      out: { type: 'string' },
      projects: { type: 'string' },
      'issues-per-bucket': { type: 'string' },
      'max-issues': { type: 'string' },
      'no-anonymize': { type: 'boolean' },
      resume: { type: 'boolean' },
      concurrency: { type: 'string' },
      'save-raw': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    CLONE_USAGE,
  );
  if (values.help) return 'help';
  const from = values.from ?? 'jira';
  if (from !== 'jira' && from !== 'file')
    throw new UserError(`--from '${from}' is not a source Understudy can clone`, {
      details: ['expected --from jira or --from file', `usage: ${CLONE_USAGE}`],
    });
  if (!values.out) throw new UserError('--out DIR is required: where the snapshot is written', { details: [`usage: ${CLONE_USAGE}`] });
  const projects = values.projects
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = projects?.filter((k) => !/^[A-Z][A-Z0-9_]{1,9}$/.test(k)) ?? [];
  if (bad.length)
    throw new UserError(
      `--projects names ${bad.map((k) => `'${k}'`).join(', ')}, which ${bad.length === 1 ? 'is not a project key' : 'are not project keys'}`,
      { details: ['project keys are upper case, 2 to 10 characters, e.g. --projects SHOP,OPS'] },
    );
  return {
    from,
    ...(values.url ? { url: values.url } : {}),
    ...(values.dir ? { dir: values.dir } : {}),
    out: values.out,
    ...(projects?.length ? { projects } : {}),
    issuesPerBucket: int('issues-per-bucket', values['issues-per-bucket'], 5, 1),
    maxIssues: int('max-issues', values['max-issues'], 1000, 0),
    anonymize: !values['no-anonymize'],
    resume: values.resume === true,
    concurrency: int('concurrency', values.concurrency, 4, 1),
    ...(values['save-raw'] ? { saveRaw: values['save-raw'] } : {}),
  };
};

export const cloneMain = async (argv: string[], io: CommandIo): Promise<number> => {
  const o = parseCloneFlags(argv);
  if (o === 'help') {
    io.out(`usage: ${CLONE_USAGE}`);
    return 0;
  }
  try {
    // A snapshot with validation errors is written (to be looked at) but is not a success: exit 1.
    return (await runClone(o, io)).errors ? 1 : 0;
  } catch (e) {
    throw redactError(e, process.env);
  }
};
