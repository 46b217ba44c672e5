/**
 * The audit log, computed from the configuration before and after a change, so every interface
 * (REST, the web UI, migrations) records the same way and none can forget: one record per entity
 * created, deleted or changed, with the changed values as Jira's audit log lists them
 * (`fieldName`, `changedFrom`, `changedTo`).
 */
import { canonicalJson } from '../../model/index.ts';
import type { Config } from '../../model/index.ts';
import type { Actor } from '../types.ts';
import type { AdminRecords, AuditRecord, ChangedValue } from './records.ts';

interface Collection {
  key: keyof Config;
  typeName: string;
  category: string;
  noun: string;
  idKey?: string;
  nameKey?: string;
}

/** Each configuration list, the audit object type Jira names it with, and the category it files under. */
const COLLECTIONS: readonly Collection[] = [
  { key: 'statuses', typeName: 'STATUS', category: 'workflows', noun: 'Status' },
  { key: 'issueTypes', typeName: 'ISSUE_TYPE', category: 'issue types', noun: 'Issue type' },
  { key: 'priorities', typeName: 'PRIORITY', category: 'system', noun: 'Priority' },
  { key: 'resolutions', typeName: 'RESOLUTION', category: 'system', noun: 'Resolution' },
  { key: 'issueLinkTypes', typeName: 'ISSUE_LINK_TYPE', category: 'issue linking', noun: 'Issue link type' },
  { key: 'fields', typeName: 'CUSTOM_FIELD', category: 'fields', noun: 'Custom field' },
  { key: 'users', typeName: 'USER', category: 'user management', noun: 'User', idKey: 'accountId', nameKey: 'displayName' },
  { key: 'groups', typeName: 'GROUP', category: 'group management', noun: 'Group' },
  { key: 'roles', typeName: 'PROJECT_ROLE', category: 'permissions', noun: 'Project role' },
  { key: 'projects', typeName: 'PROJECT', category: 'projects', noun: 'Project' },
  { key: 'issueTypeSchemes', typeName: 'ISSUE_TYPE_SCHEME', category: 'issue types', noun: 'Issue type scheme' },
  { key: 'workflows', typeName: 'WORKFLOW', category: 'workflows', noun: 'Workflow' },
  { key: 'workflowSchemes', typeName: 'SCHEME', category: 'workflows', noun: 'Workflow scheme' },
  { key: 'screens', typeName: 'SCREEN', category: 'screens', noun: 'Screen' },
  { key: 'screenSchemes', typeName: 'SCREEN_SCHEME', category: 'screens', noun: 'Screen scheme' },
  { key: 'issueTypeScreenSchemes', typeName: 'SCREEN_SCHEME', category: 'screens', noun: 'Issue type screen scheme' },
  { key: 'fieldConfigurations', typeName: 'FIELD_LAYOUT', category: 'fields', noun: 'Field configuration' },
  { key: 'fieldConfigurationSchemes', typeName: 'FIELD_LAYOUT_SCHEME', category: 'fields', noun: 'Field configuration scheme' },
  { key: 'permissionSchemes', typeName: 'PERMISSION_SCHEME', category: 'permissions', noun: 'Permission scheme' },
  { key: 'notificationSchemes', typeName: 'NOTIFICATION_SCHEME', category: 'notifications', noun: 'Notification scheme' },
  { key: 'filters', typeName: 'FILTER', category: 'filters', noun: 'Filter' },
  { key: 'boards', typeName: 'BOARD', category: 'boards', noun: 'Board' },
];

type Entity = Record<string, unknown>;
const idOf = (c: Collection, e: Entity) => String(e[c.idKey ?? 'id'] ?? '');
const nameOf = (c: Collection, e: Entity) => String(e[c.nameKey ?? 'name'] ?? e.key ?? idOf(c, e));

/** A value as the audit log shows it: text as is, everything else as compact JSON (long values cut). */
const shown = (v: unknown): string | undefined => {
  if (v === undefined) return undefined;
  const s = typeof v === 'string' ? v : canonicalJson(v);
  return s.length > 1000 ? `${s.slice(0, 997)}...` : s;
};

const changedValues = (before: Entity | undefined, after: Entity | undefined): ChangedValue[] => {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== 'refs' && k !== 'ext');
  const out: ChangedValue[] = [];
  for (const k of keys.sort()) {
    const a = before?.[k];
    const b = after?.[k];
    if (canonicalJson(a ?? null) === canonicalJson(b ?? null)) continue;
    const from = shown(a);
    const to = shown(b);
    out.push({ fieldName: k, ...(from !== undefined ? { changedFrom: from } : {}), ...(to !== undefined ? { changedTo: to } : {}) });
  }
  return out;
};

export interface AuditSource {
  eventSource: string;
  description?: string;
}

/** Records for every entity that differs between two configurations (creations, deletions, changes), in list order. */
export const diffAudit = (before: Config, after: Config, actor: Actor, now: string, source: AuditSource): Array<Omit<AuditRecord, 'id'>> => {
  const out: Array<Omit<AuditRecord, 'id'>> = [];
  for (const c of COLLECTIONS) {
    const a = before[c.key] as unknown as Entity[];
    const b = after[c.key] as unknown as Entity[];
    if (a === b) continue;
    const was = new Map(a.map((e) => [idOf(c, e), e]));
    const now_ = new Map(b.map((e) => [idOf(c, e), e]));
    const record = (e: Entity, verb: string, values: ChangedValue[]): void => {
      out.push({
        summary: `${c.noun} ${verb}`,
        category: c.category,
        eventSource: source.eventSource,
        authorAccountId: actor,
        created: now,
        objectItem: { id: idOf(c, e), name: nameOf(c, e), typeName: c.typeName },
        changedValues: values,
        associatedItems: [],
        ...(source.description ? { description: source.description } : {}),
      });
    };
    for (const e of b) {
      const old = was.get(idOf(c, e));
      if (!old) record(e, 'created', changedValues(undefined, e));
      else if (old !== e && canonicalJson(old) !== canonicalJson(e)) record(e, 'updated', changedValues(old, e));
    }
    for (const e of a) if (!now_.has(idOf(c, e))) record(e, 'deleted', []);
  }
  return out;
};

/** Appends records with ids from the records' audit counter. */
export const appendAudit = (records: AdminRecords, entries: ReadonlyArray<Omit<AuditRecord, 'id'>>): void => {
  for (const e of entries) {
    const id = (records.counters.audit ?? 0) + 1;
    records.counters.audit = id;
    records.audit.push({ id, ...e });
  }
};

/** Lists whose entities carry a version token that moves on every change (workflows, workflow schemes). */
const VERSIONED = [
  ['workflows', 'workflow'],
  ['workflowSchemes', 'workflowScheme'],
] as const;

export const bumpRevisions = (records: AdminRecords, before: Config, after: Config): void => {
  for (const [list, kind] of VERSIONED) {
    if (before[list] === after[list]) continue;
    const was = new Map<string, unknown>(before[list].map((w) => [w.id, w]));
    for (const w of after[list]) {
      const old = was.get(w.id);
      if (old && old !== w && canonicalJson(old) !== canonicalJson(w)) {
        const key = `${kind}:${w.id}`;
        records.revisions[key] = (records.revisions[key] ?? 1) + 1;
      }
    }
  }
};

export const revisionOf = (records: AdminRecords | undefined, key: string): number => records?.revisions[key] ?? 1;
