/**
 * Jira JSON → model values, accepting what Jira accepts: `{id}`, `{name}`, `{value}`, `{key}`,
 * `{accountId}` and plain strings; ADF or strings for rich text. Shapes are checked first
 * (jira-wire's valueShapeProblem and LIMITS), so `{"nested":1}`, `[null]` or `""` is a 400 naming
 * the field, never read as "empty". A well-shaped reference that matches nothing is passed on as
 * is, so the tracker refuses it with Jira's wording. `update` verbs (set/add/remove/edit) are
 * applied to the current value here, in time linear in the operations, so the tracker only ever
 * sees whole values. Every problem of a request is collected per field and refused at once.
 */
import type { Field, Issue, Project } from '../../model/index.ts';
import { componentByRef, fieldTypeOf, type FieldValues, getValue, isTrackerError, versionByRef } from '../../tracker/index.ts';
import { badRequest } from './errors.ts';
import type { J } from './handler.ts';
import { AdfError, fromAdf, isoTime, jsonKind, LIMITS, REF_KEYS, tooManyValues, valueShapeProblem } from '../../jira-wire/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

export interface Scope {
  project: Project;
  issueTypeId: string;
}

/** A value of one field that Jira would refuse: a 400 with `errors[field]`. */
const fieldProblem = (field: string, message: string) => badRequest('', { [field]: message });

const refOf = (v: unknown, keys: readonly string[]): string | undefined => {
  if (!isObj(v)) return str(v);
  for (const k of keys) if (v[k] !== undefined && v[k] !== null) return String(v[k]);
  return undefined;
};

/** Rich text (a string, or ADF in v3); an unreadable document is refused with where it goes wrong. */
export const richText = (field: string, v: unknown): string | null => {
  try {
    return fromAdf(v);
  } catch (e) {
    const where = e instanceof AdfError ? `: ${e.message}` : '';
    throw fieldProblem(field, `Operation value must be an Atlassian Document (v3) or a string (v2)${where}.`);
  }
};

const userRef = (j: J, v: unknown): string | null => {
  const ref = refOf(v, REF_KEYS.user!);
  if (ref === undefined || ref === '-1') return null;
  return j.ctx.tracker.userByRef(ref)?.accountId ?? ref;
};

const optionRef = (j: J, field: Field, scope: Scope, v: unknown, parentId?: string): string => {
  const id = isObj(v) ? str(v.id) : undefined;
  const value = isObj(v) ? (str(v.value) ?? str(v.name)) : str(v);
  const found = j.ctx.tracker.optionByRef(
    field.id,
    scope.project.key,
    scope.issueTypeId,
    id !== undefined ? { id } : { value: value ?? '' },
    parentId,
  );
  return found?.id ?? id ?? value ?? '';
};

/** One element (or scalar) of a field of `type`, its shape already checked. */
const one = (j: J, field: Field | undefined, fieldId: string, type: string, scope: Scope, v: unknown): unknown => {
  const tr = j.ctx.tracker;
  const { project } = scope;
  const keys = REF_KEYS[type] ?? [];
  switch (type) {
    case 'paragraph':
      return richText(fieldId, v);
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
      return field ? optionRef(j, field, scope, v) : v;
    case 'cascading-select': {
      if (!field || !isObj(v)) return v;
      const parent = optionRef(j, field, scope, v);
      const child = v.child === undefined || v.child === null ? undefined : optionRef(j, field, scope, v.child, parent);
      return child === undefined ? { parent } : { parent, child };
    }
    case 'user':
    case 'multi-user':
      return userRef(j, v);
    case 'group':
    case 'multi-group': {
      const ref = refOf(v, keys)!;
      return tr.groupByRef(ref)?.id ?? ref;
    }
    case 'version':
    case 'multi-version': {
      const ref = refOf(v, keys)!;
      return versionByRef(project, ref)?.id ?? ref;
    }
    case 'components': {
      const ref = refOf(v, keys)!;
      return componentByRef(project, ref)?.id ?? ref;
    }
    case 'priority': {
      const ref = refOf(v, keys)!;
      return tr.priorityByRef(ref)?.id ?? ref;
    }
    case 'resolution': {
      const ref = refOf(v, keys)!;
      return tr.resolutionByRef(ref)?.id ?? ref;
    }
    case 'datetime':
      return typeof v === 'string' ? isoTime(v) : v;
    default:
      return v;
  }
};

