/**
 * The fields a screen offers for one project × issue type, with Jira's meta: required flag (field
 * configuration), allowed values (applicable context, project versions/components, priorities…)
 * and the default. createMeta, editMeta and transition screens all come from here, so the
 * regression suite compares exactly what enforcement uses.
 */
import {
  type ConfigIndex,
  type Field,
  fieldApplies,
  fieldBehaviour,
  type FieldConfiguration,
  fieldContextFor,
  type Project,
  type Screen,
  screenFieldIds,
} from '../model/index.ts';
import { fieldTypeOf } from './issue-fields.ts';

export interface AllowedValue {
  id: string;
  name: string;
  children?: AllowedValue[];
}

export interface FieldMeta {
  fieldId: string;
  name: string;
  type: string;
  custom: boolean;
  required: boolean;
  hasDefaultValue: boolean;
  defaultValue?: unknown;
  /** Present for fields with a closed set of values. */
  allowedValues?: AllowedValue[];
}

/** Field ids a screen lets the caller set here: known, applicable (custom contexts) and not hidden. */
export const settableFieldIds = (
  ix: ConfigIndex,
  screen: Screen | undefined,
  fc: FieldConfiguration | undefined,
  project: Project,
  issueTypeId: string,
): string[] => {
  if (!screen) return [];
  const out: string[] = [];
  for (const id of screenFieldIds(screen)) {
    const field = ix.fields.get(id);
    if (!field && id !== 'resolution') continue;
    if (field && !fieldApplies(field, project.key, issueTypeId)) continue;
    if (fieldBehaviour(fc, id).hidden) continue;
    if (!out.includes(id)) out.push(id);
  }
  return out;
};

const allowedValuesOf = (
  ix: ConfigIndex,
  field: Field | undefined,
  id: string,
  project: Project,
  issueTypeId: string,
): AllowedValue[] | undefined => {
  const type = fieldTypeOf(field, id);
  switch (type) {
    case 'priority':
      return ix.config.priorities.map((p) => ({ id: p.id, name: p.name }));
    case 'resolution':
      return ix.config.resolutions.map((r) => ({ id: r.id, name: r.name }));
    case 'components':
      return project.components.map((c) => ({ id: c.id, name: c.name }));
    case 'version':
    case 'multi-version':
      return project.versions.filter((v) => !v.archived).map((v) => ({ id: v.id, name: v.name }));
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
    case 'cascading-select': {
      const ctx = field ? fieldContextFor(field, project.key, issueTypeId) : undefined;
      return (ctx?.options ?? [])
        .filter((o) => !o.disabled)
        .map((o) => ({
          id: o.id,
          name: o.value,
          ...(o.children ? { children: o.children.filter((c) => !c.disabled).map((c) => ({ id: c.id, name: c.value })) } : {}),
        }));
    }
    default:
      return undefined;
  }
};

/** Whether a field is required here: the field configuration says so (hidden fields never are); summary always. */
export const isRequired = (fc: FieldConfiguration | undefined, id: string): boolean => {
  if (id === 'summary') return true;
  const b = fieldBehaviour(fc, id);
  return b.required && !b.hidden;
};

export const defaultValueOf = (field: Field | undefined, project: Project, issueTypeId: string): unknown =>
  field ? fieldContextFor(field, project.key, issueTypeId)?.default : undefined;

export const fieldMetaList = (
  ix: ConfigIndex,
  fieldIds: readonly string[],
  fc: FieldConfiguration | undefined,
  project: Project,
  issueTypeId: string,
  extraRequired: ReadonlySet<string> = new Set(),
): FieldMeta[] =>
  fieldIds.map((id) => {
    const field = ix.fields.get(id);
    const def = defaultValueOf(field, project, issueTypeId);
    const allowed = allowedValuesOf(ix, field, id, project, issueTypeId);
    return {
      fieldId: id,
      name: field?.name ?? (id === 'resolution' ? 'Resolution' : id),
      type: fieldTypeOf(field, id) ?? 'text',
      custom: field?.custom ?? false,
      required: isRequired(fc, id) || extraRequired.has(id),
      hasDefaultValue: def !== undefined && def !== null,
      ...(def !== undefined && def !== null ? { defaultValue: def } : {}),
      ...(allowed ? { allowedValues: allowed } : {}),
    };
  });
