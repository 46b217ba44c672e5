/**
 * JQL over custom fields, found by name (quoted when it has spaces) or `cf[NNNNN]`. Option fields
 * match option values (disabled ones too: old issues keep them) or option ids.
 */
import { type ConfigIndex, type Field, type FieldRef, JqlError } from '../../model/index.ts';
import type { IssueIndex } from '../issue-index.ts';
import { toMs } from './dates.ts';
import { SEE_ALL, type JqlField, type Seen } from './field-types.ts';
import { SYSTEM_ALIASES, resolverOf, systemField } from './system-fields.ts';

const optionEntries = (field: Field) => {
  const out: Array<{ id: string; names: string[] }> = [];
  for (const ctx of field.contexts)
    for (const o of ctx.options ?? []) {
      out.push({ id: o.id, names: [o.value] });
      for (const c of o.children ?? []) out.push({ id: c.id, names: [c.value] });
    }
  return out;
};

const optionRank = (field: Field): Map<string, number> => {
  const rank = new Map<string, number>();
  for (const ctx of field.contexts)
    (ctx.options ?? []).forEach((o, i) => {
      if (!rank.has(o.id)) rank.set(o.id, i);
    });
  return rank;
};

export const customField = (ix: ConfigIndex, field: Field, as: string): JqlField => {
  const raw = (i: { customFields: Record<string, unknown> }) => i.customFields[field.id] ?? null;
  const history = [field.id];
  switch (field.type) {
    case 'text':
    case 'paragraph':
    case 'url':
      return {
        name: as,
        kind: 'text',
        get: raw,
        sortKey: field.type === 'paragraph' ? undefined : (i) => (raw(i) as string | null)?.toLowerCase() ?? null,
      };
    case 'number':
      return { name: as, kind: 'number', get: raw, sortKey: (i) => raw(i) as number | null };
    case 'date':
    case 'datetime':
      return { name: as, kind: 'date', get: (i) => toMs(raw(i)), sortKey: (i) => toMs(raw(i)) };
    case 'labels':
      return { name: as, kind: 'labels', get: (i) => ((raw(i) as string[] | null) ?? []).map((l) => l.toLowerCase()) };
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
    case 'cascading-select': {
      const rank = optionRank(field);
      const get =
        field.type === 'cascading-select'
          ? (i: Parameters<typeof raw>[0]) => {
              const v = raw(i) as { parent: string; child?: string } | null;
              return v ? [v.parent, ...(v.child ? [v.child] : [])] : null;
            }
          : raw;
      return {
        name: as,
        kind: 'ref',
        get,
        history,
        resolve: resolverOf(as, optionEntries(field)),
        sortKey: (i) => {
          const v = get(i);
          const first = Array.isArray(v) ? v[0] : v;
          return typeof first === 'string' ? (rank.get(first) ?? null) : null;
        },
      };
    }
    case 'user':
    case 'multi-user':
      return {
        name: as,
        kind: 'ref',
        users: true,
        get: raw,
        history,
        resolve: resolverOf(
          as,
          ix.config.users.map((u) => ({ id: u.accountId, names: [u.displayName, u.email] })),
        ),
      };
    case 'group':
    case 'multi-group':
      return {
        name: as,
        kind: 'ref',
        get: raw,
        resolve: resolverOf(
          as,
          ix.config.groups.map((g) => ({ id: g.id, names: [g.name] })),
        ),
      };
    case 'version':
    case 'multi-version':
    case 'components': {
      const entries = ix.config.projects.flatMap((p) =>
        (field.type === 'components' ? p.components : p.versions).map((x) => ({ id: x.id, names: [x.name] })),
      );
      return { name: as, kind: 'ref', get: raw, history, resolve: resolverOf(as, entries) };
    }
    case 'priority':
      return {
        name: as,
        kind: 'ref',
        get: raw,
        resolve: resolverOf(
          as,
          ix.config.priorities.map((p) => ({ id: p.id, names: [p.name] })),
        ),
      };
  }
};

/** The custom field `cf[N]` names: id `customfield_N`, id `N`, or a native ref `customfield_N`. */
const byCfNumber = (ix: ConfigIndex, n: string): Field | undefined => {
  const target = `customfield_${n}`;
  return ix.config.fields.find(
    (f) => f.custom && (f.id === target || f.id === n || Object.values(f.refs ?? {}).some((r) => String(r) === target || String(r) === n)),
  );
};

export const unknownField = (name: string) => new JqlError('field', `Field '${name}' does not exist or you do not have permission to view it.`);

/** Resolves a field reference: system names and aliases first, then custom fields by name or id. */
export const resolveField = (ix: ConfigIndex, issues: IssueIndex, ref: FieldRef, seen: Seen = SEE_ALL): JqlField => {
  if (ref.kind === 'cf') {
    const f = byCfNumber(ix, ref.id);
    if (!f) throw unknownField(`cf[${ref.id}]`);
    return customField(ix, f, `cf[${ref.id}]`);
  }
  // Own keys only: `__proto__ = 1` or `ORDER BY constructor` must not find Object.prototype's members.
  const name = ref.name.toLowerCase();
  const alias = Object.hasOwn(SYSTEM_ALIASES, name) ? SYSTEM_ALIASES[name] : undefined;
  if (alias) return systemField(ix, issues, alias, ref.name, seen)!;
  const named = (ix.fieldsByName.get(ref.name.trim().toLowerCase()) ?? []).filter((f) => f.custom);
  const f = named[0] ?? (ix.fields.get(ref.name)?.custom ? ix.fields.get(ref.name) : undefined);
  if (!f) throw unknownField(ref.name);
  return customField(ix, f, ref.name);
};
