/** Model field values → Jira JSON values (options, users, versions…), per field type. */
import { type Field, fieldContextFor, type FieldOption, type Issue, type Project } from '../../model/index.ts';
import { fieldTypeOf } from '../../tracker/index.ts';
import type { J } from './handler.ts';
import { jiraTime, richOut } from '../../jira-wire/index.ts';
import { componentJson, groupJson, priorityJson, resolutionJson, userById, versionJson } from './render-basic.ts';

const optionJson = (j: J, o: Pick<FieldOption, 'id' | 'value' | 'disabled'>) => ({
  self: `${j.api}/customFieldOption/${o.id}`,
  value: o.value,
  id: o.id,
  disabled: o.disabled ?? false,
});

const findOption = (options: readonly FieldOption[] | undefined, id: unknown): FieldOption | undefined => options?.find((o) => o.id === id);

/** One value of a field (custom or system), for an issue in `project`. */
export const valueJson = (j: J, field: Field | undefined, type: string, value: unknown, project: Project, issueTypeId: string): unknown => {
  if (value === null || value === undefined) return null;
  const tr = j.ctx.tracker;
  const options = () => (field ? fieldContextFor(field, project.key, issueTypeId)?.options : undefined);
  const arr = (v: unknown) => (Array.isArray(v) ? v : [v]);
  switch (type) {
    case 'paragraph':
      return richOut(j.v, value as string);
    case 'datetime':
      return jiraTime(value as string);
    case 'select':
    case 'radio': {
      const o = findOption(options(), value);
      return o ? optionJson(j, o) : null;
    }
    case 'multi-select':
    case 'checkboxes': {
      const opts = options();
      return arr(value).flatMap((id) => {
        const o = findOption(opts, id);
        return o ? [optionJson(j, o)] : [];
      });
    }
    case 'cascading-select': {
      const c = value as { parent: string; child?: string };
      const parent = findOption(options(), c.parent);
      if (!parent) return null;
      const child = c.child ? parent.children?.find((x) => x.id === c.child) : undefined;
      return { ...optionJson(j, parent), ...(child ? { child: optionJson(j, child) } : {}) };
    }
    case 'user':
      return userById(j, value as string);
    case 'multi-user':
      return arr(value)
        .map((id) => userById(j, id as string))
        .filter(Boolean);
    case 'group': {
      const g = tr.group(value as string);
      return g ? groupJson(j, g) : null;
    }
    case 'multi-group':
      return arr(value).flatMap((id) => {
        const g = tr.group(id as string);
        return g ? [groupJson(j, g)] : [];
      });
    case 'version': {
      const v = project.versions.find((x) => x.id === value);
      return v ? versionJson(j, project, v) : null;
    }
    case 'multi-version':
      return arr(value).flatMap((id) => {
        const v = project.versions.find((x) => x.id === id);
        return v ? [versionJson(j, project, v)] : [];
      });
    case 'components':
      return arr(value).flatMap((id) => {
        const c = project.components.find((x) => x.id === id);
        return c ? [componentJson(j, project, c)] : [];
      });
    case 'priority': {
      const p = tr.priority(value as string);
      return p ? priorityJson(j, p) : null;
    }
    case 'resolution': {
      const r = tr.resolution(value as string);
      return r ? resolutionJson(j, r) : null;
    }
    default:
      return value;
  }
};

/** The system and custom fields of an issue that hold configurable values, in Jira form. */
export const valueOfIssue = (j: J, issue: Issue, project: Project, fieldId: string): unknown => {
  const field = j.ctx.tracker.field(fieldId);
  const sys = (issue as unknown as Record<string, unknown>)[fieldId];
  if (!field?.custom) {
    const type = fieldTypeOf(field, fieldId) ?? 'text';
    return valueJson(j, field, type, sys ?? null, project, issue.issueType);
  }
  return valueJson(j, field, field.type, issue.customFields[fieldId] ?? null, project, issue.issueType);
};
