import { Type, type Static } from '@sinclair/typebox';
import { Closed, DateOnly, Entity, Id, Name, OneOf, SchemaRef, Timestamp } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const Comment = Closed({ id: Id, author: Id, body: Type.String(), created: Timestamp, updated: Type.Optional(Timestamp), ...Entity });

/** One changed field of a history entry, as Jira's changelog items. */
export const ChangeItem = Closed({
  field: Type.String(), fieldId: Type.Optional(Type.String()),
  from: Nullable(Type.String()), fromString: Nullable(Type.String()),
  to: Nullable(Type.String()), toString: Nullable(Type.String()),
});
export const HistoryEntry = Closed({ id: Id, author: Nullable(Id), created: Timestamp, items: Type.Array(ChangeItem, { minItems: 1 }) });

export const IssueLink = Closed({ id: Id, type: Id, direction: OneOf(['outward', 'inward'] as const), issue: Name });

/**
 * An issue. Configurable things are referenced by id (status, type, priority, resolution, options,
 * components, versions), so renaming them in the configuration touches no issue.
 */
export const Issue = Closed({
  id: Id,
  key: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]*$' }),
  project: Type.String({ minLength: 1, description: 'Project key' }),
  issueType: Id, status: Id,
  resolution: Nullable(Id), priority: Nullable(Id),
  summary: Type.String({ minLength: 1, maxLength: 255 }),
  description: Nullable(Type.String()),
  environment: Type.Optional(Nullable(Type.String())),
  reporter: Nullable(Id), assignee: Nullable(Id),
  labels: Type.Array(Type.String({ minLength: 1, pattern: '^\\S+$' })),
  components: Type.Array(Id), fixVersions: Type.Array(Id), versions: Type.Array(Id),
  duedate: Type.Optional(Nullable(DateOnly)),
  created: Timestamp, updated: Timestamp, resolutionDate: Type.Optional(Nullable(Timestamp)),
  parent: Type.Optional(Type.String({ description: 'Key of the parent issue of a sub-task' })),
  watchers: Type.Array(Id),
  /** Custom field values by field id; option fields hold option ids, user fields account ids. */
  customFields: Type.Record(Type.String(), Type.Unknown()),
  comments: Type.Array(Comment),
  history: Type.Array(HistoryEntry),
  links: Type.Array(IssueLink),
  ...Entity,
});
export type Issue = Static<typeof Issue>;

/** `issues.json`: the whole sample in one file. Large snapshots use NDJSON shards instead. */
export const IssuesFile = Closed({ $schema: SchemaRef, issues: Type.Array(Issue) });
