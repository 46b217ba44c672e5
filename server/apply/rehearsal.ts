/**
 * What apply needs from the rehearsal before anything is written: a green result for exactly the
 * migration files in the folder (their checksums, as the ledger computes them), and a heads-up
 * delivered for that result (or `--no-heads-up "reason"`).
 */
import { join, resolve } from 'node:path';
import { CheckFailed, UserError } from '../common/errors.ts';
import { loadResult } from '../announce/index.ts';
import { readLog } from '../announce/index.ts';
import { loadMigrations, type LoadedMigration } from '../migrate/index.ts';
import type { RehearsalResult } from '../rehearse/index.ts';

export interface Rehearsal {
  result: RehearsalResult;
  reportDir: string;
  migrations: LoadedMigration[];
}

/** The rehearsed migrations up to `--to`, checked against the files as they are now. */
export const checkRehearsal = async (reportDir: string, shownReport: string, to: string | undefined, cwd: string): Promise<Rehearsal> => {
  const result = await loadResult(reportDir);
  if (result.verdict !== 'safe') {
    throw new CheckFailed(`the rehearsal in ${shownReport} failed: apply carries only a green rehearsal to production`, [
      ...result.hazards
        .filter((h) => h.severity === 'error')
        .slice(0, 5)
        .map((h) => `- ${h.message}`),
      `fix what ${join(shownReport, 'index.html')} shows and rehearse again (npm run rehearse); nothing was written`,
    ]);
  }
  const rehearsed = result.migrationFiles;
  if (!rehearsed)
    throw new CheckFailed(
      `the rehearsal in ${shownReport} does not say which migration files it was green for (it was written by an older Understudy)`,
      ['rehearse again (npm run rehearse); nothing was written'],
    );
  if (!rehearsed.length)
    throw new CheckFailed(`the rehearsal in ${shownReport} applied no migration: there is nothing to carry to production`, [
      'write a migration and rehearse it',
    ]);
  const dir = resolve(cwd, result.migrationsDir);
  const loaded = await loadMigrations(dir);
  const ids = rehearsed.map((m) => m.id);
  if (to !== undefined && !ids.includes(to))
    throw new UserError(`--to ${to}: not one of the rehearsed migrations`, {
      details: [`the rehearsal in ${shownReport} applied: ${ids.join(', ')}`],
    });
  const wanted = to === undefined ? rehearsed : rehearsed.slice(0, ids.indexOf(to) + 1);
  const problems: string[] = [];
  for (const m of wanted) {
    const now = loaded.find((l) => l.id === m.id);
    if (!now) problems.push(`${m.file}: rehearsed, but no longer in ${result.migrationsDir}`);
    else if (now.checksum !== m.checksum)
      problems.push(`${now.file}: changed since the rehearsal (${m.checksum.slice(0, 19)}… then, ${now.checksum.slice(0, 19)}… now)`);
  }
  const unrehearsed = loaded.filter((l) => !ids.includes(l.id) && (to === undefined || l.id < to));
  for (const l of unrehearsed) problems.push(`${l.file}: not in the rehearsal`);
  if (problems.length) {
    throw new CheckFailed(`the rehearsal in ${shownReport} is not for these migration files`, [
      ...problems,
      'rehearse them as they are (npm run rehearse), or pass --to ID to apply a rehearsed prefix; nothing was written',
    ]);
  }
  return { result, reportDir, migrations: wanted.map((m) => loaded.find((l) => l.id === m.id)!) };
};

/** A heads-up for this very result, delivered on at least one channel (a dry run writes it only to the report). */
export const headsUpDelivered = async (reportDir: string, result: RehearsalResult): Promise<{ at: string; channel: string } | undefined> => {
  const log = await readLog(reportDir);
  const e = log.find(
    (x) =>
      x.kind === 'heads-up' && x.rehearsal === result.startedAt && x.channel !== 'report' && (x.outcome === 'delivered' || x.outcome === 'written'),
  );
  return e ? { at: e.at, channel: e.channel } : undefined;
};
