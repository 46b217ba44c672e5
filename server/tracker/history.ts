/**
 * Jira changelog items for changed fields: `from`/`to` hold ids (comma-separated for lists),
 * `fromString`/`toString` the names people see. One history entry per operation.
 */
import {
  type ChangeItem,
  type ConfigIndex,
  type Field,
  fieldContextFor,
  type FieldOption,
  type HistoryEntry,
  type Issue,
  type Project,
} from '../model/index.ts';
import { fieldTypeOf, getValue, historyName, sameValue } from './issue-fields.ts';

const optionName = (options: readonly FieldOption[] | undefined, id: string): string => {
  for (const o of options ?? []) {
    if (o.id === id) return o.value;
    const child = o.children?.find((c) => c.id === id);
    if (child) return child.value;
  }
  return id;
};

const nameOne = (ix: ConfigIndex, type: string, id: string, project: Project, options: readonly FieldOption[] | undefined): string => {
  switch (type) {
    case 'user':
    case 'multi-user':
      return ix.users.get(id)?.displayName ?? id;
    case 'group':
    case 'multi-group':
      return ix.groups.get(id)?.name ?? id;
    case 'priority':
      return ix.priorities.get(id)?.name ?? id;
    case 'resolution':
      return ix.resolutions.get(id)?.name ?? id;
    case 'status':
      return ix.statuses.get(id)?.name ?? id;
    case 'version':
    case 'multi-version':
      return project.versions.find((v) => v.id === id)?.name ?? id;
    case 'components':
      return project.components.find((c) => c.id === id)?.name ?? id;
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
    case 'cascading-select':
      return optionName(options, id);
    default:
      return id;
  }
};

/** Raw and display strings of a model value; null when empty. */
export const describeValue = (
  ix: ConfigIndex,
  field: Field | undefined,
  fieldId: string,
  value: unknown,
  project: Project,
  issueTypeId: string,
): { raw: string | null; text: string | null } => {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return { raw: null, text: null };
  const type = fieldId === 'status' ? 'status' : (fieldTypeOf(field, fieldId) ?? 'text');
  const options = field ? fieldContextFor(field, project.key, issueTypeId)?.options : undefined;
  if (type === 'cascading-select') {
    const c = value as { parent: string; child?: string };
    const ids = c.child ? [c.parent, c.child] : [c.parent];
    return { raw: ids.join(','), text: ids.map((id) => optionName(options, id)).join(' - ') };
  }
  if (Array.isArray(value)) {
    const ids = value.map(String);
    return { raw: ids.join(','), text: ids.map((id) => nameOne(ix, type, id, project, options)).join(type === 'labels' ? ' ' : ', ') };
  }
  if (typeof value === 'string' && ['user', 'group', 'priority', 'resolution', 'status', 'version', 'components', 'select', 'radio'].includes(type)) {
    return { raw: value, text: nameOne(ix, type, value, project, options) };
  }
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  // Jira keeps text changes in the display strings only; ids are for referenced things.
  return type === 'number' || type === 'date' || type === 'datetime' ? { raw: s, text: s } : { raw: null, text: s };
};

export const changeItem = (ix: ConfigIndex, project: Project, issueTypeId: string, fieldId: string, before: unknown, after: unknown): ChangeItem => {
  const field = ix.fields.get(fieldId);
  const from = describeValue(ix, field, fieldId, before, project, issueTypeId);
  const to = describeValue(ix, field, fieldId, after, project, issueTypeId);
  const item: ChangeItem = { field: historyName(field, fieldId), fieldId, from: from.raw, fromString: from.text, to: to.raw, toString: to.text };
  return item;
};

/** Items for every field that differs between two versions of an issue, in the given field order. */
export const diffItems = (ix: ConfigIndex, project: Project, before: Issue, after: Issue, fieldIds: readonly string[]): ChangeItem[] => {
  const items: ChangeItem[] = [];
  for (const id of fieldIds) {
    const a = id === 'status' ? before.status : getValue(before, id);
    const b = id === 'status' ? after.status : getValue(after, id);
    if (!sameValue(a, b)) items.push(changeItem(ix, project, after.issueType, id, a, b));
  }
  return items;
};

export const historyEntry = (id: string, author: string | null, created: string, items: ChangeItem[]): HistoryEntry => ({
  id,
  author,
  created,
  items,
});
