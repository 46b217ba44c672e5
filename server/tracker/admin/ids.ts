/**
 * Ids for new entities, handed out as Jira does: numbers from 10000 up per kind (custom fields as
 * `customfield_N`, workflows as UUIDs), never reused — a recreated entity gets a new id. A counter
 * starts past the highest id of its kind in the configuration the first time it is used and then
 * lives in the admin records (outside the canonical hash).
 */
import { createHash } from 'node:crypto';
import type { Config } from '../../model/index.ts';
import type { AdminRecords } from './records.ts';

export const ID_KINDS = [
  'status',
  'issuetype',
  'priority',
  'resolution',
  'customfield',
  'context',
  'option',
  'screen',
  'tab',
  'screenScheme',
  'issueTypeScreenScheme',
  'fieldConfiguration',
  'fieldConfigurationScheme',
  'issueTypeScheme',
  'workflow',
  'workflowScheme',
  'permissionScheme',
  'grant',
  'notificationScheme',
  'filter',
  'project',
  'component',
  'version',
  'role',
  'board',
  'task',
  'audit',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

const num = (id: string | undefined): number => {
  if (id === undefined) return 0;
  const m = /(\d+)$/.exec(id);
  return m && /^(customfield_)?\d+$/.test(id) ? Number(m[1]) : 0;
};

/** Every id of a kind the configuration holds (numeric ones count towards the counter's start). */
const existing = (c: Config, kind: IdKind): Array<string | undefined> => {
  const contexts = () => c.fields.flatMap((f) => f.contexts);
  switch (kind) {
    case 'status':
      return c.statuses.map((x) => x.id);
    case 'issuetype':
      return c.issueTypes.map((x) => x.id);
    case 'priority':
      return c.priorities.map((x) => x.id);
    case 'resolution':
      return c.resolutions.map((x) => x.id);
    case 'customfield':
      return c.fields.map((x) => x.id);
    case 'context':
      return contexts().map((x) => x.id);
    case 'option':
      return contexts().flatMap((x) => (x.options ?? []).flatMap((o) => [o.id, ...(o.children ?? []).map((ch) => ch.id)]));
    case 'screen':
      return c.screens.map((x) => x.id);
    case 'tab':
      return c.screens.flatMap((s) => s.tabs.map((t) => t.id));
    case 'screenScheme':
      return c.screenSchemes.map((x) => x.id);
    case 'issueTypeScreenScheme':
      return c.issueTypeScreenSchemes.map((x) => x.id);
    case 'fieldConfiguration':
      return c.fieldConfigurations.map((x) => x.id);
    case 'fieldConfigurationScheme':
      return c.fieldConfigurationSchemes.map((x) => x.id);
    case 'issueTypeScheme':
      return c.issueTypeSchemes.map((x) => x.id);
    case 'workflow':
      return c.workflows.map((x) => x.id);
    case 'workflowScheme':
      return c.workflowSchemes.map((x) => x.id);
    case 'permissionScheme':
      return c.permissionSchemes.map((x) => x.id);
    case 'grant':
      return c.permissionSchemes.flatMap((s) => s.grants.map((g) => g.id));
    case 'notificationScheme':
      return c.notificationSchemes.map((x) => x.id);
    case 'filter':
      return c.filters.map((x) => x.id);
    case 'project':
      return c.projects.map((x) => x.id);
    case 'component':
      return c.projects.flatMap((p) => p.components.map((x) => x.id));
    case 'version':
      return c.projects.flatMap((p) => p.versions.map((x) => x.id));
    case 'role':
      return c.roles.map((x) => x.id);
    case 'board':
      return c.boards.map((x) => x.id);
    case 'task':
    case 'audit':
      return [];
  }
};

const FLOOR: Partial<Record<IdKind, number>> = { audit: 0, board: 0 };

/** Allocates ids against the records' counters; `commit` writes the counters back (only when the change commits). */
export class IdAllocator {
  private readonly next = new Map<IdKind, number>();
  constructor(
    private readonly records: AdminRecords,
    private readonly config: () => Config,
  ) {}

  private start(kind: IdKind): number {
    const stored = this.records.counters[kind];
    if (stored !== undefined) return stored;
    const floor = FLOOR[kind] ?? 9999;
    return Math.max(floor, ...existing(this.config(), kind).map(num));
  }

  /** The next number of a kind (not yet committed). */
  number(kind: IdKind): number {
    const n = (this.next.get(kind) ?? this.start(kind)) + 1;
    this.next.set(kind, n);
    return n;
  }

  id(kind: IdKind): string {
    const n = this.number(kind);
    if (kind === 'customfield') return `customfield_${n}`;
    if (kind === 'workflow') return workflowUuid(this.config().tracker.title, n);
    return String(n);
  }

  commit(): void {
    for (const [kind, n] of this.next) this.records.counters[kind] = n;
    this.next.clear();
  }
}

/** A UUID-shaped id (as Jira Cloud's workflow entity ids are), derived from the counter so runs repeat. */
export const uuidOf = (seed: string): string => {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const workflowUuid = (site: string, n: number): string => uuidOf(`understudy-workflow:${site}:${n}`);
