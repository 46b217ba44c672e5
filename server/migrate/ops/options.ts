/** Operations on the options of select-like fields: add, rename, remove with a replacement. */
import { type Field, type FieldContext, type FieldOption, isOneOf, type Issue, OPTION_FIELD_TYPES } from '../../model/index.ts';
import { changeString, valueKeyOf } from '../issue-changes.ts';
import { fail } from '../names.ts';
import type { Lookup } from '../lookup.ts';
import { defineOp, q } from './define.ts';
import { insertIndex } from './common.ts';

export interface AddOptionArgs {
  field: string;
  /** The option's value as people see it. */
  option: string;
  /** Position among the options; at the end by default. */
  before?: string;
  after?: string;
}
export interface RenameOptionArgs {
  field: string;
  from: string;
  to: string;
}
export interface RemoveOptionArgs {
  field: string;
  option: string;
  /** The option issues holding the removed one get instead; required when any issue holds it. */
  replaceWith?: string;
}

const optionField = (look: Lookup, name: unknown): Field => {
  const field = look.field(name, 'field');
  if (!isOneOf(OPTION_FIELD_TYPES, field.type)) fail(look.site, `field ${q(field.name)} is a ${field.type} field and has no options`);
  return field;
};

const byValue = (options: readonly FieldOption[] | undefined, value: string): FieldOption | undefined =>
  options?.find((o) => o.value.toLowerCase() === value.toLowerCase());

const allOptionIds = (f: Field): string[] =>
  f.contexts.flatMap((c) => (c.options ?? []).flatMap((o) => [o.id, ...(o.children ?? []).map((x) => x.id)]));

export const addOption = defineOp<AddOptionArgs, Array<{ ctx: FieldContext; at: number; opt: FieldOption }>>({
  kind: 'addOption',
  area: 'fields',
  required: ['field', 'option'],
  optional: ['before', 'after'],
  describe: (a) =>
    `Add the option ${q(a.option)} to the field ${q(a.field)}${a.before ? ` before ${q(a.before)}` : a.after ? ` after ${q(a.after)}` : ''}.`,
  prepare: (_s, a, look, site) => {
    const field = optionField(look, a.field);
    if (typeof a.option !== 'string' || !a.option.trim()) fail(site, `option: expected a non-empty value, got ${JSON.stringify(a.option)}`);
    const taken = new Set(allOptionIds(field));
    let n = taken.size + 1;
    const plan = field.contexts.map((ctx) => {
      if (byValue(ctx.options, a.option)) fail(site, `field ${q(field.name)} already has the option ${q(a.option)}`);
      const anchor = a.before ?? a.after;
      const at = insertIndex(
        site,
        ctx.options ?? [],
        (o) => anchor !== undefined && o.value.toLowerCase() === String(anchor).toLowerCase(),
        a,
        `options of ${q(field.name)}`,
      );
      while (taken.has(`${field.id}-opt-${n}`)) n++;
      taken.add(`${field.id}-opt-${n}`);
      return { ctx, at, opt: { id: `${field.id}-opt-${n}`, value: a.option.trim() } };
    });
    if (!plan.length) fail(site, `field ${q(field.name)} has no context to hold options`);
    return plan;
  },
  mutate: (_s, plan) => {
    for (const { ctx, at, opt } of plan) (ctx.options ??= []).splice(at, 0, opt);
  },
});

export const renameOption = defineOp<RenameOptionArgs, { opts: FieldOption[]; to: string }>({
  kind: 'renameOption',
  area: 'fields',
  required: ['field', 'from', 'to'],
  optional: [],
  describe: (a) => `Rename the option ${q(a.from)} of the field ${q(a.field)} to ${q(a.to)}; issues keep it.`,
  prepare: (_s, a, look, site) => {
    const field = optionField(look, a.field);
    const first = look.option(field, a.from, 'from');
    if (typeof a.to !== 'string' || !a.to.trim()) fail(site, `to: expected a non-empty value`);
    const opts = field.contexts.map((c) => byValue(c.options, first.value)).filter((o): o is FieldOption => o !== undefined);
    for (const c of field.contexts) {
      const clash = byValue(c.options, a.to);
      if (clash && !opts.includes(clash)) fail(site, `to: field ${q(field.name)} already has an option ${q(clash.value)}`);
    }
    return { opts, to: a.to.trim() };
  },
  mutate: (_s, p) => {
    for (const o of p.opts) o.value = p.to;
  },
});

