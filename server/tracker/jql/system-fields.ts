/**
 * JQL's system fields over the model. Values match by id or by name, case-insensitively; a value
 * that names nothing is an error worded like Jira's.
 */
import { type ConfigIndex, type Issue, JqlError } from '../../model/index.ts';
import type { IssueIndex } from '../issue-index.ts';
import { toMs } from './dates.ts';
import { parseDuration } from '../durations.ts';
import { SEE_ALL, type JqlField, type Resolved, type Seen } from './field-types.ts';

export const unknownValue = (value: string, field: string) => new JqlError('value', `The value '${value}' does not exist for the field '${field}'.`);

/** A resolver over (id, names) pairs, built once per field. */
export const resolverOf = (field: string, entries: Iterable<{ id: string; names: string[] }>, extra?: (v: string) => Resolved | undefined) => {
  const ids = new Set<string>();
  const byName = new Map<string, string[]>();
  for (const e of entries) {
    ids.add(e.id);
    for (const n of e.names) {
      const k = n.toLowerCase();
      const arr = byName.get(k);
      if (arr) {
        if (!arr.includes(e.id)) arr.push(e.id);
      } else byName.set(k, [e.id]);
    }
  }
  return (value: string): Resolved => {
    const special = extra?.(value);
    if (special) return special;
    const named = byName.get(value.toLowerCase());
    if (named) return { ids: named, empty: false };
    if (ids.has(value)) return { ids: [value], empty: false };
    throw unknownValue(value, field);
  };
};

const CATEGORY_NAMES: Record<string, string[]> = {
  todo: ['To Do', 'new', '2'],
  'in-progress': ['In Progress', 'indeterminate', '4'],
  done: ['Done', 'done', '3'],
};

const keyNumber = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));
const keyKeys = new Map<string, string>();
/** Project key, then the number, as one comparable string (memoised: keys never change). */
export const keySortKey = (key: string): string => {
  let k = keyKeys.get(key);
  if (k === undefined) {
    k = `${key.slice(0, key.lastIndexOf('-'))}\u0000${String(keyNumber(key)).padStart(12, '0')}`;
    if (keyKeys.size > 2_000_000) keyKeys.clear();
    keyKeys.set(key, k);
  }
  return k;
};

const userEntries = (ix: ConfigIndex) => ix.config.users.map((u) => ({ id: u.accountId, names: [u.displayName, u.email] }));
const displayName = (ix: ConfigIndex, id: string | null) => (id ? (ix.users.get(id)?.displayName ?? id).toLowerCase() : null);
const lowerJoin = (xs: string[]) => (xs.length ? xs.join(' ').toLowerCase() : null);
const textOf = (...parts: Array<string | null | undefined>) => parts.filter((p) => p).join('\n');

