/**
 * The production plan as data: steps, each changing named entities from one content-keyed value
 * to another. The same data drives the forward run, the backout (from and to swapped), the
 * journal and the production ledger, so `migrate:down --url` needs no migration file.
 */
import type { Json } from '../normalise/entities.ts';

export const STEP_CLASSES = ['automatic', 'automatic-record', 'manual', 'impossible'] as const;
/** automatic; automatic with a per-issue record of the values it overwrites; manual (confirmed by the operator, then read back); impossible. */
export type StepClass = (typeof STEP_CLASSES)[number];

export const PHASES = ['expand', 'migrate', 'contract'] as const;
export type Phase = (typeof PHASES)[number];

/** The order of a collection Jira keeps ordered (priorities, resolutions): key `#order`, value the keys. */
export const ORDER_KEY = '#order';

/**
 * One entity of a normalised configuration going from one value to another (null: absent). A
 * renamed entity changes its content key too: `key` before, `rename` after.
 */
export interface EntityChange {
  collection: string;
  key: string;
  rename?: string;
  from: Json | null;
  to: Json | null;
}

/** The key an entity has after the change. */
export const keyAfter = (c: EntityChange): string => c.rename ?? c.key;

/** One issue's values of the fields a step overwrites, normalised (option values, resolution names; null: empty). */
export interface IssueValues {
  key: string;
  values: Record<string, Json | null>;
}

/**
 * What a step does to issues. `jql` finds them in production (every issue, not only the sample);
 * `keys` names them where the change named issues one by one (the functions form).
 */
export interface IssueEdit {
  /** Field ids as production knows them (`resolution`, `customfield_10013`), keyed by content key. */
  fields: Record<string, string>;
  /** Content keys of the fields, in the order written. */
  fieldKeys: string[];
  /** Value every matching issue gets, by field key (null: cleared); absent for a restore from a record. */
  set?: Record<string, Json | null>;
  jql?: string;
  keys?: string[];
  /** Jira itself rewrites the values (a delete with a replacement): the step only records them first. */
  byJira?: boolean;
  /** For a delete by Jira: the value that goes away (the issues that had it get `replaceWith`). */
  from?: string;
  /** A backout: each issue gets its recorded values back. */
  restore?: IssueValues[];
}

export interface Step {
  /** `<migration id>#<n>`: unique in a plan, stable across runs of the same plan. */
  id: string;
  migration: string;
  phase: Phase;
  class: StepClass;
  /** Which writer runs it (writers/index.ts). */
  writer: string;
  /** What it does, in an admin's words. */
  title: string;
  changes: EntityChange[];
  issues?: IssueEdit;
  /** A delete that Jira does with a replacement (resolution, option): the replacement's content key. */
  replaceWith?: string;
  /** Production's id of a field the step addresses by key (fixed at plan time: the field exists before and after). */
  field?: string;
  /** Why manual or impossible, and for a manual step what to do, in the runbook's words. */
  reason?: string;
  instructions?: string[];
  /** On a step that undoes another: what the undone step alone needed, to undo the undo. */
  undoes?: { replaceWith?: string; issues?: IssueEdit };
  /** Uses an API Jira does not document (board columns on Cloud). */
  privateApi?: boolean;
  warnings?: string[];
}

/** A migration's part of the plan. */
export interface MigrationPlan {
  id: string;
  description: string;
  steps: Step[];
  /** Changes to `ext` (vendor detail): listed, never written, left out of the proof. */
  extChanges: string[];
  /** Sentences of the rehearsed change, for the report. */
  sentences: string[];
}

export interface ProductionPlan {
  deploymentType: 'Cloud' | 'DataCenter';
  migrations: MigrationPlan[];
}

export const allSteps = (p: ProductionPlan): Step[] => p.migrations.flatMap((m) => m.steps);

/**
 * The step that undoes a step: every change reversed, and the issues it changed given back the
 * values recorded before it ran (`record`, from the journal). What only the forward step needs (a
 * replacement, the query of the issues it records) is kept in `undoes`, so undoing an undo (a
 * backout of migrate:down) is the forward step again.
 */
export const inverseStep = (s: Step, record: IssueValues[] | undefined): Step => {
  const { issues, replaceWith, undoes, ...rest } = s;
  const changes = [...s.changes]
    .reverse()
    .map((c) => ({ collection: c.collection, key: keyAfter(c), ...(c.rename ? { rename: c.key } : {}), from: c.to, to: c.from }));
  const phase: Phase = s.phase === 'expand' ? 'contract' : s.phase === 'contract' ? 'expand' : 'migrate';
  if (undoes) {
    return {
      ...rest,
      id: s.id.replace(/~back$/, ''),
      phase,
      title: s.title.replace(/^undo: /, ''),
      changes,
      ...(undoes.replaceWith ? { replaceWith: undoes.replaceWith } : {}),
      ...(undoes.issues ? { issues: undoes.issues } : {}),
    };
  }
  return {
    ...rest,
    id: `${s.id}~back`,
    phase,
    title: `undo: ${s.title}`,
    changes,
    ...(issues && record ? { issues: { fields: issues.fields, fieldKeys: issues.fieldKeys, restore: record } } : {}),
    undoes: { ...(replaceWith ? { replaceWith } : {}), ...(issues ? { issues } : {}) },
  };
};
