/** The tracker's state, its outbox and the inputs of its operations (all in model values). */
import type { NotificationEvent, TrackerState as ModelTrackerState, Visibility } from '../model/index.ts';
import type { AdminRecords } from './admin/records.ts';

export type { NotificationEvent };

/** The model's state plus `admin`: history outside the canonical hash (ids, versions, audit, tasks, banner; see admin/records.ts). */
export interface TrackerState extends ModelTrackerState {
  admin?: AdminRecords;
}

/** A notification that would have been sent. Nothing is ever sent. */
export interface OutboxEntry {
  id: string;
  at: string;
  event: NotificationEvent;
  issueKey: string;
  project: string;
  actor: string | null;
  recipient: string;
  recipientEmail: string;
  /** Set when the notification is about an item restricted to a group or role (a comment, a worklog): who may see the outbox entry. */
  visibility?: Visibility;
}

/** Account id of the caller, or null for an anonymous one. */
export type Actor = string | null;

/** Field values keyed by field id (system ids like `summary`, custom ids), in model form. */
export type FieldValues = Record<string, unknown>;

export interface CreateInput {
  project: string;
  issueType: string;
  fields: FieldValues;
  /** Key of the parent issue (sub-tasks). */
  parent?: string;
}

export interface TransitionInput {
  fields?: FieldValues;
  comment?: string;
}

export interface PageOptions {
  startAt?: number;
  maxResults?: number;
}
