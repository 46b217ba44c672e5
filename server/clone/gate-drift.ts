/**
 * The gate's drift check: with Jira credentials and JIRA_URL in the environment and a snapshot
 * cloned from that tracker, production must not have changed since the clone (a JIRA_URL that is
 * not the snapshot's source is exit 2: credentials never follow a URL read from the snapshot). Drifted: exit 1 with where;
 * production unreachable: the transport's UserError (exit 2); no credentials or not a clone: skipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandIo } from '../cli/index.ts';
import type { Manifest } from '../model/index.ts';
import { hasCredentials } from './credentials.ts';
import { checkDrift, describeDrift } from './drift.ts';
import type { TransportOptions } from './transport.ts';

export const gateDriftCheck = async (
  snapshot: string,
  env: NodeJS.ProcessEnv,
  io: CommandIo,
  transport: Partial<TransportOptions> = {},
): Promise<number | undefined> => {
  if (!hasCredentials(env)) return undefined;
  const manifest = await readFile(join(snapshot, 'manifest.json'), 'utf8')
    .then((t) => JSON.parse(t) as Manifest)
    .catch(() => undefined);
  if (manifest?.kind !== 'clone' || manifest.source.type !== 'jira' || !manifest.source.url || !manifest.production) return undefined;
  // The manifest's URL is part of the pull request under test: credentials go only to a URL CI names.
  if (!env.JIRA_URL) {
    io.err(
      `understudy: drift check skipped: set JIRA_URL=${manifest.source.url} (production's URL) beside the credentials to compare the snapshot with production`,
    );
    return undefined;
  }
  const r = await checkDrift(snapshot, env, transport);
  const { headline, details } = describeDrift(r, snapshot);
  if (!r.drifted) {
    io.err(`understudy: drift check: ${headline}`);
    return undefined;
  }
  io.out(`✘ the gate stops: ${headline}`);
  for (const d of details) io.out(`  ${d}`);
  return 1;
};