interface RemovePlan {
  field: Field;
  removed: Map<string, string | undefined>;
  ctxs: Array<{ ctx: FieldContext; opt: FieldOption }>;
  issues: Issue[];
}

const heldIds = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : v && typeof v === 'object' ? [String((v as { parent: unknown }).parent)] : [];

const replaced = (v: unknown, map: Map<string, string | undefined>): unknown => {
  if (Array.isArray(v)) {
    const out: string[] = [];
    for (const x of v as string[]) {
      const y = map.has(x) ? map.get(x) : x;
      if (y !== undefined && !out.includes(y)) out.push(y);
    }
    return out;
  }
  if (typeof v === 'string') return map.get(v);
  const to = map.get((v as { parent: string }).parent);
  return to === undefined ? undefined : { parent: to };
};

export const removeOption = defineOp<RemoveOptionArgs, RemovePlan>({
  kind: 'removeOption',
  area: 'fields',
  required: ['field', 'option'],
  optional: ['replaceWith'],
  describe: (a) =>
    `Remove the option ${q(a.option)} of the field ${q(a.field)}${a.replaceWith ? `, replacing it with ${q(a.replaceWith)} on issues that hold it` : ''}.`,
  prepare: (s, a, look, site) => {
    const field = optionField(look, a.field);
    const first = look.option(field, a.option, 'option');
    const repl = a.replaceWith === undefined ? undefined : look.option(field, a.replaceWith, 'replaceWith');
    if (repl && repl.value === first.value) fail(site, `replaceWith: cannot replace ${q(first.value)} with itself`);
    const removed = new Map<string, string | undefined>();
    const ctxs: RemovePlan['ctxs'] = [];
    for (const ctx of field.contexts) {
      const opt = byValue(ctx.options, first.value);
      if (!opt) continue;
      const r = repl ? byValue(ctx.options, repl.value) : undefined;
      if (repl && !r)
        fail(
          site,
          `replaceWith: ${q(repl.value)} is not an option of field ${q(field.name)} in context ${q(ctx.name ?? ctx.id)}, which has ${q(first.value)}`,
        );
      removed.set(opt.id, r?.id);
      ctxs.push({ ctx, opt });
    }
    const issues = s.issues.filter((i) => heldIds(i.customFields[field.id]).some((id) => removed.has(id)));
    if (issues.length && !repl)
      fail(
        site,
        `replaceWith is required: ${issues.length} issue(s) hold ${q(first.value)} in ${q(field.name)} (e.g. ${issues
          .slice(0, 3)
          .map((i) => i.key)
          .join(', ')})`,
      );
    return { field, removed, ctxs, issues };
  },
  mutate: (_s, { field, removed, ctxs, issues }, rec) => {
    const key = valueKeyOf(field.id, true);
    for (const issue of issues) {
      const before = issue.customFields[field.id];
      const after = replaced(before, removed);
      rec.change(issue, key, after, {
        field: field.name,
        fieldId: field.id,
        from: changeString(before),
        fromString: changeString(before),
        to: changeString(after),
        toString: changeString(after),
      });
    }
    for (const { ctx, opt } of ctxs) {
      ctx.options = (ctx.options ?? []).filter((o) => o !== opt);
      if (ctx.default !== undefined && heldIds(ctx.default).includes(opt.id)) {
        const d = replaced(ctx.default, removed);
        if (d === undefined) delete ctx.default;
        else ctx.default = d;
      }
    }
  },
});
