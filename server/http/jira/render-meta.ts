/** Field metadata (createmeta, editmeta, transition screens) and transitions, in Jira's forms. */
import type { Issue, Project } from '../../model/index.ts';
import type { FieldMeta, TransitionView } from '../../tracker/index.ts';
import type { J } from './handler.ts';
import { categoryJson } from './render-basic.ts';
import { componentJson, priorityJson, resolutionJson, versionJson } from './render-basic.ts';
import { fieldSchema } from '../../jira-wire/index.ts';
import { valueJson } from './render-values.ts';

const ARRAY_TYPES = new Set(['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'labels', 'multi-version', 'components']);

const allowedJson = (j: J, m: FieldMeta, project: Project) => {
  const tr = j.ctx.tracker;
  return (m.allowedValues ?? []).map((a) => {
    switch (m.type) {
      case 'priority': {
        const p = tr.priority(a.id);
        return p ? priorityJson(j, p) : a;
      }
      case 'resolution': {
        const r = tr.resolution(a.id);
        return r ? resolutionJson(j, r) : a;
      }
      case 'components': {
        const c = project.components.find((x) => x.id === a.id);
        return c ? componentJson(j, project, c) : a;
      }
      case 'version':
      case 'multi-version': {
        const v = project.versions.find((x) => x.id === a.id);
        return v ? versionJson(j, project, v) : a;
      }
      default:
        return {
          self: `${j.api}/customFieldOption/${a.id}`,
          value: a.name,
          id: a.id,
          ...(a.children ? { children: a.children.map((c) => ({ self: `${j.api}/customFieldOption/${c.id}`, value: c.name, id: c.id })) } : {}),
        };
    }
  });
};

/** One field's metadata as Jira's FieldMetadata (plus `fieldId` for the new createmeta). */
export const fieldMetaJson = (j: J, m: FieldMeta, project: Project, issueTypeId: string, withFieldId = false) => {
  const field = j.ctx.tracker.field(m.fieldId);
  const operations = m.fieldId === 'summary' || m.fieldId === 'resolution' ? ['set'] : ARRAY_TYPES.has(m.type) ? ['add', 'set', 'remove'] : ['set'];
  return {
    required: m.required,
    schema: fieldSchema(field, m.fieldId),
    name: m.name,
    key: m.fieldId,
    ...(withFieldId ? { fieldId: m.fieldId } : {}),
    ...(m.type === 'user' || m.type === 'multi-user' ? { autoCompleteUrl: `${j.api}/user/search?query=` } : {}),
    hasDefaultValue: m.hasDefaultValue,
    operations,
    ...(m.allowedValues ? { allowedValues: allowedJson(j, m, project) } : {}),
    ...(m.hasDefaultValue ? { defaultValue: valueJson(j, field, m.type, m.defaultValue, project, issueTypeId) } : {}),
  };
};

export const transitionJson = (j: J, issue: Issue, t: TransitionView, withFields: boolean) => {
  const tr = j.ctx.tracker;
  const status = tr.status(t.to.id);
  const project = tr.project(issue.project)!;
  return {
    id: t.id,
    name: t.name,
    to: {
      self: `${j.api}/status/${t.to.id}`,
      description: status?.description ?? '',
      iconUrl: `${j.base}/images/icons/statuses/generic.png`,
      name: t.to.name,
      id: t.to.id,
      statusCategory: categoryJson(j, status?.category ?? 'todo'),
    },
    hasScreen: t.hasScreen,
    isGlobal: t.isGlobal,
    isInitial: t.isInitial,
    isAvailable: t.isAvailable,
    isConditional: false,
    isLooped: false,
    ...(withFields ? { fields: Object.fromEntries(t.fields.map((m) => [m.fieldId, fieldMetaJson(j, m, project, issue.issueType)])) } : {}),
  };
};
