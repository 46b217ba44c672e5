/**
 * The rehearsed change, replayed in memory on production's configuration (as read) and the
 * rehearsal's issues: the configuration before and after each migration, and every issue value it
 * changed. Operations and functions alike: what a migration did is read from the state, not from
 * the kind of its operations, so a function-form migration is planned like any other.
 */
import { UserError } from '../../common/errors.ts';
import type { Config, Issue } from '../../model/index.ts';
import { applyMigration } from '../../migrate/index.ts';
import type { LoadedMigration } from '../../migrate/index.ts';
import { isOpsMigration } from '../../migrate/index.ts';
import type { IssueRestore } from '../../migrate/index.ts';
import type { RecordedOp } from '../../migrate/index.ts';

/** One issue value a migration changed: `field` is `resolution`, `priority`… or a custom field id. */
export interface IssueValueChange {
  issue: string;
  project: string;
  issueType: string;
  field: string;
  from: unknown;
  to: unknown;
}

export interface RehearsedMigration {
  id: string;
  description: string;
  sentences: string[];
  before: Config;
  after: Config;
  issueChanges: IssueValueChange[];
  /** The operations, for a migration written as operations (their arguments name what a diff cannot: a replacement). */
  ops?: ReadonlyArray<{ kind: string; args: unknown }>;
}

const CF = 'customFields.';
/** The issue keys whose values a plan may carry to production (not `updated`, history, comments). */
const VALUE_KEYS = [
  'status',
  'resolution',
  'priority',
  'assignee',
  'reporter',
  'summary',
  'description',
  'environment',
  'labels',
  'components',
  'fixVersions',
  'versions',
  'duedate',
  'issueType',
] as const;

const fieldValue = (issue: Issue | undefined, key: string): unknown => {
  if (!issue) return undefined;
  if (key.startsWith(CF)) return issue.customFields[key.slice(CF.length)];
  return (issue as unknown as Record<string, unknown>)[key];
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const changesOf = (inverse: readonly RecordedOp[], byId: Map<string, Issue>): IssueValueChange[] => {
  const out: IssueValueChange[] = [];
  const push = (prior: Issue | undefined, id: string, key: string, from: unknown) => {
    const now = byId.get(id);
    if (!now) return;
    const to = fieldValue(now, key);
    if (same(from, to)) return;
    out.push({
      issue: now.key,
      project: now.project,
      issueType: (prior ?? now).issueType,
      field: key.startsWith(CF) ? key.slice(CF.length) : key,
      from: from ?? null,
      to: to ?? null,
    });
  };
  for (const op of inverse) {
    if (op.kind === 'restoreIssues') {
      for (const r of (op.bulk ?? []) as IssueRestore[]) {
        for (const [k, v] of Object.entries(r.values)) push(undefined, r.id, k, v);
        for (const k of r.absent ?? []) push(undefined, r.id, k, undefined);
      }
    } else if (op.kind === 'replaceIssues') {
      for (const r of (op.bulk ?? []) as { id: string; issue: Issue }[]) {
        const keys = [
          ...VALUE_KEYS,
          ...new Set([...Object.keys(r.issue.customFields), ...Object.keys(byId.get(r.id)?.customFields ?? {})].map((f) => `${CF}${f}`)),
        ];
        for (const k of keys) push(r.issue, r.id, k, fieldValue(r.issue, k));
      }
    }
  }
  return out;
};

/** Applies the migrations one by one to a copy of the base; throws a UserError naming the one that does not apply. */
export const rehearseInMemory = (
  base: Config,
  issues: readonly Issue[],
  migrations: readonly LoadedMigration[],
  now: string,
): RehearsedMigration[] => {
  const state = { config: structuredClone(base), issues: structuredClone(issues) as Issue[] };
  const byId = new Map(state.issues.map((i) => [i.id, i]));
  const out: RehearsedMigration[] = [];
  for (const m of migrations) {
    const before = structuredClone(state.config);
    let applied: ReturnType<typeof applyMigration>;
    try {
      applied = applyMigration(state, m.migration, { migrationId: m.id, now, actor: null, proveDown: false, discardOnFailure: true });
    } catch (e) {
      throw new UserError(`${m.id} does not apply to production's configuration as it is now: ${(e as Error).message}`, {
        details: ['production differs from the snapshot the rehearsal used in a way the drift check does not see; clone again and rehearse'],
        cause: e,
      });
    }
    // replaceIssues puts new objects in the list: index again.
    for (const i of state.issues) byId.set(i.id, i);
    out.push({
      id: m.id,
      description: m.migration.description,
      sentences: applied.sentences,
      before,
      after: structuredClone(state.config),
      issueChanges: changesOf(applied.inverse, byId),
      ...(isOpsMigration(m.migration) ? { ops: m.migration.ops } : {}),
    });
  }
  return out;
};
