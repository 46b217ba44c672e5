/** Fields: the list, search, contexts with their project / issue type mappings, defaults and options (admin). */
import type { Router } from 'express';
import type { Field, FieldContext } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { pageOf, q, qList, requireAdmin, route, type J } from './handler.ts';
import { BUILT_IN_FIELDS, builtInFieldJson, fieldJson } from '../../jira-wire/index.ts';

const customFieldOr404 = (j: J, id: string): Field => {
  const f = j.ctx.tracker.field(id);
  if (!f?.custom) throw notFound(`The custom field was not found.`);
  return f;
};

const contextOr404 = (f: Field, id: string): FieldContext => {
  const c = f.contexts.find((x) => x.id === id);
  if (!c) throw notFound(`The context was not found.`);
  return c;
};

const projectIdOf = (j: J, key: string): string => j.ctx.tracker.project(key)?.id ?? key;

/** A context's default in Jira's CustomFieldContextDefaultValue forms. */
const defaultJson = (f: Field, c: FieldContext): Record<string, unknown> | undefined => {
  const d = c.default;
  if (d === undefined || d === null) return undefined;
  const base = { contextId: c.id };
  switch (f.type) {
    case 'select':
    case 'radio':
      return { ...base, type: 'option.single', optionId: d };
    case 'multi-select':
    case 'checkboxes':
      return { ...base, type: 'option.multiple', optionIds: d };
    case 'cascading-select': {
      const v = d as { parent: string; child?: string };
      return { ...base, type: 'option.cascading', optionId: v.parent, ...(v.child ? { cascadingOptionId: v.child } : {}) };
    }
    case 'text':
      return { ...base, type: 'textfield', text: d };
    case 'paragraph':
      return { ...base, type: 'textarea', text: d };
    case 'url':
      return { ...base, type: 'url', url: d };
    case 'number':
      return { ...base, type: 'float', number: d };
    case 'date':
      return { ...base, type: 'datepicker', date: d, useCurrent: false };
    case 'datetime':
      return { ...base, type: 'datetimepicker', dateTime: d, useCurrent: false };
    case 'user':
      return { ...base, type: 'single.user.select', accountId: d, userFilter: { enabled: false } };
    case 'multi-user':
      return { ...base, type: 'multi.user.select', accountIds: d };
    case 'group':
      return { ...base, type: 'grouppicker.single', groupId: d };
    case 'multi-group':
      return { ...base, type: 'grouppicker.multiple', groupIds: d };
    case 'labels':
      return { ...base, type: 'labels', labels: d };
    case 'version':
      return { ...base, type: 'version.single', versionId: d };
    case 'multi-version':
      return { ...base, type: 'version.multiple', versionIds: d };
    default:
      return undefined;
  }
};

export const fieldRoutes = (r: Router, ctx: SandboxContext): void => {
  const allFields = (j: J) => [
    ...j.ctx.tracker.config.fields.map((f) => fieldJson(f)),
    ...BUILT_IN_FIELDS.filter((b) => !j.ctx.tracker.field(b.id)).map(builtInFieldJson),
  ];
  r.get(
    '/field',
    route(ctx, (j) => allFields(j)),
  );
  r.get(
    '/field/search',
    route(ctx, (j) => {
      const ids = qList(j.req, 'id');
      const text = (q(j.req, 'query') ?? '').toLowerCase();
      const type = qList(j.req, 'type');
      const list = allFields(j).filter(
        (f) =>
          (!ids.length || ids.includes(f.id)) &&
          (!text || f.name.toLowerCase().includes(text) || f.id.includes(text)) &&
          (!type.length || type.includes(f.custom ? 'custom' : 'system')),
      );
      return pageOf(j, list, (f) => ({
        id: f.id,
        key: f.key,
        name: f.name,
        schema: f.schema,
        custom: f.custom,
        searcherKey: undefined,
        isLocked: false,
      }));
    }),
  );
  r.get(
    '/field/:fieldId/context',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const f = customFieldOr404(j, String(req.params.fieldId));
      return pageOf(j, f.contexts, (c) => ({
        id: c.id,
        name: c.name ?? `Default Configuration Scheme for ${f.name}`,
        description: typeof c.ext?.description === 'string' ? c.ext.description : '',
        isGlobalContext: c.projects.length === 0,
        isAnyIssueType: c.issueTypes.length === 0,
      }));
    }),
  );
  r.get(
    '/field/:fieldId/context/projectmapping',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const f = customFieldOr404(j, String(req.params.fieldId));
      const rows = f.contexts.flatMap((c) =>
        c.projects.length === 0
          ? [{ contextId: c.id, isGlobalContext: true }]
          : c.projects.map((p) => ({ contextId: c.id, projectId: projectIdOf(j, p), isGlobalContext: false })),
      );
      return pageOf(j, rows, (x) => x);
    }),
  );
  r.get(
    '/field/:fieldId/context/issuetypemapping',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const f = customFieldOr404(j, String(req.params.fieldId));
      const rows = f.contexts.flatMap((c) =>
        c.issueTypes.length === 0
          ? [{ contextId: c.id, isAnyIssueType: true }]
          : c.issueTypes.map((t) => ({ contextId: c.id, issueTypeId: t, isAnyIssueType: false })),
      );
      return pageOf(j, rows, (x) => x);
    }),
  );
  r.get(
    '/field/:fieldId/context/defaultValue',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const f = customFieldOr404(j, String(req.params.fieldId));
      return pageOf(
        j,
        f.contexts.flatMap((c) => {
          const d = defaultJson(f, c);
          return d ? [d] : [];
        }),
        (x) => x,
      );
    }),
  );
  r.get(
    '/field/:fieldId/context/:contextId/option',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const f = customFieldOr404(j, String(req.params.fieldId));
      const c = contextOr404(f, String(req.params.contextId));
      const rows = (c.options ?? []).flatMap((o) => [
        { id: o.id, value: o.value, disabled: o.disabled ?? false },
        ...(o.children ?? []).map((ch) => ({ id: ch.id, value: ch.value, optionId: o.id, disabled: ch.disabled ?? false })),
      ]);
      return pageOf(j, rows, (x) => x, 100);
    }),
  );
};
