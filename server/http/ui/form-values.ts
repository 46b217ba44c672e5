/**
 * Form values ↔ model values. A form carries strings (one per field, several for multi-value
 * fields); the tracker wants model values (option ids, account ids, `YYYY-MM-DD`, ISO date-times,
 * numbers, `{parent, child}`). Values the conversion cannot read are passed through unchanged, so
 * the tracker refuses them in its own words beside the field.
 */
import type { Issue } from '../../model/index.ts';
import { type FieldMeta, type FieldValues, getValue, sameValue } from '../../tracker/index.ts';

export type FormValue = string | string[];
export type FormState = Record<string, FormValue | undefined>;

const MULTI = new Set(['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'multi-version', 'components']);

export const isMulti = (type: string): boolean => MULTI.has(type);

const list = (v: FormValue | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '');
const one = (v: FormValue | undefined): string => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

/** One field's form value as a model value (null / [] when empty). */
export const toModel = (type: string, v: FormValue | undefined): unknown => {
  if (MULTI.has(type)) return list(v);
  if (type === 'labels') return one(v).split(/\s+/).filter(Boolean);
  // Browsers send CRLF from textareas; the model (and the changelog) keep LF.
  const s = type === 'paragraph' ? (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).replace(/\r\n?/g, '\n') : one(v);
  if (s === '' || (type === 'paragraph' && s.trim() === '')) return null;
  switch (type) {
    case 'number': {
      const n = Number(s);
      return Number.isFinite(n) ? n : s;
    }
    case 'datetime':
      // datetime-local gives minutes without a zone; the sandbox shows and stores UTC.
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(s) ? new Date(`${s}Z`).toISOString() : s;
    case 'cascading-select': {
      const [parent, child] = s.split(':');
      return child ? { parent, child } : { parent };
    }
    default:
      return s;
  }
};

/** A model value as the form shows it. */
export const toForm = (type: string, value: unknown): FormValue => {
  if (value === null || value === undefined) return MULTI.has(type) ? [] : '';
  if (MULTI.has(type)) return (value as unknown[]).map(String);
  if (type === 'labels') return (value as string[]).join(' ');
  if (type === 'datetime') return String(value).slice(0, 16);
  if (type === 'cascading-select') {
    const c = value as { parent: string; child?: string };
    return c.child ? `${c.parent}:${c.child}` : c.parent;
  }
  return String(value);
};

/** Every field of the form as model values, keyed by field id. */
export const formToFields = (meta: readonly FieldMeta[], body: FormState): FieldValues => {
  const out: FieldValues = {};
  for (const m of meta) out[m.fieldId] = toModel(m.type, body[m.fieldId]);
  return out;
};

/** The request body as form state (express' urlencoded gives strings and string arrays). */
export const formState = (body: unknown): FormState => {
  const out: FormState = {};
  if (typeof body !== 'object' || body === null) return out;
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === 'string') out[k] = v;
    else if (Array.isArray(v)) out[k] = v.map(String);
  }
  return out;
};

/**
 * Only the fields whose value differs from the issue's: a form shows every field of a screen, but
 * re-sending an untouched value (an inactive reporter, a since-disabled option) must not fail.
 */
export const changedFields = (issue: Issue, fields: FieldValues): FieldValues =>
  Object.fromEntries(Object.entries(fields).filter(([id, v]) => !sameValue(getValue(issue, id), v)));
