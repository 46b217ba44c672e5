/**
 * The seam between the plan and Jira: one writer per kind of entity. `plan` turns an entity's
 * change into steps and classifies them for the deployment; `run` sends the REST requests that
 * take production from the step's `from` to its `to`, computed from those two values alone (and
 * production's ids, read just before), so the same code runs a step forward and backs it out.
 */
import type { IdKind } from '../normalise/index.ts';
import type { RehearsedMigration } from '../plan/rehearse-in-memory.ts';
import type { EntityChange, IssueValues, Step } from '../plan/types.ts';
import type { View } from '../production/read.ts';
import type { WriteAnswer, WriteRequest } from '../production/writer.ts';
import type { Reader } from '../outside.ts';

export interface PlanContext {
  dc: boolean;
  /** Whether the site answers the private board column write (undefined: not known, assumed). */
  boardColumns?: boolean;
  migration: RehearsedMigration;
  /** Normalised configuration before and after the migration (as read back from a sandbox holding it). */
  before: View;
  after: View;
}

export type StepDraft = Omit<Step, 'id' | 'migration'>;

export interface RunContext {
  dc: boolean;
  /** `/rest/api/3` or `/rest/api/2`. */
  api: string;
  send: (req: WriteRequest) => Promise<WriteAnswer>;
  /** The account apply writes as (its account id, or its user key on Data Center). */
  account: string;
  reader: Reader;
  /** Production as read just before the step. */
  view: View;
  /** Reads production again (after a creation, to learn the id Jira gave it); updates `view`. */
  refresh: () => Promise<View>;
  /** The issue values read before the step ran (journaled), for steps that overwrite issues. */
  record?: IssueValues[];
  /** Whatever the step must remember across a kill (temporary changes), persisted in the journal. */
  scratch: Record<string, unknown>;
  saveScratch: () => Promise<void>;
  log: (line: string) => void;
}

export interface EntityWriter {
  name: string;
  /** The collections it writes (`statuses`, …); the issue writer has none. */
  collections: readonly string[];
  /** The steps for the changes of one entity (its change, and the collection's `#order` when it moved). */
  plan(changes: EntityChange[], p: PlanContext): StepDraft[];
  run(step: Step, rc: RunContext): Promise<void>;
}

/** The production id of a content key, or a clear error: production lacks what the step needs. */
export const idOf = (rc: Pick<RunContext, 'view'>, kind: IdKind, key: string): string => {
  const id = rc.view.keys.id(kind, key);
  if (id === undefined) throw new Error(`production has no ${kind} '${key}' (needed by this step)`);
  return id;
};