export const systemField = (ix: ConfigIndex, issues: IssueIndex, alias: string, as: string, seen: Seen = SEE_ALL): JqlField | undefined => {
  // A restricted comment's text is searched only by those who may read it (Jira: no match, no hint it exists).
  const seenComments = (i: Issue) => i.comments.filter((c) => seen.item(i, c.visibility)).map((c) => c.body);
  const projects = ix.config.projects;
  switch (alias) {
    case 'project':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.project,
        sortKey: (i) => i.project,
        resolve: resolverOf(
          as,
          projects.filter((p) => seen.project(p.key)).map((p) => ({ id: p.key, names: [p.key, p.name, p.id] })),
        ),
      };
    case 'issuetype':
    case 'type':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.issueType,
        sortKey: (i) => ix.issueTypes.get(i.issueType)?.name.toLowerCase() ?? i.issueType,
        resolve: resolverOf(
          as,
          ix.config.issueTypes.map((t) => ({ id: t.id, names: [t.name] })),
        ),
      };
    case 'status':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.status,
        history: ['status'],
        sortKey: (i) => ix.statusRank.get(i.status) ?? null,
        resolve: resolverOf(
          as,
          ix.config.statuses.map((s) => ({ id: s.id, names: [s.name] })),
        ),
      };
    case 'statuscategory':
      return {
        name: as,
        kind: 'ref',
        get: (i) => ix.statuses.get(i.status)?.category ?? null,
        sortKey: (i) => Object.keys(CATEGORY_NAMES).indexOf(ix.statuses.get(i.status)?.category ?? ''),
        resolve: resolverOf(
          as,
          Object.entries(CATEGORY_NAMES).map(([id, names]) => ({ id, names })),
        ),
      };
    case 'priority': {
      const n = ix.config.priorities.length;
      const rank = (id: string) => {
        const r = ix.priorityRank.get(id);
        return r === undefined ? undefined : n - r;
      };
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.priority,
        history: ['priority'],
        rank,
        sortKey: (i) => (i.priority ? (rank(i.priority) ?? null) : null),
        resolve: resolverOf(
          as,
          ix.config.priorities.map((p) => ({ id: p.id, names: [p.name] })),
        ),
      };
    }
    case 'resolution':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.resolution,
        history: ['resolution'],
        sortKey: (i) => (i.resolution ? ix.config.resolutions.findIndex((r) => r.id === i.resolution) : null),
        resolve: resolverOf(
          as,
          ix.config.resolutions.map((r) => ({ id: r.id, names: [r.name] })),
          (v) => (v.toLowerCase() === 'unresolved' && !ix.resolutionsByName.has('unresolved') ? { ids: [], empty: true } : undefined),
        ),
      };
    case 'assignee':
    case 'reporter': {
      const prop = alias;
      return {
        name: as,
        kind: 'ref',
        users: true,
        history: [prop],
        get: (i) => i[prop],
        sortKey: (i) => displayName(ix, i[prop]),
        resolve: resolverOf(as, userEntries(ix)),
      };
    }
    case 'component':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.components,
        sortKey: (i) => lowerJoin(i.components.map((c) => projects.find((p) => p.key === i.project)?.components.find((x) => x.id === c)?.name ?? c)),
        resolve: resolverOf(
          as,
          projects.flatMap((p) => p.components.map((c) => ({ id: c.id, names: [c.name] }))),
        ),
      };
    case 'fixversion':
    case 'affectedversion': {
      const prop = alias === 'fixversion' ? 'fixVersions' : 'versions';
      return {
        name: as,
        kind: 'ref',
        get: (i) => i[prop],
        history: [prop],
        sortKey: (i) => lowerJoin(i[prop].map((v) => projects.find((p) => p.key === i.project)?.versions.find((x) => x.id === v)?.name ?? v)),
        resolve: resolverOf(
          as,
          projects.flatMap((p) => p.versions.map((v) => ({ id: v.id, names: [v.name] }))),
        ),
      };
    }
    case 'labels':
      return { name: as, kind: 'labels', get: (i) => i.labels.map((l) => l.toLowerCase()), sortKey: (i) => lowerJoin(i.labels) };
    case 'created':
    case 'updated':
    case 'resolved':
    case 'duedate': {
      const get = (i: Issue) => toMs(alias === 'resolved' ? i.resolutionDate : alias === 'duedate' ? i.duedate : i[alias]);
      return { name: as, kind: 'date', get, sortKey: get };
    }
    case 'summary':
      return { name: as, kind: 'text', get: (i) => i.summary, sortKey: (i) => i.summary.toLowerCase() };
    case 'description':
    case 'environment':
      return { name: as, kind: 'text', get: (i) => i[alias] ?? null };
    case 'comment':
      return { name: as, kind: 'text', get: (i) => textOf(...seenComments(i)) || null };
    case 'text': {
      const textFields = ix.config.fields.filter((f) => f.custom && (f.type === 'text' || f.type === 'paragraph')).map((f) => f.id);
      return {
        name: as,
        kind: 'text',
        get: (i) =>
          textOf(i.summary, i.description, i.environment, ...seenComments(i), ...textFields.map((id) => i.customFields[id] as string | undefined)),
      };
    }
    case 'key':
      return { name: as, kind: 'key', get: (i) => i.key, sortKey: (i) => keySortKey(i.key) };
    case 'timespent':
    case 'originalestimate':
    case 'remainingestimate': {
      const get = (i: Issue): number | null => {
        if (alias === 'timespent') {
          const n = (i.worklogs ?? []).reduce((t, w) => t + w.timeSpentSeconds, 0);
          return n || null;
        }
        return (alias === 'originalestimate' ? i.timeTracking?.originalEstimateSeconds : i.timeTracking?.remainingEstimateSeconds) ?? null;
      };
      return { name: as, kind: 'number', get, sortKey: get, parse: parseDuration };
    }
    case 'worklogdate':
      return {
        name: as,
        kind: 'date',
        get: (i) => (i.worklogs?.length ? toMs(i.worklogs[0]!.started) : null),
        getAll: (i) => (i.worklogs ?? []).map((w) => toMs(w.started)).filter((n): n is number => n !== null),
      };
    case 'worklogauthor':
      return {
        name: as,
        kind: 'ref',
        users: true,
        get: (i) => (i.worklogs ?? []).map((w) => w.author).filter((a) => a),
        resolve: resolverOf(as, userEntries(ix)),
      };
    case 'worklogcomment':
      return {
        name: as,
        kind: 'text',
        get: (i) => textOf(...(i.worklogs ?? []).filter((w) => seen.item(i, w.visibility)).map((w) => w.comment)) || null,
      };
    case 'votes': {
      const get = (i: Issue) => i.voters?.length ?? 0;
      return { name: as, kind: 'number', get, sortKey: get };
    }
    case 'watchers': {
      const get = (i: Issue) => i.watchers.length;
      return { name: as, kind: 'number', get, sortKey: get };
    }
    case 'parent':
      return {
        name: as,
        kind: 'ref',
        get: (i) => i.parent ?? null,
        resolve: (v) => {
          const hit = issues.byKey.get(v.toUpperCase()) ?? issues.byId.get(v);
          if (!hit || !seen.issue(hit)) throw new JqlError('value', `An issue with key '${v}' does not exist for field '${as}'.`);
          return { ids: [hit.key], empty: false };
        },
      };
    default:
      return undefined;
  }
};

/** JQL names and aliases of the system fields (lower case) → the canonical alias above. */
export const SYSTEM_ALIASES: Record<string, string> = {
  project: 'project',
  issuetype: 'issuetype',
  type: 'type',
  status: 'status',
  statuscategory: 'statuscategory',
  priority: 'priority',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  component: 'component',
  components: 'component',
  fixversion: 'fixversion',
  affectedversion: 'affectedversion',
  labels: 'labels',
  label: 'labels',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  resolved: 'resolved',
  resolutiondate: 'resolved',
  due: 'duedate',
  duedate: 'duedate',
  summary: 'summary',
  description: 'description',
  environment: 'environment',
  comment: 'comment',
  text: 'text',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  parent: 'parent',
  timespent: 'timespent',
  originalestimate: 'originalestimate',
  timeoriginalestimate: 'originalestimate',
  remainingestimate: 'remainingestimate',
  timeestimate: 'remainingestimate',
  worklogdate: 'worklogdate',
  worklogauthor: 'worklogauthor',
  worklogcomment: 'worklogcomment',
  votes: 'votes',
  watchers: 'watchers',
};
