/** The flags of `npm run apply`, `migrate:down --url` and `migrate:status --url`, checked once. */
import { UserError } from '../common/errors.ts';
import { parseFlags } from '../cli/index.ts';

export const APPLY_USAGE =
  'npm run apply -- --url URL [--report DIR] [--to ID] [--dry-run] [--yes] [--send] [--no-heads-up REASON] [--no-backout] [--resume] [--ledger DIR] [--timeout SECONDS] [--config FILE]   (credentials: JIRA_EMAIL + JIRA_API_TOKEN, or JIRA_PAT)';
export const DOWN_USAGE =
  'npm run migrate:down -- --url URL [--steps N | --to ID] [--send] [--ledger DIR] [--report DIR] [--timeout SECONDS] [--resume]';
export const STATUS_USAGE = 'npm run migrate:status -- --url URL [--ledger DIR] [--timeout SECONDS]';

export interface ApplyOptions {
  url?: string;
  report?: string;
  to?: string;
  dryRun: boolean;
  yes: boolean;
  send: boolean;
  noHeadsUp?: string;
  backout: boolean;
  resume: boolean;
  ledger?: string;
  timeoutMs: number;
  config?: string;
}

export const parseTimeout = (v: string | undefined, usage: string): number => {
  if (v === undefined) return 30_000;
  if (!/^\d+(\.\d+)?$/.test(v) || Number(v) <= 0 || Number(v) > 3600)
    throw new UserError(`--timeout '${v}' is not a number of seconds between 0 and 3600`, { details: [`usage: ${usage}`] });
  return Math.round(Number(v) * 1000);
};

export const parseApplyOptions = (argv: string[]): ApplyOptions => {
  const { values: v } = parseFlags(
    argv,
    {
      url: { type: 'string' },
      report: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      send: { type: 'boolean', default: false },
      'no-heads-up': { type: 'string' },
      'no-backout': { type: 'boolean', default: false },
      resume: { type: 'boolean', default: false },
      ledger: { type: 'string' },
      timeout: { type: 'string' },
      config: { type: 'string' },
    },
    APPLY_USAGE,
  );
  if (v['no-heads-up'] !== undefined && !v['no-heads-up'].trim())
    throw new UserError('--no-heads-up needs the reason people were not told beforehand', {
      details: ['e.g. --no-heads-up "emergency fix agreed with the service owner"; it is logged and put in the notices'],
    });
  if (v.resume && (v.to !== undefined || v['dry-run']))
    throw new UserError('--resume finishes the run the journal holds: --to and --dry-run do not apply to it', { details: [`usage: ${APPLY_USAGE}`] });
  return {
    ...(v.url !== undefined ? { url: v.url } : {}),
    ...(v.report !== undefined ? { report: v.report } : {}),
    ...(v.to !== undefined ? { to: v.to } : {}),
    dryRun: v['dry-run'],
    yes: v.yes,
    send: v.send,
    ...(v['no-heads-up'] !== undefined ? { noHeadsUp: v['no-heads-up'].trim() } : {}),
    backout: !v['no-backout'],
    resume: v.resume,
    ...(v.ledger !== undefined ? { ledger: v.ledger } : {}),
    timeoutMs: parseTimeout(v.timeout, APPLY_USAGE),
    ...(v.config !== undefined ? { config: v.config } : {}),
  };
};
