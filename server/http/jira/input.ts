/**
 * Jira JSON → model values, accepting what Jira accepts: `{id}`, `{name}`, `{value}`, `{key}`,
 * `{accountId}` and plain strings; ADF or strings for rich text. A reference that matches nothing is
 * passed on as is, so the tracker refuses it with Jira's wording. `update` verbs (set/add/remove/edit)
 * are applied to the current value here, so the tracker only ever sees whole values.
 */
import type { Field, Issue, Project } from '../../model/index.ts';
import { componentByRef, fieldTypeOf, type FieldValues, getValue, versionByRef } from '../../tracker/index.ts';
import { badRequest } from './errors.ts';
import type { J } from './handler.ts';
import { fromAdf, isoTime } from '../../jira-wire/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (v === undefined || v === null ? undefined : String(v));

export interface Scope {
  project: Project;
  issueTypeId: string;
}

const refOf = (v: unknown, ...keys: string[]): string | undefined => {
  if (!isObj(v)) return str(v);
  for (const k of keys) if (v[k] !== undefined && v[k] !== null) return String(v[k]);
  return undefined;
};

const userRef = (j: J, v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  const ref = refOf(v, 'accountId', 'name', 'key', 'emailAddress', 'id');
  if (ref === undefined || ref === '' || ref === '-1') return null;
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

/** One element (or scalar) of a field of `type`. */
const one = (j: J, field: Field | undefined, type: string, scope: Scope, v: unknown): unknown => {
  const tr = j.ctx.tracker;
  const { project } = scope;
  switch (type) {
    case 'paragraph':
      try {
        return fromAdf(v);
      } catch {
        throw badRequest('', { [field?.id ?? 'description']: 'Operation value must be an Atlassian Document (v3) or a string (v2).' });
      }
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
      const ref = refOf(v, 'groupId', 'name');
      return ref === undefined ? null : (tr.groupByRef(ref)?.id ?? ref);
    }
    case 'version':
    case 'multi-version': {
      const ref = refOf(v, 'id', 'name');
      return ref === undefined ? null : (versionByRef(project, ref)?.id ?? ref);
    }
    case 'components': {
      const ref = refOf(v, 'id', 'name');
      return ref === undefined ? null : (componentByRef(project, ref)?.id ?? ref);
    }
    case 'priority': {
      const ref = refOf(v, 'id', 'name');
      return ref === undefined ? null : (tr.priorityByRef(ref)?.id ?? ref);
    }
    case 'resolution': {
      const ref = refOf(v, 'id', 'name');
      return ref === undefined ? null : (tr.resolutionByRef(ref)?.id ?? ref);
    }
    case 'datetime':
      return typeof v === 'string' ? isoTime(v) : v;
    default:
      return v;
  }
};

const ELEMENT = new Set(['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'labels', 'multi-version', 'components']);

/** A whole value of a field in Jira form → model form. */
export const toModel = (j: J, fieldId: string, scope: Scope, v: unknown): unknown => {
  const field = j.ctx.tracker.field(fieldId);
  const type = fieldTypeOf(field, fieldId) ?? 'text';
  if (ELEMENT.has(type)) {
    if (v === null || v === undefined) return [];
    return (Array.isArray(v) ? v : [v]).map((x) => one(j, field, type, scope, x));
  }
  return one(j, field, type, scope, v);
};

/** Field ids as Jira callers name them: ids, or a custom field's unique name. */
const fieldIdOf = (j: J, key: string): string => {
  if (key === 'resolution') return key;
  return j.ctx.tracker.fieldByRef(key)?.id ?? key;
};

/** `fields` + `update` of a request → model FieldValues (skipping the keys handled elsewhere). */
export const toFieldValues = (j: J, body: Obj, scope: Scope, current?: Issue, skip: readonly string[] = []): FieldValues => {
  const out: FieldValues = {};
  const fields = isObj(body.fields) ? body.fields : {};
  for (const [key, v] of Object.entries(fields)) {
    if (skip.includes(key)) continue;
    const id = fieldIdOf(j, key);
    out[id] = toModel(j, id, scope, v);
  }
  const update = isObj(body.update) ? body.update : {};
  for (const [key, ops] of Object.entries(update)) {
    if (skip.includes(key)) continue;
    const id = fieldIdOf(j, key);
    if (!Array.isArray(ops)) throw badRequest('', { [key]: 'Operations must be a list.' });
    const field = j.ctx.tracker.field(id);
    const multi = ELEMENT.has(fieldTypeOf(field, id) ?? 'text');
    let value: unknown = id in out ? out[id] : current ? structuredClone(getValue(current, id)) : multi ? [] : null;
    for (const op of ops) {
      if (!isObj(op)) throw badRequest('', { [key]: 'Operation must be an object.' });
      const [verb, arg] = Object.entries(op)[0] ?? [];
      if (verb === 'set' || verb === 'edit') value = toModel(j, id, scope, arg);
      else if (verb === 'add' && multi) value = [...((value as unknown[] | null) ?? []), ...(toModel(j, id, scope, arg) as unknown[])];
      else if (verb === 'remove' && multi) {
        const gone = toModel(j, id, scope, arg) as unknown[];
        value = ((value as unknown[] | null) ?? []).filter((x) => !gone.some((g) => JSON.stringify(g) === JSON.stringify(x)));
      } else if (verb === 'remove') value = null;
      else throw badRequest('', { [key]: `Field '${key}' does not support operation '${String(verb)}'.` });
    }
    out[id] = value;
  }
  return out;
};
