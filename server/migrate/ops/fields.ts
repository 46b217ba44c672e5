/** Operations on fields themselves: add, rename, remove (capturing every value), set the default. */
import { type Field, FIELD_TYPES, type FieldContext, type FieldType, isOneOf } from '../../model/index.ts';
import { assertNameFree, fail } from '../names.ts';
import { SPECS } from '../lookup.ts';
import { changeString, valueKeyOf } from '../issue-changes.ts';
import { defineOp, list, q } from './define.ts';
import { removeFrom } from './common.ts';
import { toStoredValue } from './field-values.ts';
import { contextsInScope, type Scope } from './field-scope.ts';

export interface AddFieldArgs {
  name: string;
  type: FieldType;
  description?: string;
  /** Project keys or names where it applies; all projects when left out. */
  projects?: string[];
  /** Issue types where it applies; all when left out. */
  issueTypes?: string[];
  /** Option values, in order, for select-like fields. */
  options?: string[];
  /** The default value, as an admin writes it (option name, user name...). */
  default?: unknown;
}
export interface RenameFieldArgs {
  from: string;
  to: string;
}
export interface RemoveFieldArgs {
  /** A custom field; its every value is captured so the inverse puts it back. */ field: string;
}
export interface SetFieldDefaultArgs extends Scope {
  field: string;
  /** The new default (option name, user...), or null to clear it. */
  default: unknown;
}

export const addField = defineOp<AddFieldArgs, Field>({
  kind: 'addField',
  area: 'fields',
  required: ['name', 'type'],
  optional: ['description', 'projects', 'issueTypes', 'options', 'default'],
  describe: (a) =>
    `Add the ${a.type} field ${q(a.name)}${a.projects?.length ? ` in ${list(a.projects)}` : ''}${a.issueTypes?.length ? ` for ${list(a.issueTypes)}` : ''}; it is on no screen until one adds it.`,
  prepare: (s, a, look, site) => {
    const name = assertNameFree(site, SPECS.field, s.config.fields, a.name);
    if (!isOneOf(FIELD_TYPES, a.type)) fail(site, `type: ${JSON.stringify(a.type)} is not a field type (expected one of: ${FIELD_TYPES.join(', ')})`);
    const ids = s.config.fields.map((f) => f.id);
    const numbers = ids
      .map((id) => /^customfield_(\d+)$/.exec(id)?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number);
    const id = `customfield_${numbers.length ? Math.max(...numbers) + 1 : 10000}`;
    const options = (a.options ?? []).map((value, i) => ({ id: `${id}-opt-${i + 1}`, value }));
    const ctx: FieldContext = {
      id: `${id}-ctx-1`,
      projects: a.projects ? look.projects(a.projects, 'projects').map((p) => p.key) : [],
      issueTypes: a.issueTypes ? look.issueTypes(a.issueTypes, 'issueTypes').map((t) => t.id) : [],
      ...(a.options ? { options } : {}),
    };
    const field: Field = {
      id,
      name,
      type: a.type,
      custom: true,
      ...(a.description !== undefined ? { description: a.description } : {}),
      contexts: [ctx],
    };
    if (a.default !== undefined) ctx.default = toStoredValue(look, field, options, a.default, 'default');
    return field;
  },
  mutate: (s, f) => void s.config.fields.push(f),
});

export const renameField = defineOp<RenameFieldArgs, { field: Field; to: string }>({
  kind: 'renameField',
  area: 'fields',
  required: ['from', 'to'],
  optional: [],
  describe: (a) => `Rename the field ${q(a.from)} to ${q(a.to)}; values stay.`,
  prepare: (s, a, look, site) => {
    const field = look.field(a.from, 'from');
    return { field, to: assertNameFree(site, SPECS.field, s.config.fields, a.to, field, 'to') };
  },
  mutate: (_s, p) => void (p.field.name = p.to),
});

/** Where workflow rules name a field: a removed field must not be left behind in them. */
const ruleUses = (s: Parameters<typeof removeField.apply>[0], fieldId: string): string[] =>
  s.config.workflows.flatMap((w) =>
    w.transitions.filter((t) => JSON.stringify(t.rules).includes(`"${fieldId}"`)).map((t) => `${w.name} › ${t.name}`),
  );

export const removeField = defineOp<RemoveFieldArgs, Field>({
  kind: 'removeField',
  area: 'fields',
  required: ['field'],
  optional: [],
  describe: (a) => `Remove the field ${q(a.field)} with every value it holds (captured for the rollback); screens and field configurations drop it.`,
  prepare: (s, a, look, site) => {
    const field = look.field(a.field, 'field');
    if (!field.custom) fail(site, `field ${q(field.name)} is a system field; only custom fields can be removed`);
    const uses = ruleUses(s, field.id);
    if (uses.length) fail(site, `workflow rules use field ${q(field.name)}: ${uses.join(', ')}; change them first with setTransitionRules`);
    return field;
  },
  mutate: (s, field, rec) => {
    const key = valueKeyOf(field.id, true);
    for (const issue of s.issues) {
      const v = issue.customFields[field.id];
      if (v === undefined) continue;
      rec.change(issue, key, undefined, {
        field: field.name,
        fieldId: field.id,
        from: changeString(v),
        fromString: changeString(v),
        to: null,
        toString: null,
      });
    }
    for (const sc of s.config.screens) for (const t of sc.tabs) removeFrom(t.fields, field.id);
    for (const fc of s.config.fieldConfigurations) fc.items = fc.items.filter((i) => i.field !== field.id);
    s.config.fields = s.config.fields.filter((f) => f !== field);
  },
});

export const setFieldDefault = defineOp<SetFieldDefaultArgs, Array<{ ctx: FieldContext; value: unknown }>>({
  kind: 'setFieldDefault',
  area: 'fields',
  required: ['field', 'default'],
  optional: ['projects', 'issueTypes'],
  describe: (a) =>
    `${a.default === null ? 'Clear the default of' : `Set the default of`} the field ${q(a.field)}${a.default === null ? '' : ` to ${JSON.stringify(a.default)}`}${a.projects?.length ? ` in ${list(a.projects)}` : ''}; existing issues keep their values.`,
  prepare: (s, a, look) => {
    const field = look.field(a.field, 'field');
    return contextsInScope(s, look, field, a).map((ctx) => ({
      ctx,
      value: a.default === null ? null : toStoredValue(look, field, ctx.options ?? [], a.default, 'default'),
    }));
  },
  mutate: (_s, plan) => {
    for (const { ctx, value } of plan) {
      if (value === null) delete ctx.default;
      else ctx.default = value;
    }
  },
});
