/**
 * `npm run drift`: has production changed since the snapshot was cloned? Reads production's
 * configuration again (same scope, same conversion), hashes it and compares with the manifest's
 * `production.configHash`; `drift-digest.json` says where. Exit 0 same, 1 drifted, 2 error.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { type CommandIo, parseFlags } from '../cli/index.ts';
import type { Config, Manifest } from '../model/index.ts';
import { confirmProductionUrl, credentialsFromEnv } from './credentials.ts';
import { compareDigests, DIGEST_FILE, digestOf, type DriftChange, type DriftDigest } from './digest.ts';
import { JiraSource } from './jira/source.ts';
import { HttpTransport, type TransportOptions } from './transport.ts';

export const DRIFT_USAGE =
  'npm run drift -- --snapshot DIR --url URL   (or JIRA_URL=URL; credentials from the environment: JIRA_EMAIL + JIRA_API_TOKEN, or JIRA_PAT)';

export interface DriftResult {
  drifted: boolean;
  url: string;
  clonedAt: string;
  changes: DriftChange[];
  whereKnown: boolean;
  current: Config;
}

const readJson = async <T>(file: string, what: string): Promise<T | undefined> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UserError(`${file} is not valid JSON`, { details: [`the ${what} of the snapshot is damaged; clone again`] });
  }
};

/** The clone facts drift needs, or a clear error for snapshots that are not clones of a live tracker. */
export const cloneFacts = async (
  snapshot: string,
): Promise<{ manifest: Manifest; url: string; configHash: string; clonedAt: string; digest?: DriftDigest }> => {
  const manifest = await readJson<Manifest>(join(snapshot, 'manifest.json'), 'manifest');
  if (!manifest) throw new UserError(`'${snapshot}' has no manifest.json`, { details: ['pass a snapshot directory written by npm run clone'] });
  if (manifest.kind !== 'clone' || !manifest.production?.configHash) {
    throw new UserError(`snapshot '${snapshot}' is a ${manifest.kind}, not a clone of production: there is nothing to compare with`, {
      details: ['drift compares a snapshot written by npm run clone with the production it came from'],
    });
  }
  if (manifest.source.type !== 'jira' || !manifest.source.url) {
    throw new UserError(
      `snapshot '${snapshot}' was built from ${manifest.source.type === 'file' ? 'saved files' : `source '${manifest.source.type}'`}, not from a live tracker`,
      { details: ['only a clone made with --from jira can be compared with production'] },
    );
  }
  const digest = await readJson<DriftDigest>(join(snapshot, DIGEST_FILE), 'drift digest');
  return {
    manifest,
    url: manifest.source.url,
    configHash: manifest.production.configHash,
    clonedAt: manifest.production.clonedAt,
    ...(digest ? { digest } : {}),
  };
};

export const checkDrift = async (
  snapshot: string,
  env: NodeJS.ProcessEnv,
  transport: Partial<TransportOptions> = {},
  url: string | undefined = env.JIRA_URL,
): Promise<DriftResult> => {
  const facts = await cloneFacts(snapshot);
  const baseUrl = confirmProductionUrl(facts.url, url, snapshot);
  const credentials = credentialsFromEnv(env);
  const reader = new HttpTransport({ baseUrl, credentials, ...transport });
  const source = new JiraSource({ reader, url: facts.url });
  const { config } = await source.readConfig({ ...(facts.digest?.scope.projects ? { projects: facts.digest.scope.projects } : {}) });
  const now = digestOf(config, facts.digest?.scope ?? {});
  const drifted = now.configHash !== facts.configHash;
  const changes = drifted && facts.digest ? compareDigests(facts.digest.entities, now.entities) : [];
  return { drifted, url: facts.url, clonedAt: facts.clonedAt, changes, whereKnown: facts.digest !== undefined, current: config };
};

const nameOf = (config: Config, what: string): string => {
  const [kind, id] = what.split('/');
  const list = (config as unknown as Record<string, unknown>)[kind ?? ''];
  if (!Array.isArray(list) || id === undefined) return '';
  const e = list.find((x: Record<string, unknown>) => String(x.id ?? x.key) === id) as { name?: string } | undefined;
  return e?.name ? ` (${e.name})` : '';
};

/** Lines that say whether and where production changed. */
export const describeDrift = (r: DriftResult, snapshot: string): { headline: string; details: string[] } => {
  if (!r.drifted) return { headline: `${snapshot}: production at ${r.url} is unchanged since the clone of ${r.clonedAt}`, details: [] };
  const details = r.changes.map((c) => `${c.what}${nameOf(r.current, c.what)}: ${c.change}`);
  if (!r.whereKnown) details.push(`(${DIGEST_FILE} is missing from the snapshot, so where it changed is unknown)`);
  details.push(`clone again to rehearse on today's production: npm run clone -- --url ${r.url} --out DIR`);
  return {
    headline: `${snapshot}: production at ${r.url} has changed since the clone of ${r.clonedAt} (${r.changes.length || 'unknown'} change${r.changes.length === 1 ? '' : 's'})`,
    details,
  };
};

export const driftMain = async (
  argv: string[],
  io: CommandIo,
  env: NodeJS.ProcessEnv = process.env,
  transport: Partial<TransportOptions> = {},
): Promise<number> => {
  const { values } = parseFlags(argv, { snapshot: { type: 'string' }, url: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, DRIFT_USAGE);
  if (values.help) {
    io.out(`usage: ${DRIFT_USAGE}`);
    return 0;
  }
  if (!values.snapshot)
    throw new UserError('--snapshot DIR is required: the cloned snapshot to compare with production', { details: [`usage: ${DRIFT_USAGE}`] });
  const r = await checkDrift(values.snapshot, env, transport, values.url ?? env.JIRA_URL);
  const { headline, details } = describeDrift(r, values.snapshot);
  io.out(headline);
  for (const d of details) io.out(`  ${d}`);
  return r.drifted ? 1 : 0;
};
