/**
 * What the tracker remembers about its own administration that is history, not state: id counters,
 * revision counters (workflow version tokens), the audit log, async tasks, the announcement banner
 * and its history, the trash, filter favourites. None of it is configuration or issues, so the
 * canonical hash (server/model/hash.ts) never sees it: a create followed by its delete, an update
 * followed by its revert, or a banner set and put back, hash as before. Persisted beside the ledger
 * and outbox (InstanceState.admin); forks start from a copy of their base's.
 */
import type { Field, FieldConfiguration, Issue, Project } from '../../model/index.ts';

type FieldConfigurationItem = FieldConfiguration['items'][number];

export interface AssociatedItem {
  id: string;
  name: string;
  typeName: string;
  parentId?: string;
  parentName?: string;
}
export interface ChangedValue {
  fieldName: string;
  changedFrom?: string;
  changedTo?: string;
}

/** One audit record, as Jira's audit log keeps it (newest last here; the API answers newest first). */
export interface AuditRecord {
  id: number;
  summary: string;
  category: string;
  /** Where the change came from: the REST API, the web UI, a migration (named). */
  eventSource: string;
  authorAccountId: string | null;
  created: string;
  objectItem: AssociatedItem;
  changedValues: ChangedValue[];
  associatedItems: AssociatedItem[];
  description?: string;
}

export const TASK_STATUSES = ['ENQUEUED', 'RUNNING', 'COMPLETE', 'FAILED', 'CANCEL_REQUESTED', 'CANCELLED', 'DEAD'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** An asynchronous operation (`GET /task/{id}`). Timestamps are ISO strings of the tracker's clock. */
export interface TaskRecord {
  id: string;
  kind: string;
  description: string;
  status: TaskStatus;
  progress: number;
  message?: string;
  result?: unknown;
  submittedBy: string | null;
  submitted: string;
  started?: string;
  finished?: string;
  lastUpdate: string;
}

export interface Banner {
  message: string;
  isEnabled: boolean;
  isDismissible: boolean;
  visibility: 'public' | 'private';
}
export interface BannerChange extends Banner {
  at: string;
  by: string | null;
}

/** A custom field in the trash: its definition, where it stood, and the values it had on issues. */
export interface TrashedField {
  field: Field;
  position: number;
  trashedBy: string | null;
  trashedAt: string;
  values: Array<{ issue: string; value: unknown }>;
  screens: Array<{ screen: string; tab: string; position: number }>;
  /** Its field configuration items, with the id of the configuration each was in. */
  items: Array<FieldConfigurationItem & { config: string }>;
}
/** A project in the trash with its issues, restorable as it was. */
export interface TrashedProject {
  project: Project;
  position: number;
  deletedBy: string | null;
  deletedAt: string;
  issues: Issue[];
}

export interface AdminRecords {
  format: 1;
  /** The last id handed out per kind (`status`, `customfield`, …); ids are never reused. */
  counters: Record<string, number>;
  /** Revision number per entity key (`workflow:<id>`); absent means 1. */
  revisions: Record<string, number>;
  audit: AuditRecord[];
  tasks: TaskRecord[];
  banner?: Banner;
  bannerHistory: BannerChange[];
  trash: { fields: TrashedField[]; projects: TrashedProject[] };
  /** Filter id → account ids that marked it a favourite. */
  favourites: Record<string, string[]>;
  /**
   * Where a removed list entry stood (the id of the entry after it, or null at the end), by
   * `<list>:<owner>:<entry>`, so that putting it back puts it where it was: a change and its revert
   * hash as before.
   */
  ghosts: Record<string, string | null>;
}

export const emptyRecords = (): AdminRecords => ({
  format: 1,
  counters: {},
  revisions: {},
  audit: [],
  tasks: [],
  bannerHistory: [],
  trash: { fields: [], projects: [] },
  favourites: {},
  ghosts: {},
});

/** Fills what an older or partial record lacks (records are read from disk and from forks). */
export const normaliseRecords = (r: Partial<AdminRecords> | undefined): AdminRecords => {
  const e = emptyRecords();
  if (!r || typeof r !== 'object') return e;
  return {
    ...e,
    ...r,
    trash: { fields: r.trash?.fields ?? [], projects: r.trash?.projects ?? [] },
    favourites: r.favourites ?? {},
    ghosts: r.ghosts ?? {},
    bannerHistory: r.bannerHistory ?? [],
    audit: r.audit ?? [],
    tasks: r.tasks ?? [],
    counters: r.counters ?? {},
    revisions: r.revisions ?? {},
  } as AdminRecords;
};

/** Tasks that were queued or running when the process stopped cannot resume: Jira calls them DEAD. */
export const markInterruptedTasks = (r: AdminRecords, now: string): void => {
  for (const t of r.tasks) {
    if (t.status === 'ENQUEUED' || t.status === 'RUNNING' || t.status === 'CANCEL_REQUESTED') {
      t.status = 'DEAD';
      t.message = 'The task did not finish: the sandbox stopped while it ran. Nothing it would have changed was changed.';
      t.finished = now;
      t.lastUpdate = now;
    }
  }
};
