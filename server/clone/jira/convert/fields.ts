/** Fields with their contexts: project and issue type mappings, options (cascading children) and defaults. */
import { customFieldType, SYSTEM_FIELD_TYPES } from '../../../jira-wire/index.ts';
import type { Field, FieldContext, FieldOption, FieldType } from '../../../model/index.ts';
import type { Obj, RawFieldContexts } from '../raw.ts';
import { extText, str, text, type Skipped } from './common.ts';

const defaultOf = (d: Obj | undefined): unknown => {
  if (!d) return undefined;
  switch (d.type) {
    case 'option.single':
      return d.optionId === undefined ? undefined : str(d.optionId);
    case 'option.multiple':
      return (d.optionIds ?? []).map(str);
    case 'option.cascading':
      return { parent: str(d.optionId), ...(d.cascadingOptionId ? { child: str(d.cascadingOptionId) } : {}) };
    case 'textfield':
    case 'textarea':
      return d.text;
    case 'url':
      return d.url;
    case 'float':
      return d.number;
    case 'datepicker':
      return d.date;
    case 'datetimepicker':
      return d.dateTime;
    case 'single.user.select':
      return d.accountId;
    case 'multi.user.select':
      return d.accountIds;
    case 'grouppicker.single':
      return d.groupId;
    case 'grouppicker.multiple':
      return d.groupIds;
    case 'labels':
      return d.labels;
    case 'version.single':
      return d.versionId === undefined ? undefined : str(d.versionId);
    case 'version.multiple':
      return (d.versionIds ?? []).map(str);
    default:
      return undefined;
  }
};

const optionsOf = (rows: Obj[]): FieldOption[] => {
  const top: FieldOption[] = [];
  const byId = new Map<string, FieldOption>();
  for (const r of rows.filter((x) => x.optionId === undefined || x.optionId === null)) {
    const o: FieldOption = { id: str(r.id), value: str(r.value), ...(r.disabled ? { disabled: true } : {}) };
    top.push(o);
    byId.set(o.id, o);
  }
  for (const r of rows.filter((x) => x.optionId !== undefined && x.optionId !== null)) {
    const parent = byId.get(str(r.optionId));
    if (!parent) continue;
    (parent.children ??= []).push({ id: str(r.id), value: str(r.value), ...(r.disabled ? { disabled: true } : {}) });
  }
  return top;
};

const contextsOf = (raw: RawFieldContexts, type: FieldType, projectKeyOf: Map<string, string>): FieldContext[] =>
  raw.contexts.flatMap((c): FieldContext[] => {
    const id = str(c.id);
    const mapped = raw.projectMapping.filter((m) => str(m.contextId) === id && !m.isGlobalContext).map((m) => str(m.projectId));
    const projects = mapped.flatMap((p) => {
      const k = projectKeyOf.get(p);
      return k ? [k] : [];
    });
    // A project context whose projects were not cloned would turn global: leave it out.
    if (c.isGlobalContext !== true && mapped.length > 0 && projects.length === 0) return [];
    const issueTypes =
      c.isAnyIssueType === true
        ? []
        : raw.issueTypeMapping.filter((m) => str(m.contextId) === id && !m.isAnyIssueType).map((m) => str(m.issueTypeId));
    const hasOptions = ['select', 'multi-select', 'radio', 'checkboxes', 'cascading-select'].includes(type);
    const d = defaultOf(raw.defaults.find((x) => str(x.contextId) === id));
    return [
      {
        id,
        ...(c.name ? { name: str(c.name) } : {}),
        projects,
        issueTypes,
        ...(hasOptions ? { options: optionsOf(raw.options[id] ?? []) } : {}),
        ...(d !== undefined && d !== null ? { default: d } : {}),
        ...extText(c.description),
      },
    ];
  });

export const fieldsOf = (raw: Obj[], contexts: Record<string, RawFieldContexts>, projectKeyOf: Map<string, string>, skipped: Skipped): Field[] =>
  raw.flatMap((f): Field[] => {
    const id = str(f.id);
    if (f.custom !== true) {
      const type = SYSTEM_FIELD_TYPES[id];
      return type ? [{ id, name: str(f.name), type, custom: false, contexts: [] }] : [];
    }
    const type = customFieldType(String(f.schema?.custom ?? ''));
    if (!type) {
      skipped.add('app-specific or unsupported custom fields', `${f.name} (${f.schema?.custom ?? 'no type'})`);
      return [];
    }
    const ctx = contexts[id];
    return [{ id, name: str(f.name), type, custom: true, ...text(f.description), contexts: ctx ? contextsOf(ctx, type, projectKeyOf) : [] }];
  });
