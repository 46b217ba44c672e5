/**
 * Changing issue values the way a tracker's bulk change does: each touched issue gets one history
 * entry (author and time from the context) and `updated` = now; what was there before is captured,
 * one record per issue, so the inverse puts back the values, the history and `updated` exactly.
 */
import type { ChangeItem, HistoryEntry, Issue } from '../model/index.ts';
import type { OpContext, Touched } from './types.ts';

/** A top-level issue property, or `customFields.<field id>`. */
export type ValueKey = string;

/** What restoring one issue needs. The ledger shards a list of these; keep it flat and small. */
export interface IssueRestore {
  id: string;
  updated: string;
  /** History is cut back to this length, then `historyTail` (if any) is appended. */
  historyLength: number;
  historyTail?: HistoryEntry[];
  /** Values to put back, by value key. */
  values: Record<ValueKey, unknown>;
  /** Keys that were absent and must be removed again. */
  absent?: ValueKey[];
}

const CF = 'customFields.';

export const getValue = (issue: Issue, key: ValueKey): unknown =>
  key.startsWith(CF) ? issue.customFields[key.slice(CF.length)] : (issue as unknown as Record<string, unknown>)[key];

export const setValue = (issue: Issue, key: ValueKey, value: unknown): void => {
  const target = key.startsWith(CF) ? issue.customFields : (issue as unknown as Record<string, unknown>);
  const k = key.startsWith(CF) ? key.slice(CF.length) : key;
  if (value === undefined) delete target[k];
  else target[k] = value;
};

/** The value key of a field id: system fields live on the issue, custom ones in customFields. */
export const valueKeyOf = (fieldId: string, custom: boolean): ValueKey => (custom ? `${CF}${fieldId}` : fieldId);

/** A changelog string for a raw value: ids joined by commas, as Jira's changelog does. */
export const changeString = (v: unknown): string | null => {
  if (v === undefined || v === null || v === '') return null;
  if (Array.isArray(v)) return v.length ? v.map((x) => changeString(x) ?? '').join(', ') : null;
  if (typeof v === 'object')
    return Object.values(v as Record<string, unknown>)
      .map((x) => changeString(x) ?? '')
      .join(' - ');
  return String(v);
};

interface Entry {
  issue: Issue;
  restore: IssueRestore;
  items: ChangeItem[];
}

export class IssueRecorder {
  private readonly entries = new Map<Issue, Entry>();
  private readonly fields = new Set<string>();
  constructor(private readonly ctx: OpContext) {}

  /** Sets one value and records the change item for this issue's history entry. */
  change(issue: Issue, key: ValueKey, value: unknown, item: ChangeItem): void {
    let e = this.entries.get(issue);
    if (!e) {
      e = { issue, restore: { id: issue.id, updated: issue.updated, historyLength: issue.history.length, values: {} }, items: [] };
      this.entries.set(issue, e);
    }
    const r = e.restore;
    if (!(key in r.values) && !r.absent?.includes(key)) {
      const cur = getValue(issue, key);
      if (cur === undefined) (r.absent ??= []).push(key);
      else r.values[key] = structuredClone(cur);
    }
    setValue(issue, key, value);
    e.items.push(item);
    this.fields.add(key.startsWith(CF) ? key.slice(CF.length) : key);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the history entries and `updated`, and returns the captured records. */
  finish(): { bulk: IssueRestore[]; touched: Touched } {
    const bulk: IssueRestore[] = [];
    const { site } = this.ctx;
    for (const { issue, restore, items } of this.entries.values()) {
      issue.history.push({ id: `mig-${site.migrationId}-${site.position}`, author: this.ctx.actor, created: this.ctx.now, items });
      issue.updated = this.ctx.now;
      bulk.push(restore);
    }
    return { bulk, touched: { issueIds: bulk.map((b) => b.id), fields: [...this.fields] } };
  }

  /** Puts back every value changed so far (used when an operation fails half way). */
  rollback(): void {
    for (const { issue, restore } of this.entries.values()) restoreIssue(issue, restore);
    this.entries.clear();
  }
}

/** Restores one issue from its record and returns the record that would undo the restore. */
export const restoreIssue = (issue: Issue, r: IssueRestore): IssueRestore => {
  const keys = [...Object.keys(r.values), ...(r.absent ?? [])];
  const back: IssueRestore = { id: issue.id, updated: issue.updated, historyLength: r.historyLength, values: {} };
  for (const k of keys) {
    const cur = getValue(issue, k);
    if (cur === undefined) (back.absent ??= []).push(k);
    else back.values[k] = cur;
  }
  if (issue.history.length > r.historyLength) back.historyTail = issue.history.slice(r.historyLength);
  for (const [k, v] of Object.entries(r.values)) setValue(issue, k, structuredClone(v));
  for (const k of r.absent ?? []) setValue(issue, k, undefined);
  issue.history.length = Math.min(issue.history.length, r.historyLength);
  if (r.historyTail) issue.history.push(...structuredClone(r.historyTail));
  issue.updated = r.updated;
  return back;
};
