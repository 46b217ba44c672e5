import { Type, type Static } from '../typebox.ts';
import { Closed, DateOnly, Entity, Id, Name, OneOf, SchemaRef, Timestamp } from './common.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** Who may see a comment or worklog: members of a group, or holders of a project role (ids). */
export const Visibility = Closed({ type: OneOf(['group', 'role'] as const), value: Id });

export const Comment = Closed({
  id: Id,
  author: Id,
  body: Type.String(),
  created: Timestamp,
  updated: Type.Optional(Timestamp),
  updateAuthor: Type.Optional(Id),
  visibility: Type.Optional(Visibility),
  ...Entity,
});

/** One changed field of a history entry, as Jira's changelog items. */
export const ChangeItem = Closed({
  field: Type.String(),
  fieldId: Type.Optional(Type.String()),
  from: Nullable(Type.String()),
  fromString: Nullable(Type.String()),
  to: Nullable(Type.String()),
  toString: Nullable(Type.String()),
});
export const HistoryEntry = Closed({ id: Id, author: Nullable(Id), created: Timestamp, items: Type.Array(ChangeItem, { minItems: 1 }) });

export const IssueLink = Closed({ id: Id, type: Id, direction: OneOf(['outward', 'inward'] as const), issue: Name });

/**
 * An attachment's metadata. The content lives outside the canonical JSON, content-addressed by
 * `sha256` in the instance's attachments/ directory, so the canonical hash covers it through this
 * digest. A clone copies metadata only: its attachments have no `sha256` (content not copied).
 */
export const Attachment = Closed({
  id: Id,
  filename: Type.String({ minLength: 1, maxLength: 255 }),
  author: Nullable(Id),
  created: Timestamp,
  size: Type.Integer({ minimum: 0 }),
  mimeType: Type.String({ minLength: 1 }),
  sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
  ...Entity,
});

export const Worklog = Closed({
  id: Id,
  author: Nullable(Id),
  updateAuthor: Type.Optional(Nullable(Id)),
  comment: Type.Optional(Type.String()),
  started: Timestamp,
  timeSpentSeconds: Type.Integer({ minimum: 1 }),
  created: Timestamp,
  updated: Type.Optional(Timestamp),
  visibility: Type.Optional(Visibility),
  ...Entity,
});

/** Estimates in seconds; time spent is the sum of the worklogs. */
export const TimeTracking = Closed({
  originalEstimateSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
  remainingEstimateSeconds: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const RemoteLink = Closed({
  id: Id,
  globalId: Type.Optional(Type.String()),
  relationship: Type.Optional(Type.String()),
  application: Type.Optional(Closed({ type: Type.Optional(Type.String()), name: Type.Optional(Type.String()) })),
  object: Closed({
    url: Type.String({ minLength: 1 }),
    title: Type.String({ minLength: 1 }),
    summary: Type.Optional(Type.String()),
    icon: Type.Optional(Closed({ url16x16: Type.Optional(Type.String()), title: Type.Optional(Type.String()) })),
    status: Type.Optional(Closed({ resolved: Type.Optional(Type.Boolean()) })),
  }),
  ...Entity,
});

/** Entity properties (issues, projects, users): JSON values by key, as apps and scripts store them. */
export const Properties = Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Unknown());

/**
 * An issue. Configurable things are referenced by id (status, type, priority, resolution, options,
 * components, versions), so renaming them in the configuration touches no issue.
 */
export const Issue = Closed({
  id: Id,
  key: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,9}-[1-9][0-9]*$' }),
  project: Type.String({ minLength: 1, description: 'Project key' }),
  issueType: Id,
  status: Id,
  resolution: Nullable(Id),
  priority: Nullable(Id),
  summary: Type.String({ minLength: 1, maxLength: 255 }),
  description: Nullable(Type.String()),
  environment: Type.Optional(Nullable(Type.String())),
  reporter: Nullable(Id),
  assignee: Nullable(Id),
  labels: Type.Array(Type.String({ minLength: 1, pattern: '^\\S+$' })),
  components: Type.Array(Id),
  fixVersions: Type.Array(Id),
  versions: Type.Array(Id),
  duedate: Type.Optional(Nullable(DateOnly)),
  created: Timestamp,
  updated: Timestamp,
  resolutionDate: Type.Optional(Nullable(Timestamp)),
  parent: Type.Optional(Type.String({ description: 'Key of the parent issue of a sub-task' })),
  watchers: Type.Array(Id),
  /** Custom field values by field id; option fields hold option ids, user fields account ids. */
  customFields: Type.Record(Type.String(), Type.Unknown()),
  comments: Type.Array(Comment),
  history: Type.Array(HistoryEntry),
  links: Type.Array(IssueLink),
  /** Absent and empty are the same: the tracker drops these keys when they become empty. */
  attachments: Type.Optional(Type.Array(Attachment)),
  worklogs: Type.Optional(Type.Array(Worklog)),
  timeTracking: Type.Optional(TimeTracking),
  remoteLinks: Type.Optional(Type.Array(RemoteLink)),
  voters: Type.Optional(Type.Array(Id)),
  properties: Type.Optional(Properties),
  ...Entity,
});
export type Issue = Static<typeof Issue>;

/** `issues.json`: the whole sample in one file. Large snapshots use NDJSON shards instead. */
export const IssuesFile = Closed({ $schema: SchemaRef, issues: Type.Array(Issue) });
