/**
 * Is production the configuration the rehearsal started from? Compared like for like: for a
 * clone, as `npm run drift` does (the manifest's hash of production's configuration, and the URL
 * must be the manifest's site); for a fixture (no site), against the snapshot served by an
 * in-process sandbox and read by the same adapter; and when apply already carried part of the
 * rehearsed change to this site, against the state the production ledger says it left.
 */
import { CheckFailed } from '../common/errors.ts';
import type { Config } from '../model/index.ts';
import { readSnapshot } from '../store/index.ts';
import { describeChange, normalChanges, normalHash, type NormalConfig } from './normalise/index.ts';
import { cloneFacts, compareDigests, confirmProductionUrl, digestOf, JiraSource } from './outside.ts';
import type { Production } from './production/connect.ts';
import { asRead, viewOf, type View } from './production/read.ts';

export interface Baseline {
  snapshot: { config: Config; issues: import('../model/index.ts').Issue[] };
  kind: string;
}

const drifted = (url: string, since: string, where: string[]): CheckFailed =>
  new CheckFailed(
    `production at ${url} is not the configuration the rehearsal started from (${where.length || 'unknown'} change${where.length === 1 ? '' : 's'} since ${since}); nothing was written`,
    [
      ...where.slice(0, 20).map((w) => `- ${w}`),
      ...(where.length > 20 ? [`… and ${where.length - 20} more`] : []),
      'clone production again and rehearse on it (npm run clone, npm run rehearse), then apply',
    ],
  );

export const readBaseline = async (snapshotDir: string): Promise<Baseline> => {
  const snap = await readSnapshot(snapshotDir);
  if (!snap.config)
    throw new CheckFailed(`the rehearsed snapshot ${snapshotDir} cannot be read any more`, [
      ...snap.problems.slice(0, 5).map((p) => p.message),
      'rehearse again on a readable snapshot',
    ]);
  return { snapshot: { config: snap.config, issues: snap.issues }, kind: snap.manifest?.kind ?? 'fixture' };
};

/** Throws CheckFailed (exit 1) with where production differs; a clone of another site is a UserError (exit 2). */
export const checkBaseline = async (
  prod: Production,
  view: View,
  snapshotDir: string,
  base: Baseline,
  ledgerState: NormalConfig | undefined,
): Promise<void> => {
  if (ledgerState) {
    if (normalHash(view.normal) !== normalHash(ledgerState))
      throw drifted(prod.url, 'apply carried the first part of the change here', normalChanges(ledgerState, view.normal).map(describeChange));
    return;
  }
  if (base.kind === 'clone') {
    const facts = await cloneFacts(snapshotDir);
    confirmProductionUrl(facts.url, prod.url, snapshotDir);
    const scope = facts.digest?.scope ?? {};
    const config = scope.projects?.length
      ? (await new JiraSource({ reader: prod.reader, url: prod.url }).readConfig({ projects: scope.projects })).config
      : view.config;
    const now = digestOf(config, scope);
    if (now.configHash !== facts.configHash) {
      throw drifted(
        prod.url,
        `the clone of ${facts.clonedAt}`,
        facts.digest
          ? compareDigests(facts.digest.entities, now.entities).map((c) => `${c.what}: ${c.change}`)
          : ['(the snapshot has no drift-digest.json, so where is unknown)'],
      );
    }
    return;
  }
  const expected = viewOf(await asRead(base.snapshot.config, prod.deploymentType));
  if (normalHash(view.normal) !== normalHash(expected.normal))
    throw drifted(prod.url, `the snapshot ${snapshotDir}`, normalChanges(expected.normal, view.normal).map(describeChange));
};
