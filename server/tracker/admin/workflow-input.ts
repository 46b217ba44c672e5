/** What a workflow create or update request carries, in model terms with the request's status references. */
import type { StatusCategory } from '../../model/index.ts';
import type { Transition } from '../../model/index.ts';

/** A status the request names: an existing one (`id`) whose details it may change, or a new one. */
export interface WorkflowStatusInput {
  ref: string;
  id?: string;
  name: unknown;
  category: StatusCategory;
  description?: unknown;
}

/** A transition whose `from`/`to` hold status references; `id` is '' when the request gave none. */
export type TransitionInput = Transition;

export interface StatusMigration {
  old: string;
  new: string;
}

export interface WorkflowInput {
  /** Update only: the workflow's id and the version the caller last read. */
  id?: string;
  version?: { id?: string; versionNumber?: number };
  name?: unknown;
  description?: string;
  statuses: Array<{ ref: string; layout?: { x: number; y: number } }>;
  transitions: TransitionInput[];
  statusMappings: Array<{ projectId: string; issueTypeId: string; migrations: StatusMigration[] }>;
  defaultStatusMappings: StatusMigration[];
}

export interface WorkflowsRequest {
  statuses: WorkflowStatusInput[];
  workflows: WorkflowInput[];
}
