/**
 * Reading and writing a field of an issue by field id: system fields live on the issue itself,
 * custom fields in `customFields`. `resolution` is handled like a system field (Jira lets
 * transition screens set it) even when the configuration does not list it among its fields.
 */
import type { Field, FieldType, Issue } from '../model/index.ts';
import { SYSTEM_FIELD_TYPES } from '../jira-wire/index.ts';

/** Jira's changelog names for system fields (custom fields use their own name). */
const HISTORY_NAMES: Record<string, string> = {
  components: 'Component',
  fixVersions: 'Fix Version',
  versions: 'Version',
};

export const isSystemField = (id: string): boolean => id in SYSTEM_FIELD_TYPES || id === 'resolution';

export const fieldTypeOf = (field: Field | undefined, id: string): FieldType | 'resolution' | undefined =>
  id === 'resolution' ? 'resolution' : (field?.type ?? SYSTEM_FIELD_TYPES[id]);

export const historyName = (field: Field | undefined, id: string): string => HISTORY_NAMES[id] ?? (field?.custom ? field.name : id);

export const getValue = (issue: Issue, id: string): unknown => {
  if (id === 'resolution') return issue.resolution;
  if (id in SYSTEM_FIELD_TYPES) return (issue as unknown as Record<string, unknown>)[id] ?? null;
  return issue.customFields[id] ?? null;
};

export const isEmptyValue = (v: unknown): boolean => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

const MULTI_SYSTEM = new Set(['labels', 'components', 'fixVersions', 'versions']);

/** Writes a (validated) value; empty custom values are removed so the issue stays canonical. */
export const setValue = (issue: Issue, id: string, value: unknown): void => {
  if (id === 'resolution') {
    issue.resolution = (value as string | null) ?? null;
    return;
  }
  if (id in SYSTEM_FIELD_TYPES) {
    const v = isEmptyValue(value) ? (MULTI_SYSTEM.has(id) ? [] : null) : value;
    // An emptied summary stays a string; the required check then refuses it before any commit.
    if (id === 'summary' && v === null) {
      issue.summary = '';
      return;
    }
    (issue as unknown as Record<string, unknown>)[id] = v;
    return;
  }
  if (isEmptyValue(value)) delete issue.customFields[id];
  else issue.customFields[id] = value;
};

/** Deep-enough equality for model values (scalars, arrays, cascading objects). */
export const sameValue = (a: unknown, b: unknown): boolean => {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
};

/** A working copy of an issue that operations change before committing it in one step. */
export const cloneIssue = (issue: Issue): Issue => structuredClone(issue);
