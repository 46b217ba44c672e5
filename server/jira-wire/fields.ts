/**
 * Fields as Jira describes them: `schema` {type, system | custom + customId, items}, clause names.
 * The custom type keys follow Jira's own (`com.atlassian.jira.plugin.system.customfieldtypes:select`),
 * so a clone adapter maps them back to the model's field types one to one (FIELD_TYPE_KEYS, customFieldType).
 */
import type { Field, FieldType } from '../model/index.ts';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Model field type → Jira's schema type, items and custom type key. */
export const FIELD_TYPE_KEYS: Record<FieldType, { type: string; items?: string; custom: string }> = {
  text: { type: 'string', custom: `${CF}textfield` },
  paragraph: { type: 'string', custom: `${CF}textarea` },
  number: { type: 'number', custom: `${CF}float` },
  date: { type: 'date', custom: `${CF}datepicker` },
  datetime: { type: 'datetime', custom: `${CF}datetime` },
  url: { type: 'string', custom: `${CF}url` },
  select: { type: 'option', custom: `${CF}select` },
  'multi-select': { type: 'array', items: 'option', custom: `${CF}multiselect` },
  radio: { type: 'option', custom: `${CF}radiobuttons` },
  checkboxes: { type: 'array', items: 'option', custom: `${CF}multicheckboxes` },
  'cascading-select': { type: 'option-with-child', custom: `${CF}cascadingselect` },
  user: { type: 'user', custom: `${CF}userpicker` },
  'multi-user': { type: 'array', items: 'user', custom: `${CF}multiuserpicker` },
  group: { type: 'group', custom: `${CF}grouppicker` },
  'multi-group': { type: 'array', items: 'group', custom: `${CF}multigrouppicker` },
  labels: { type: 'array', items: 'string', custom: `${CF}labels` },
  version: { type: 'version', custom: `${CF}version` },
  'multi-version': { type: 'array', items: 'version', custom: `${CF}multiversion` },
  components: { type: 'array', items: 'component', custom: `${CF}components` },
  priority: { type: 'priority', custom: `${CF}priority` },
};

/** Jira's system fields that the model keeps as fields (the others live on the issue itself), with their model types. */
export const SYSTEM_FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  summary: 'text',
  description: 'paragraph',
  environment: 'paragraph',
  priority: 'priority',
  assignee: 'user',
  reporter: 'user',
  labels: 'labels',
  components: 'components',
  fixVersions: 'multi-version',
  versions: 'multi-version',
  duedate: 'date',
};

const CUSTOM_TYPES = new Map(Object.entries(FIELD_TYPE_KEYS).map(([type, k]) => [k.custom, type as FieldType]));

/** A custom type key (`…customfieldtypes:select`) → the model's field type; undefined for apps' and unknown types. */
export const customFieldType = (key: string): FieldType | undefined => CUSTOM_TYPES.get(key);

const SYSTEM_SCHEMA: Record<string, { type: string; items?: string }> = {
  summary: { type: 'string' },
  description: { type: 'string' },
  environment: { type: 'string' },
  priority: { type: 'priority' },
  assignee: { type: 'user' },
  reporter: { type: 'user' },
  labels: { type: 'array', items: 'string' },
  components: { type: 'array', items: 'component' },
  fixVersions: { type: 'array', items: 'version' },
  versions: { type: 'array', items: 'version' },
  duedate: { type: 'date' },
  resolution: { type: 'resolution' },
  status: { type: 'status' },
  issuetype: { type: 'issuetype' },
  project: { type: 'project' },
  parent: { type: 'issuelink' },
};

export const customId = (id: string): number | undefined => {
  const m = /^customfield_(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
};

/** Jira's `schema` of a field id (a model field, or a system one the model does not list). */
export const fieldSchema = (field: Field | undefined, id: string): Record<string, unknown> => {
  if (field?.custom) {
    const k = FIELD_TYPE_KEYS[field.type];
    const cid = customId(field.id);
    return { type: k.type, ...(k.items ? { items: k.items } : {}), custom: k.custom, ...(cid !== undefined ? { customId: cid } : {}) };
  }
  const s = SYSTEM_SCHEMA[id] ?? (field ? { type: FIELD_TYPE_KEYS[field.type].type, items: FIELD_TYPE_KEYS[field.type].items } : { type: 'string' });
  return { type: s.type, ...(s.items ? { items: s.items } : {}), system: id };
};

const CLAUSE: Record<string, string[]> = {
  fixVersions: ['fixVersion'],
  versions: ['affectedVersion'],
  components: ['component'],
  labels: ['labels'],
  duedate: ['due', 'duedate'],
  description: ['description'],
  summary: ['summary'],
};

export const fieldJson = (f: Field) => {
  const cid = customId(f.id);
  return {
    id: f.id,
    key: f.id,
    name: f.name,
    custom: f.custom,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: f.custom ? [...(cid !== undefined ? [`cf[${cid}]`] : []), f.name] : (CLAUSE[f.id] ?? [f.id]),
    schema: fieldSchema(f, f.id),
  };
};

/** Fields Jira always lists although the model keeps them on the issue, not in config.fields. */
export const BUILT_IN_FIELDS = [
  { id: 'status', name: 'Status' },
  { id: 'issuetype', name: 'Issue Type' },
  { id: 'project', name: 'Project' },
  { id: 'resolution', name: 'Resolution' },
  { id: 'created', name: 'Created' },
  { id: 'updated', name: 'Updated' },
  { id: 'resolutiondate', name: 'Resolved' },
  { id: 'comment', name: 'Comment' },
  { id: 'parent', name: 'Parent' },
  { id: 'watches', name: 'Watchers' },
  { id: 'issuelinks', name: 'Linked Issues' },
  { id: 'subtasks', name: 'Sub-tasks' },
  { id: 'attachment', name: 'Attachment' },
  { id: 'worklog', name: 'Log Work' },
  { id: 'votes', name: 'Votes' },
  { id: 'timetracking', name: 'Time tracking' },
  { id: 'timespent', name: 'Time Spent' },
  { id: 'timeoriginalestimate', name: 'Original Estimate' },
  { id: 'timeestimate', name: 'Remaining Estimate' },
] as const;

const BUILT_IN_SCHEMA: Record<string, { type: string; items?: string }> = {
  created: { type: 'datetime' },
  updated: { type: 'datetime' },
  resolutiondate: { type: 'datetime' },
  comment: { type: 'comments-page' },
  watches: { type: 'watches' },
  issuelinks: { type: 'array', items: 'issuelinks' },
  subtasks: { type: 'array', items: 'issuelinks' },
  attachment: { type: 'array', items: 'attachment' },
  worklog: { type: 'array', items: 'worklog' },
  votes: { type: 'votes' },
  timetracking: { type: 'timetracking' },
  timespent: { type: 'number' },
  timeoriginalestimate: { type: 'number' },
  timeestimate: { type: 'number' },
};

export const builtInFieldJson = (b: { id: string; name: string }) => {
  const s = BUILT_IN_SCHEMA[b.id] ?? SYSTEM_SCHEMA[b.id] ?? { type: 'string' };
  return {
    id: b.id,
    key: b.id,
    name: b.name,
    custom: false,
    orderable: !['created', 'updated', 'resolutiondate', 'status', 'subtasks'].includes(b.id),
    navigable: true,
    searchable: true,
    clauseNames: [b.id === 'resolutiondate' ? 'resolved' : b.id],
    schema: { type: s.type, ...(s.items ? { items: s.items } : {}), system: b.id },
  };
};