const ELEMENT = new Set(['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'labels', 'multi-version', 'components']);

const checkedOne = (j: J, field: Field | undefined, fieldId: string, type: string, scope: Scope, v: unknown, where = ''): unknown => {
  const problem = valueShapeProblem(type, v);
  if (problem) throw fieldProblem(fieldId, `${where}${problem}.`);
  return one(j, field, fieldId, type, scope, v);
};

/** A whole value of a field in Jira form → model form; null (or, for lists, an empty list) clears it. */
export const toModel = (j: J, fieldId: string, scope: Scope, v: unknown): unknown => {
  const field = j.ctx.tracker.field(fieldId);
  const type = fieldTypeOf(field, fieldId) ?? 'text';
  if (ELEMENT.has(type)) {
    if (v === null || v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    if (list.length > LIMITS.values) throw fieldProblem(fieldId, tooManyValues(list.length));
    return list.map((x, i) => {
      if (x === null || x === undefined) throw fieldProblem(fieldId, `Value ${i + 1} is null: a list holds values; send [] to clear the field.`);
      return checkedOne(j, field, fieldId, type, scope, x, list.length > 1 ? `Value ${i + 1}: ` : '');
    });
  }
  if (v === null || v === undefined) return null;
  return checkedOne(j, field, fieldId, type, scope, v);
};

/** Field ids as Jira callers name them: ids, or a custom field's unique name. */
const fieldIdOf = (j: J, key: string): string => {
  if (key === 'resolution') return key;
  return j.ctx.tracker.fieldByRef(key)?.id ?? key;
};

/** `body[key]` when it is an object (absent: {}); anything else is recorded as the field's problem. */
export const objectPart = (body: Obj, key: string, errors: Record<string, string>): Obj => {
  const v = body[key];
  if (v === undefined || v === null) return {};
  if (!isObj(v)) {
    errors[key] = `'${key}' must be an object of field ids to values; it is ${jsonKind(v)}.`;
    return {};
  }
  const n = Object.keys(v).length;
  if (n > LIMITS.fields)
    throw badRequest('', { [key]: `Too many fields: ${n.toLocaleString('en')} given, at most ${LIMITS.fields.toLocaleString('en')} per request.` });
  return v;
};

/** Runs `fn`, moving a 400's field errors into `errors` (so every field's problem is reported at once). */
const collect = <T>(errors: Record<string, string>, fn: () => T): T | undefined => {
  try {
    return fn();
  } catch (e) {
    if (!isTrackerError(e) || e.status !== 400 || !Object.keys(e.body.errors).length) throw e;
    for (const [k, m] of Object.entries(e.body.errors)) errors[k] ??= m;
    return undefined;
  }
};

type Op = { verb: string; arg: unknown };

const opsOf = (key: string, ops: unknown): Op[] => {
  if (!Array.isArray(ops)) throw fieldProblem(key, `Operations must be a list, like [{"set": …}]; got ${jsonKind(ops)}.`);
  if (ops.length > LIMITS.values) throw fieldProblem(key, tooManyValues(ops.length, 'operations'));
  return ops.map((op) => {
    const entries = isObj(op) ? Object.entries(op) : [];
    if (!isObj(op) || entries.length !== 1)
      throw fieldProblem(
        key,
        `Each operation is an object with exactly one verb (set, add, remove or edit); got ${isObj(op) ? `${entries.length} keys` : jsonKind(op)}.`,
      );
    const [verb, arg] = entries[0]!;
    return { verb, arg };
  });
};

const elementKey = (x: unknown): string => (typeof x === 'string' ? `s${x}` : JSON.stringify(x));

/**
 * Applies `update` operations to a starting value in one pass. A list is kept as an ordered Map
 * (element → itself), so add and remove cost O(1) each: adding what is there keeps its place,
 * removing then adding moves it to the end, as applying them one by one to a list would.
 */
const applyOps = (j: J, key: string, id: string, scope: Scope, start: unknown, ops: readonly Op[]): unknown => {
  const multi = ELEMENT.has(fieldTypeOf(j.ctx.tracker.field(id), id) ?? 'text');
  const toMap = (xs: unknown[] | null) => new Map((xs ?? []).map((x) => [elementKey(x), x] as const));
  let value: unknown = start;
  let list = multi ? toMap(start as unknown[] | null) : undefined;
  for (const { verb, arg } of ops) {
    if (verb === 'set' || verb === 'edit') {
      value = toModel(j, id, scope, arg);
      if (list) list = toMap(value as unknown[]);
    } else if ((verb === 'add' || verb === 'remove') && list) {
      if (arg === null || arg === undefined) throw fieldProblem(id, `'${verb}' needs a value; got ${jsonKind(arg)}.`);
      for (const x of toModel(j, id, scope, arg) as unknown[]) {
        const k = elementKey(x);
        if (verb === 'remove') list.delete(k);
        else if (!list.has(k)) list.set(k, x);
      }
    } else if (verb === 'remove') value = null;
    else throw fieldProblem(key, `Field '${key}' does not support operation '${verb}'.`);
  }
  return list ? [...list.values()] : value;
};

/** `fields` + `update` of a request → model FieldValues (skipping the keys handled elsewhere). */
export const toFieldValues = (j: J, body: Obj, scope: Scope, current?: Issue, skip: readonly string[] = []): FieldValues => {
  const out: FieldValues = {};
  const errors: Record<string, string> = {};
  const fields = objectPart(body, 'fields', errors);
  const update = objectPart(body, 'update', errors);
  for (const [key, v] of Object.entries(fields)) {
    if (skip.includes(key)) continue;
    const id = fieldIdOf(j, key);
    collect(errors, () => {
      out[id] = toModel(j, id, scope, v);
    });
  }
  for (const [key, raw] of Object.entries(update)) {
    if (skip.includes(key)) continue;
    const id = fieldIdOf(j, key);
    collect(errors, () => {
      const ops = opsOf(key, raw);
      const multi = ELEMENT.has(fieldTypeOf(j.ctx.tracker.field(id), id) ?? 'text');
      const start = id in out ? out[id] : current ? getValue(current, id) : multi ? [] : null;
      out[id] = applyOps(j, key, id, scope, start, ops);
    });
  }
  if (Object.keys(errors).length) throw badRequest('', errors);
  return out;
};
