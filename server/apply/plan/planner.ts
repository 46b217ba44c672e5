/**
 * The production plan: the rehearsed migrations replayed in memory on production's configuration,
 * each state read back the way production will be read (an in-process sandbox and the clone's
 * adapter), the changes between consecutive states taken entity by entity, and every change given
 * to the writer of its kind. Each migration is whole (its own expand → migrate → contract) before
 * the next. The plan proves itself: its steps, applied to the state before a migration, must give
 * exactly the state after it, or planning stops with what does not match.
 */
import { diff } from '../../migrate/index.ts';
import type { LoadedMigration } from '../../migrate/index.ts';
import type { Config, Issue } from '../../model/index.ts';
import { normalChanges, normalHash, type NormalConfig } from '../normalise/index.ts';
import { asRead, viewOf, type View } from '../production/read.ts';
import { COLLECTION_RANK, planIssueSteps, writerFor, type StepDraft } from '../writers/index.ts';
import { entityChanges } from './entity-diff.ts';
import { rehearseInMemory } from './rehearse-in-memory.ts';
import { keyAfter, ORDER_KEY, PHASES, type EntityChange, type MigrationPlan, type ProductionPlan, type Step } from './types.ts';

export interface PlanInput {
  /** Production's configuration as the adapter read it (production's ids). */
  base: Config;
  /**
   * `base` already read back from a sandbox of this deployment type (the rehearsal's plan of the
   * snapshot): reading it again gives the same (tests/integration/apply/read-fixed-point.test.ts),
   * so the view is taken as it is. Apply never sets it: production's own read goes through a sandbox.
   */
  baseIsSandboxRead?: boolean;
  /** The rehearsal's issues (the snapshot's sample). */
  issues: readonly Issue[];
  migrations: readonly LoadedMigration[];
  deploymentType: 'Cloud' | 'DataCenter';
  now: string;
  /** Whether the site has the private board column write (probed by apply; the rehearsal assumes it). */
  boardColumns?: boolean;
  /** Stops the planning between migrations (the rehearsal's Ctrl-C, or a lane beside it that stopped). */
  signal?: AbortSignal;
}

export interface PlannedChange {
  plan: ProductionPlan;
  /** The expected normalised state before the first migration and after each one. */
  states: NormalConfig[];
}

const rank = (collection: string): number => {
  const i = COLLECTION_RANK.indexOf(collection);
  return i < 0 ? COLLECTION_RANK.length : i;
};

const orderSteps = (drafts: Array<StepDraft & { collection: string }>): StepDraft[] => {
  const out: StepDraft[] = [];
  for (const phase of PHASES) {
    const inPhase = drafts.filter((d) => d.phase === phase);
    // Issue values are set before a migrate step makes the field required, and cleared (backout) after it is optional again.
    const sorted = [...inPhase].sort((a, b) => {
      const ra = a.writer === 'issues' ? -1 : rank(a.collection);
      const rb = b.writer === 'issues' ? -1 : rank(b.collection);
      return phase === 'contract' ? rb - ra : ra - rb;
    });
    out.push(...sorted);
  }
  return out;
};

/** Applies a step's changes to a normalised configuration (what production will look like after it). */
export const applyChanges = (n: NormalConfig, changes: readonly EntityChange[]): NormalConfig => {
  const out: NormalConfig = { entities: { ...n.entities }, order: { ...n.order } };
  for (const c of changes) {
    if (c.key === ORDER_KEY) {
      out.order[c.collection] = [...(c.to as string[])];
      continue;
    }
    const coll = { ...(out.entities[c.collection] ?? {}) };
    delete coll[c.key];
    if (c.to !== null) coll[keyAfter(c)] = c.to;
    out.entities[c.collection] = Object.fromEntries(
      Object.keys(coll)
        .sort()
        .map((k) => [k, coll[k]]),
    );
    // A collection kept in order drops removed keys and gains new ones where a later #order change puts them.
    const order = out.order[c.collection];
    if (order)
      out.order[c.collection] =
        c.to === null
          ? order.filter((k) => k !== c.key)
          : order.includes(c.key)
            ? order.map((k) => (k === c.key ? keyAfter(c) : k))
            : [...order, keyAfter(c)];
  }
  return out;
};

const extChanges = (before: Config, after: Config): string[] =>
  diff(before, after)
    .filter((p) => p.path.includes('ext'))
    .map(
      (p) =>
        `${p.path
          .map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`))
          .join('')
          .slice(1)}: ${p.op === 'delete' ? 'removed' : JSON.stringify(p.op === 'set' ? p.value : p.insert)}`,
    );

/** `field|value` of every value a delete by Jira moves issues away from: no issue step repeats it. */
const coveredBy = (steps: readonly StepDraft[]): Set<string> =>
  new Set(
    steps.flatMap((s) =>
      s.issues?.byJira && s.issues.from !== undefined ? s.issues.fieldKeys.map((k) => `${s.issues!.fields[k]}|${s.issues!.from}`) : [],
    ),
  );

export const planProduction = async (input: PlanInput): Promise<PlannedChange> => {
  const dc = input.deploymentType !== 'Cloud';
  input.signal?.throwIfAborted();
  const rehearsed = rehearseInMemory(input.base, input.issues, input.migrations, input.now);
  let before: View = viewOf(input.baseIsSandboxRead ? input.base : await asRead(input.base, input.deploymentType));
  const states: NormalConfig[] = [before.normal];
  const migrations: MigrationPlan[] = [];
  for (const m of rehearsed) {
    input.signal?.throwIfAborted();
    const after = viewOf(await asRead(m.after, input.deploymentType));
    const p = { dc, migration: m, before, after, ...(input.boardColumns !== undefined ? { boardColumns: input.boardColumns } : {}) };
    const changes = entityChanges(before, after);
    const byCollection = new Map<string, EntityChange[]>();
    for (const c of changes) byCollection.set(c.collection, [...(byCollection.get(c.collection) ?? []), c]);
    const drafts: Array<StepDraft & { collection: string }> = [];
    for (const [collection, cs] of byCollection) for (const d of writerFor(cs[0]!).plan(cs, p)) drafts.push({ ...d, collection });
    for (const d of planIssueSteps(p, coveredBy(drafts))) drafts.push({ ...d, collection: 'issues' });
    const steps: Step[] = orderSteps(drafts).map((d, i) => {
      const { collection: _c, ...rest } = d as StepDraft & { collection?: string };
      return { ...rest, id: `${m.id}#${i + 1}`, migration: m.id };
    });
    const reached = steps.reduce((n, s) => applyChanges(n, s.changes), before.normal);
    if (normalHash(reached) !== normalHash(after.normal)) {
      throw new Error(
        `the production plan of ${m.id} does not reproduce the rehearsed change: ${normalChanges(reached, after.normal)
          .map((c) => `${c.collection} '${c.key}' ${c.change}`)
          .join('; ')}`,
      );
    }
    migrations.push({ id: m.id, description: m.description, sentences: m.sentences, steps, extChanges: extChanges(m.before, m.after) });
    states.push(after.normal);
    before = after;
  }
  return { plan: { deploymentType: input.deploymentType, migrations }, states };
};
