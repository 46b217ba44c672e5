/**
 * requireField and optionalField. Requiring a field changes create, edit and transition from now
 * on; it does not make existing issues invalid (trackers do not enforce it retroactively).
 * `backfill` fills the empty values of existing issues in scope when the migration asks for it.
 *
 * Refused (precondition errors) rather than warned: a pair in scope whose create screen lacks the
 * field (nobody could create an issue there), and a field configuration shared with pairs outside
 * the scope (the change would silently reach them; widen the scope or split the configuration).
 */
import {
  type Field,
  fieldApplies,
  type FieldConfiguration,
  fieldConfigurationFor,
  fieldContextFor,
  type Issue,
  issueTypesOf,
  screenFieldIds,
  screenFor,
} from '../../model/index.ts';
import { changeString, valueKeyOf, getValue } from '../issue-changes.ts';
import { fail } from '../names.ts';
import type { Lookup } from '../lookup.ts';
import type { TrackerState } from '../types.ts';
import { defineOp, list, q } from './define.ts';
import { isEmptyValue } from './common.ts';
import { toStoredValue } from './field-values.ts';
import { pairKey, pairsInScope, type Scope } from './field-scope.ts';

export interface FieldRequirementArgs extends Scope {
  field: string;
  /** Also set the default of the field's contexts in scope (option name, user...). */
  default?: unknown;
  /** Fill this value into existing issues in scope whose value is empty (one history entry each). */
  backfill?: unknown;
}
export type RequireFieldArgs = FieldRequirementArgs;
export type OptionalFieldArgs = FieldRequirementArgs;

interface Plan {
  field: Field;
  configs: FieldConfiguration[];
  defaults: Array<{ ctx: NonNullable<ReturnType<typeof fieldContextFor>>; value: unknown }>;
  fills: Array<{ issue: Issue; value: unknown }>;
}

const BACKFILLABLE_SYSTEM = new Set(['description', 'environment', 'duedate', 'priority', 'assignee', 'labels']);

const plan =
  (required: boolean) =>
  (s: TrackerState, a: FieldRequirementArgs, look: Lookup): Plan => {
    const site = look.site;
    const field = look.field(a.field, 'field');
    if (['summary', 'reporter'].includes(field.id) && !required) fail(site, `field ${q(field.name)} is always required`);
    const pairs = pairsInScope(s, look, field, a);
    const inScope = new Set(pairs.map((p) => pairKey(p.project.key, p.typeId)));
    const configs = new Map<string, FieldConfiguration>();
    const noScreen: string[] = [];
    for (const { project, typeId } of pairs) {
      const fc =
        fieldConfigurationFor(s.config, project, typeId) ?? fail(site, `project ${project.key} has no field configuration for issue type ${typeId}`);
      configs.set(fc.id, fc);
      const screen = screenFor(s.config, project, typeId, 'create');
      if (required && (!screen || !screenFieldIds(screen).includes(field.id))) {
        noScreen.push(`${project.key} × ${s.config.issueTypes.find((t) => t.id === typeId)?.name ?? typeId} (screen ${q(screen?.name ?? 'none')})`);
      }
    }
    if (noScreen.length)
      fail(
        site,
        `field ${q(field.name)} is not on the create screen of ${noScreen.join(', ')}: nobody could create those issues; add it with addFieldToScreen first`,
      );
    const outside: string[] = [];
    for (const p of s.config.projects) {
      for (const typeId of issueTypesOf(s.config, p)) {
        const fc = fieldConfigurationFor(s.config, p, typeId);
        // Where the field has no context, requiring it changes nothing a user sees: not a spill-over.
        if (fc && configs.has(fc.id) && !inScope.has(pairKey(p.key, typeId)) && (!field.custom || fieldApplies(field, p.key, typeId)))
          outside.push(`${p.key} × ${s.config.issueTypes.find((t) => t.id === typeId)?.name ?? typeId} (${q(fc.name)})`);
      }
    }
    if (outside.length)
      fail(
        site,
        `the field configuration is shared with ${outside.slice(0, 5).join(', ')}${outside.length > 5 ? ` and ${outside.length - 5} more` : ''}, outside the scope; widen projects/issueTypes or give them their own field configuration`,
      );
    const defaults =
      a.default === undefined
        ? []
        : [...new Set(pairs.map((p) => fieldContextFor(field, p.project.key, p.typeId)))]
            .filter((c): c is NonNullable<typeof c> => c !== undefined)
            .map((ctx) => ({ ctx, value: toStoredValue(look, field, ctx.options ?? [], a.default, 'default') }));
    if (a.default !== undefined && !field.custom)
      fail(site, `default: field ${q(field.name)} is a system field; set its default in the tracker's own settings`);
    const fills: Plan['fills'] = [];
    if (a.backfill !== undefined) {
      if (!field.custom && !BACKFILLABLE_SYSTEM.has(field.id)) fail(site, `backfill: the system field ${q(field.name)} cannot be backfilled`);
      const key = valueKeyOf(field.id, field.custom);
      const converted = new Map<unknown, unknown>();
      for (const issue of s.issues) {
        if (!inScope.has(pairKey(issue.project, issue.issueType)) || !isEmptyValue(getValue(issue, key))) continue;
        const ctx = field.custom ? fieldContextFor(field, issue.project, issue.issueType) : undefined;
        if (!converted.has(ctx)) converted.set(ctx, toStoredValue(look, field, ctx?.options ?? [], a.backfill, 'backfill'));
        fills.push({ issue, value: converted.get(ctx) });
      }
    }
    return { field, configs: [...configs.values()], defaults, fills };
  };

const mutate =
  (required: boolean) =>
  (_s: TrackerState, p: Plan, rec: import('../issue-changes.ts').IssueRecorder): void => {
    for (const fc of p.configs) {
      const item = fc.items.find((i) => i.field === p.field.id);
      if (required) {
        if (item) item.required = true;
        else fc.items.push({ field: p.field.id, required: true });
      } else if (item) {
        delete item.required;
        if (Object.keys(item).length === 1) fc.items.splice(fc.items.indexOf(item), 1);
      }
    }
    for (const { ctx, value } of p.defaults) ctx.default = value;
    const key = valueKeyOf(p.field.id, p.field.custom);
    for (const { issue, value } of p.fills) {
      rec.change(issue, key, structuredClone(value), {
        field: p.field.name,
        fieldId: p.field.id,
        from: null,
        fromString: null,
        to: changeString(value),
        toString: changeString(value),
      });
    }
  };

const sentence =
  (word: string) =>
  (a: FieldRequirementArgs): string =>
    `Make the field ${q(a.field)} ${word}${a.projects?.length ? ` in ${list(a.projects)}` : ''}${a.issueTypes?.length ? ` for ${list(a.issueTypes)}` : ''}` +
    `${a.default !== undefined ? `, defaulting to ${JSON.stringify(a.default)}` : ''}${a.backfill !== undefined ? `, filling ${JSON.stringify(a.backfill)} into existing issues where it is empty` : ''}.`;

export const requireField = defineOp<RequireFieldArgs, Plan>({
  kind: 'requireField',
  area: 'fields',
  required: ['field'],
  optional: ['projects', 'issueTypes', 'default', 'backfill'],
  describe: sentence('required'),
  prepare: plan(true),
  mutate: mutate(true),
});

export const optionalField = defineOp<OptionalFieldArgs, Plan>({
  kind: 'optionalField',
  area: 'fields',
  required: ['field'],
  optional: ['projects', 'issueTypes', 'default', 'backfill'],
  describe: sentence('optional'),
  prepare: plan(false),
  mutate: mutate(false),
});
