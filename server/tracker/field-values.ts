/**
 * Validates a model value for a field in a project × issue type, with Jira's messages. Option
 * fields check the applicable context (disabled options are refused); version and component
 * fields check the project; user fields need an active user.
 */
import { type ConfigIndex, type Field, type FieldContext, fieldContextFor, type FieldOption, type Project } from '../model/index.ts';
import { LIMITS, textTooLong, tooManyValues } from '../jira-wire/index.ts';
import { fieldErrors } from './errors.ts';
import { fieldTypeOf, isEmptyValue } from './issue-fields.ts';

export type Checked = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): Checked => ({ ok: true, value });
const bad = (message: string): Checked => ({ ok: false, message });

export interface ValueScope {
  ix: ConfigIndex;
  project: Project;
  issueTypeId: string;
}

const enabledOption = (options: readonly FieldOption[] | undefined, id: unknown): FieldOption | undefined =>
  options?.find((o) => o.id === id && !o.disabled);

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

const checkOne = (type: string, v: unknown, scope: ValueScope, ctx: FieldContext | undefined): Checked => {
  const { ix, project } = scope;
  switch (type) {
    case 'text':
    case 'paragraph':
      if (typeof v !== 'string') return bad('Operation value must be a string');
      if (type === 'text' && v.length > LIMITS.shortText) return bad(textTooLong(LIMITS.shortText));
      if (v.length > LIMITS.longText) return bad(textTooLong(LIMITS.longText));
      return ok(v);
    case 'url':
      if (typeof v !== 'string') return bad('Operation value must be a string');
      try {
        new URL(v);
        return ok(v);
      } catch {
        return bad(`Not a valid URL: '${v}'.`);
      }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? ok(v) : bad('Operation value must be a number');
    case 'date':
      return isDate(v) ? ok(v) : bad(`Error parsing date string: ${String(v)}`);
    case 'datetime':
      return typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? ok(v) : bad(`Error parsing date string: ${String(v)}`);
    case 'select':
    case 'radio':
      return enabledOption(ctx?.options, v) ? ok(v) : bad(`Option id '${String(v)}' is not valid`);
    case 'cascading-select': {
      const c = v as { parent?: unknown; child?: unknown };
      const parent = typeof v === 'object' && v !== null ? enabledOption(ctx?.options, c.parent) : undefined;
      if (!parent) return bad(`Option id '${String(c?.parent ?? v)}' is not valid`);
      if (c.child === undefined || c.child === null) return ok({ parent: parent.id });
      if (!enabledOption(parent.children, c.child)) return bad(`Option id '${String(c.child)}' is not a valid child of '${parent.id}'`);
      return ok({ parent: parent.id, child: c.child });
    }
    case 'user':
      return typeof v === 'string' && ix.activeUser(v) ? ok(v) : bad('Specified user does not exist or you do not have required permissions');
    case 'group':
      return typeof v === 'string' && ix.groups.has(v) ? ok(v) : bad(`Group '${String(v)}' does not exist.`);
    case 'labels':
      if (typeof v !== 'string' || v === '') return bad('Operation value must be a string');
      if (/\s/.test(v)) return bad(`The label '${v}' contains spaces which is invalid.`);
      return v.length > LIMITS.shortText ? bad(`The label is too long. It exceeds the allowed limit of ${LIMITS.shortText} characters.`) : ok(v);
    case 'version':
      return project.versions.some((x) => x.id === v && !x.archived) ? ok(v) : bad(`Version id '${String(v)}' is not valid`);
    case 'components':
      return project.components.some((x) => x.id === v) ? ok(v) : bad(`Component id '${String(v)}' is not valid`);
    case 'priority':
      return typeof v === 'string' && ix.priorities.has(v) ? ok(v) : bad(`The priority selected is invalid.`);
    case 'resolution':
      return typeof v === 'string' && ix.resolutions.has(v) ? ok(v) : bad(`Resolution id '${String(v)}' is not valid`);
    default:
      return bad(`Unsupported field type '${type}'`);
  }
};

const ELEMENT_TYPE: Record<string, string> = {
  'multi-select': 'select',
  checkboxes: 'select',
  'multi-user': 'user',
  'multi-group': 'group',
  labels: 'labels',
  'multi-version': 'version',
  components: 'components',
};

/** Throws Jira's 400 (`errors[field]`) when a comment's or worklog comment's text is over LIMITS.longText. */
export const checkLongText = (field: string, text: string | undefined | null): void => {
  if (typeof text === 'string' && text.length > LIMITS.longText) throw fieldErrors({ [field]: textTooLong(LIMITS.longText) });
};

/** Checks and normalises a value (empty → null or []); `field` may be absent for `resolution`. */
export const checkValue = (field: Field | undefined, fieldId: string, value: unknown, scope: ValueScope): Checked => {
  const type = fieldTypeOf(field, fieldId);
  if (!type) return bad(`Field '${fieldId}' cannot be set. It is not on the appropriate screen, or unknown.`);
  const ctx = field ? fieldContextFor(field, scope.project.key, scope.issueTypeId) : undefined;
  const element = ELEMENT_TYPE[type];
  if (element) {
    if (isEmptyValue(value)) return ok([]);
    if (!Array.isArray(value)) return bad(`Operation value must be an array`);
    if (value.length > LIMITS.values) return bad(tooManyValues(value.length));
    // Duplicates are kept once, in first-seen order; a Set keeps this linear in the list.
    const seen = new Set<unknown>();
    const out: unknown[] = [];
    for (const v of value) {
      const r = checkOne(element, v, scope, ctx);
      if (!r.ok) return r;
      if (!seen.has(r.value)) {
        seen.add(r.value);
        out.push(r.value);
      }
    }
    return ok(out);
  }
  if (isEmptyValue(value)) return ok(null);
  return checkOne(type, value, scope, ctx);
};
