/**
 * Issue values in production, read and written one field at a time: the per-issue record a step
 * takes before it overwrites values (found by JQL among all of production's issues, or by key),
 * and the edits that put values on issues (`PUT /issue/{key}?notifyUsers=false`). Values are
 * compared normalised: an option by its value, a resolution by its name, so a re-created option
 * (a new id) still counts as the same value.
 */
import type { Config } from '../../model/index.ts';
import { normaliseValue, type IdKeys } from '../normalise/index.ts';
import type { IssueValues } from '../plan/types.ts';
import { readAll, type Reader } from '../outside.ts';
import type { View } from './read.ts';

type Obj = Record<string, unknown>;

/** A field's model type, or the system field it is (`resolution`, `priority`…). */
export const typeOfField = (config: Config, fieldId: string): string =>
  ['resolution', 'priority', 'status', 'issueType'].includes(fieldId) ? fieldId : (config.fields.find((f) => f.id === fieldId)?.type ?? 'text');

/** A field's content key; system values the model keeps on the issue (`resolution`) are their own key. */
export const fieldKeyOf = (keys: IdKeys, fieldId: string): string => {
  const k = keys.key('field', fieldId);
  return k.startsWith('?') ? fieldId : k;
};

/** Jira's JSON value of a field → the normalised value (null: empty). */
export const normalisedValue = (raw: unknown, type: string, keys: IdKeys): unknown => {
  if (raw === null || raw === undefined || (Array.isArray(raw) && raw.length === 0) || raw === '') return null;
  const id = (v: unknown) => String((v as Obj).id ?? (v as Obj).accountId ?? (v as Obj).name ?? v);
  switch (type) {
    case 'resolution':
      return keys.key('resolution', id(raw));
    case 'select':
    case 'radio':
    case 'priority':
    case 'version':
      return normaliseValue(type, id(raw), keys);
    case 'multi-select':
    case 'checkboxes':
    case 'multi-version':
    case 'components':
      return normaliseValue(type, (raw as unknown[]).map(id), keys);
    case 'cascading-select': {
      const o = raw as Obj;
      return normaliseValue(type, { parent: String(o.id), ...(o.child ? { child: String((o.child as Obj).id) } : {}) }, keys);
    }
    case 'user':
      return id(raw);
    case 'multi-user':
      return (raw as unknown[]).map(id);
    default:
      return raw;
  }
};

/** An option's id in a field by its value: the first context that has it. */
const optionIdOf = (view: View, fieldId: string, value: string): string => {
  const f = view.config.fields.find((x) => x.id === fieldId);
  for (const c of f?.contexts ?? []) {
    for (const o of c.options ?? []) {
      if (o.value === value) return o.id;
      for (const ch of o.children ?? []) if (`${o.value}/${ch.value}` === value) return ch.id;
    }
  }
  throw new Error(`production's field ${fieldId} has no option '${value}'`);
};

/** A normalised value → the model's value in production's ids (what workflow rules hold). */
export const modelValue = (view: View, fieldId: string, value: unknown): unknown => {
  if (value === null || value === undefined) return value;
  const type = typeOfField(view.config, fieldId);
  const key = (kind: Parameters<IdKeys['id']>[0]) => (v: unknown) => (typeof v === 'string' ? (view.keys.id(kind, v) ?? v) : v);
  const many = (f: (v: unknown) => unknown) => (v: unknown) => (Array.isArray(v) ? v.map(f) : f(v));
  switch (type) {
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
      return many((v) => (typeof v === 'string' ? optionIdOf(view, fieldId, v) : v))(value);
    case 'cascading-select': {
      const c = value as { parent?: string; child?: string };
      return {
        ...(c.parent ? { parent: optionIdOf(view, fieldId, c.parent) } : {}),
        ...(c.child ? { child: optionIdOf(view, fieldId, c.child) } : {}),
      };
    }
    case 'version':
    case 'multi-version':
      return many(key('version'))(value);
    case 'components':
      return many(key('component'))(value);
    case 'group':
    case 'multi-group':
      return many(key('group'))(value);
    case 'priority':
      return key('priority')(value);
    default:
      return value;
  }
};

/** A normalised value → the JSON Jira's edit takes for the field. */
export const jiraValue = (view: View, fieldId: string, value: unknown, dc: boolean): unknown => {
  if (value === null || value === undefined) return null;
  const type = typeOfField(view.config, fieldId);
  const need = (kind: Parameters<IdKeys['id']>[0], k: string) => {
    const id = view.keys.id(kind, k);
    if (id === undefined) throw new Error(`production has no ${kind} '${k}' to set on issues`);
    return id;
  };
  switch (type) {
    case 'resolution':
      return { id: need('resolution', String(value)) };
    case 'priority':
      return { id: need('priority', String(value)) };
    case 'select':
    case 'radio':
      return { id: optionIdOf(view, fieldId, String(value)) };
    case 'multi-select':
    case 'checkboxes':
      return (value as string[]).map((v) => ({ id: optionIdOf(view, fieldId, v) }));
    case 'version':
      return { id: need('version', String(value)) };
    case 'multi-version':
      return (value as string[]).map((v) => ({ id: need('version', v) }));
    case 'components':
      return (value as string[]).map((v) => ({ id: need('component', v) }));
    case 'user':
      return dc ? { name: value } : { accountId: value };
    default:
      return value;
  }
};

export interface FoundIssue {
  key: string;
  project: string;
  issueType: string;
  fields: Obj;
}

/** Issues by JQL (every match in production) or by key, with the named fields. */
export const findIssues = async (
  reader: Reader,
  dc: boolean,
  query: { jql?: string; keys?: string[] },
  fieldIds: string[],
): Promise<FoundIssue[]> => {
  const fields = [...new Set([...fieldIds, 'project', 'issuetype'])];
  const jqls = query.jql ? [query.jql] : chunks(query.keys ?? [], 50).map((ks) => `key in (${ks.join(', ')})`);
  const out: FoundIssue[] = [];
  for (const jql of jqls) {
    const ordered = `${jql} ORDER BY key ASC`;
    const beans = (
      dc
        ? await readAll(
            reader,
            { method: 'GET', path: '/rest/api/2/search', query: { jql: ordered, fields: fields.join(',') } },
            { pageSize: 100, key: 'issues' },
          )
        : await readAll(reader, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: ordered, fields } }, { pageSize: 100, key: 'issues' })
    ) as Obj[];
    for (const b of beans) {
      const f = (b.fields ?? {}) as Obj;
      out.push({
        key: String(b.key),
        project: String((f.project as Obj | undefined)?.key ?? ''),
        issueType: String((f.issuetype as Obj | undefined)?.id ?? ''),
        fields: f,
      });
    }
  }
  return out;
};

const chunks = <T>(xs: readonly T[], n: number): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** The normalised values of the fields on each issue: the record a step keeps before it writes. */
export const valuesOf = (found: readonly FoundIssue[], fields: Record<string, string>, view: View): IssueValues[] =>
  found.map((i) => ({
    key: i.key,
    values: Object.fromEntries(
      Object.entries(fields).map(([fk, id]) => [fk, normalisedValue(i.fields[id], typeOfField(view.config, id), view.keys) as never]),
    ),
  }));
