/**
 * The shapes Jira takes for one value of a field, by the model's field type, checked before any
 * name is looked up: a reference is `{id}`, `{name}`, `{value}`, `{key}` or `{accountId}` (or, as
 * the sandbox also takes, a plain string or number), text is a string, a number a number. `null`
 * clears a field and is handled by the caller; anything else (`{"nested":1}`, `[null]`, `""` for a
 * reference, an object where text belongs) is refused with a message, never read as "empty".
 */
import { jsonKind } from './request-body.ts';

/** The keys a reference of each type may be given by, in the order they are read. */
export const REF_KEYS: Readonly<Record<string, readonly string[]>> = {
  select: ['id', 'value', 'name'],
  radio: ['id', 'value', 'name'],
  'multi-select': ['id', 'value', 'name'],
  checkboxes: ['id', 'value', 'name'],
  'cascading-select': ['id', 'value', 'name'],
  user: ['accountId', 'name', 'key', 'emailAddress', 'id'],
  'multi-user': ['accountId', 'name', 'key', 'emailAddress', 'id'],
  group: ['groupId', 'name'],
  'multi-group': ['groupId', 'name'],
  version: ['id', 'name'],
  'multi-version': ['id', 'name'],
  components: ['id', 'name'],
  priority: ['id', 'name'],
  resolution: ['id', 'name'],
  issuetype: ['id', 'name'],
  project: ['key', 'id'],
};

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const quoted = (keys: readonly string[]) => keys.map((k) => `'${k}'`).join(' or ');

/** What is wrong with `v` as a reference given by `keys`; undefined when it is one. `{key: null}` is allowed when `nullable`. */
export const refProblem = (v: unknown, keys: readonly string[], nullable = false): string | undefined => {
  const expected = `Expected an object with ${quoted(keys)} (a string), or a string`;
  if (typeof v === 'string') return v.trim() === '' ? `${expected}; got an empty string (send null to clear the field)` : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? undefined : `${expected}; got ${String(v)}`;
  if (!isPlain(v)) return `${expected}; got ${jsonKind(v)}`;
  let named = false;
  for (const k of keys) {
    const x = v[k];
    if (x === undefined) continue;
    if (x === null && nullable) {
      named = true;
      continue;
    }
    if (typeof x === 'number' && Number.isFinite(x)) named = true;
    else if (typeof x === 'string' && x.trim() !== '') named = true;
    else return `'${k}' must be a non-empty string; got ${typeof x === 'string' ? 'an empty string' : jsonKind(x)}`;
  }
  return named ? undefined : `${expected}; got an object without any of them`;
};

/** What is wrong with one (non-null) value or element of a field of `type`; undefined when Jira would take its shape. */
export const valueShapeProblem = (type: string, v: unknown): string | undefined => {
  const keys = REF_KEYS[type];
  if (type === 'cascading-select') {
    if (!isPlain(v)) return `Expected an object with 'id' or 'value' and an optional 'child'; got ${jsonKind(v)}`;
    const parent = refProblem(v, keys!);
    if (parent) return parent;
    if (v.child === undefined || v.child === null) return undefined;
    const child = refProblem(v.child, keys!);
    return child ? `child: ${child}` : undefined;
  }
  if (keys) return refProblem(v, keys, type === 'user');
  switch (type) {
    case 'text':
    case 'url':
    case 'date':
    case 'datetime':
    case 'labels':
      return typeof v === 'string' ? undefined : `Expected a string; got ${jsonKind(v)}`;
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
        ? undefined
        : `Expected a number; got ${typeof v === 'string' && v === '' ? 'an empty string' : jsonKind(v)}`;
    default:
      return undefined;
  }
};
