/**
 * The gate's drift check: with Jira credentials in the environment and a snapshot cloned from a
 * live tracker, production must not have changed since the clone. Drifted: exit 1 with where;
 * production unreachable: the transport's UserError (exit 2); no credentials or not a clone: skipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CommandIo } from '../cli/run.ts';
import type { Manifest } from '../model/types.ts';
import { hasCredentials } from './credentials.ts';
import { checkDrift, describeDrift } from './drift.ts';
import type { TransportOptions } from './transport.ts';

export const gateDriftCheck = async (snapshot: string, env: NodeJS.ProcessEnv, io: CommandIo, transport: Partial<TransportOptions> = {}): Promise<number | undefined> => {
  if (!hasCredentials(env)) return undefined;
  const manifest = await readFile(join(snapshot, 'manifest.json'), 'utf8').then((t) => JSON.parse(t) as Manifest).catch(() => undefined);
  if (manifest?.kind !== 'clone' || manifest.source.type !== 'jira' || !manifest.source.url || !manifest.production) return undefined;
  const r = await checkDrift(snapshot, env, transport);
  const { headline, details } = describeDrift(r, snapshot);
  if (!r.drifted) { io.err(`understudy: drift check: ${headline}`); return undefined; }
  io.out(`✘ the gate stops: ${headline}`);
  for (const d of details) io.out(`  ${d}`);
  return 1;
};
