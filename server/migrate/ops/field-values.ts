/** Turning values as admins write them (option names, user names) into the ids issues store. */
import type { Field, FieldOption } from '../../model/index.ts';
import type { Lookup } from '../lookup.ts';
import { fail } from '../names.ts';
import { q } from './define.ts';

const option = (look: Lookup, field: Field, options: readonly FieldOption[], v: unknown, arg: string): FieldOption => {
  const s = String(v).toLowerCase();
  return (
    options.find((o) => o.id === v || o.value.toLowerCase() === s) ??
    fail(
      look.site,
      `${arg}: ${JSON.stringify(v)} is not an option of field ${q(field.name)} here`,
      options.map((o) => o.value),
    )
  );
};

const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/**
 * The stored form of a value for `field`, given the options that apply where it is stored.
 * `null` stays null (clears). Types without names (numbers, text, dates, version ids) pass through.
 */
export const toStoredValue = (look: Lookup, field: Field, options: readonly FieldOption[], value: unknown, arg: string): unknown => {
  if (value === null || value === undefined) return value;
  switch (field.type) {
    case 'select':
    case 'radio':
      return option(look, field, options, value, arg).id;
    case 'multi-select':
    case 'checkboxes':
      return many(value).map((v) => option(look, field, options, v, arg).id);
    case 'cascading-select': {
      const { parent, child } = typeof value === 'object' ? (value as { parent: unknown; child?: unknown }) : { parent: value, child: undefined };
      const p = option(look, field, options, parent, arg);
      return child === undefined ? { parent: p.id } : { parent: p.id, child: option(look, field, p.children ?? [], child, arg).id };
    }
    case 'user':
      return look.user(value, arg).accountId;
    case 'multi-user':
      return many(value).map((v) => look.user(v, arg).accountId);
    case 'group':
      return look.group(value, arg).id;
    case 'multi-group':
      return many(value).map((v) => look.group(v, arg).id);
    case 'priority':
      return look.priority(value, arg).id;
    case 'number':
      return typeof value === 'number' ? value : fail(look.site, `${arg}: field ${q(field.name)} holds numbers, got ${JSON.stringify(value)}`);
    case 'labels':
      return many(value).map(String);
    default:
      return value;
  }
};
