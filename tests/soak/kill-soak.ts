/**
 * `npm run soak:kill`: the migration engine's kill test at soak size — `migrate:up` and
 * `migrate:down` of a migration that edits every issue, killed with SIGKILL at seeded random
 * moments; every time the instance must open at exactly the before or the after state.
 * Flags: --issues N (default 100000), --kills N (default 50), --seed N, --keep (leave the temp dir).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFlags, runCommand } from '../../server/cli/run.ts';
import { CheckFailed, UserError } from '../../server/common/errors.ts';
import { formatSummary, killTest } from '../helpers/migrate-kill.ts';

const USAGE = 'npm run soak:kill -- [--issues N] [--kills N] [--seed N] [--keep]';
const whole = (name: string, v: string, min: number): number => {
  if (!/^\d+$/.test(v) || Number(v) < min) throw new UserError(`--${name} '${v}' is not a whole number >= ${min}`, { details: [`usage: ${USAGE}`] });
  return Number(v);
};

runCommand(async (argv, io) => {
  const { values } = parseFlags(
    argv,
    {
      issues: { type: 'string', default: '100000' },
      kills: { type: 'string', default: '50' },
      seed: { type: 'string', default: String(Date.now() % 1_000_000) },
      keep: { type: 'boolean', default: false },
    } as const,
    USAGE,
  );
  const root = await mkdtemp(join(tmpdir(), 'understudy-soak-'));
  try {
    const s = await killTest({
      root,
      issues: whole('issues', values.issues, 1000),
      kills: whole('kills', values.kills, 1),
      seed: whole('seed', values.seed, 0),
      log: io.out,
    });
    io.out(formatSummary(s));
    if (s.violations.length)
      throw new CheckFailed(`${s.violations.length} kill(s) left the instance between states (seed ${values.seed})`, s.violations);
    if (!s.killedUp || !s.killedDown || !s.insideSave)
      throw new CheckFailed(`the kills did not cover both directions and a save (seed ${values.seed}): run again with more --kills`, [
        formatSummary(s),
      ]);
    return 0;
  } finally {
    if (values.keep) io.out(`kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
});
