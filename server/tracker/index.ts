/**
 * The tracker's semantics, one code path for the REST API, the web UI and the rehearsal: permissions,
 * create and edit against screens and field configurations, transitions with their conditions,
 * validators and post functions, notifications, JQL search and boards, all behind the Tracker object
 * (model values in and out; errors are TrackerError: an HTTP status and Jira's body). It keeps its own
 * indexes in step with its state, so no caller has to.
 */
export { Tracker, type TrackerOptions } from './tracker.ts';
export type { IssueCounters } from './issue-index.ts';
export { badRequest, notFound, TrackerError, isTrackerError, type JiraErrorBody } from './errors.ts';
export { fixedClock, systemClock, type Clock } from './clock.ts';
export { notificationsFor, recipientsFor, type Recipient, type NotifyExtra } from './notifications.ts';
export { permissionsOf, can } from './permissions.ts';
export type { FieldMeta, AllowedValue } from './field-meta.ts';
export type { TransitionView } from './transitions.ts';
export type { BoardView, BoardColumnView } from './boards.ts';
export type { SearchResult } from './jql/search.ts';
export * from './lookups.ts';
export { describeValue } from './history.ts';
export { fieldTypeOf, getValue, isSystemField, sameValue } from './issue-fields.ts';
export type { CreateInput, TransitionInput, OutboxEntry, TrackerState, Actor, FieldValues, PageOptions } from './types.ts';
export type * from './admin/index.ts';
export {
  emptyRecords,
  normaliseRecords,
  markInterruptedTasks,
  revisionOf,
  diffAudit,
  appendAudit,
  bumpRevisions,
  describedBy,
  notificationId,
  type AuditSource,
} from './admin/index.ts';
export type {
  CommentEdit,
  EstimateAdjust,
  LinkInput,
  LinkView,
  NewAttachment,
  PeopleView,
  PropertyOwner,
  RemoteLinkInput,
  WorklogInput,
} from './everyday.ts';
export type { VisibilityInput } from './visibility-input.ts';
export { formatDuration, parseDuration } from './durations.ts';
export { filterVisible } from './filter-visibility.ts';
