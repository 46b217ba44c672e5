/** Custom field contexts (create, update, delete, issue types, projects) and their default values (Cloud). */
import type { Request, Router } from 'express';
import type { Field } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import type { J } from '../handler.ts';
import { bodyObj, list, objAt, serve, written, type Obj } from './wire.ts';

const ids = (body: Obj, key: string): string[] => list(body, key).map(String);

/** Jira's CustomFieldContextDefaultValue forms → model values (the inverse of routes-fields.ts's defaultJson). */
const DEFAULTS: Record<string, { types: readonly string[]; value: (d: Obj) => unknown }> = {
  'option.single': { types: ['select', 'radio'], value: (d) => d.optionId ?? null },
  'option.multiple': { types: ['multi-select', 'checkboxes'], value: (d) => (Array.isArray(d.optionIds) ? d.optionIds.map(String) : []) },
  'option.cascading': {
    types: ['cascading-select'],
    value: (d) => (d.optionId ? { parent: String(d.optionId), ...(d.cascadingOptionId ? { child: String(d.cascadingOptionId) } : {}) } : null),
  },
  textfield: { types: ['text'], value: (d) => d.text ?? null },
  textarea: { types: ['paragraph'], value: (d) => d.text ?? null },
  url: { types: ['url'], value: (d) => d.url ?? null },
  float: { types: ['number'], value: (d) => d.number ?? null },
  datepicker: { types: ['date'], value: (d) => d.date ?? null },
  datetimepicker: { types: ['datetime'], value: (d) => d.dateTime ?? null },
  'single.user.select': { types: ['user'], value: (d) => d.accountId ?? null },
  'multi.user.select': { types: ['multi-user'], value: (d) => (Array.isArray(d.accountIds) ? d.accountIds.map(String) : []) },
  'grouppicker.single': { types: ['group'], value: (d) => d.groupId ?? null },
  'grouppicker.multiple': { types: ['multi-group'], value: (d) => (Array.isArray(d.groupIds) ? d.groupIds.map(String) : []) },
  labels: { types: ['labels'], value: (d) => (Array.isArray(d.labels) ? d.labels.map(String) : []) },
  'version.single': { types: ['version'], value: (d) => d.versionId ?? null },
  'version.multiple': { types: ['multi-version'], value: (d) => (Array.isArray(d.versionIds) ? d.versionIds.map(String) : []) },
};

const defaultsOf = (field: Field | undefined, body: Obj): Array<{ contextId: string; value: unknown }> => {
  const given = list(body, 'defaultValues').map((d, i) => objAt(d, `defaultValues[${i}]`));
  const types = new Set(given.map((d) => String(d.type)));
  if (types.size > 1) throw badRequest('All default values in the request must have the same type.');
  return given.map((d) => {
    const form = DEFAULTS[String(d.type)];
    if (!form) throw badRequest(`The default value type '${String(d.type)}' is not supported by the Understudy sandbox.`);
    if (field && !form.types.includes(field.type))
      throw badRequest(`The default value type '${String(d.type)}' does not fit the field ${field.name} (${field.type}).`);
    if (d.contextId === undefined) throw badRequest('The contextId has to be provided.');
    return { contextId: String(d.contextId), value: form.value(d) };
  });
};

const fieldOf = (j: J, req: Request) => j.ctx.tracker.admin.fields.get(String(req.params.fieldId));

export const contextRoutes = (r: Router, ctx: SandboxContext): void => {
  const p = '/field/:fieldId/context';
  serve(r, ctx, 'put', `${p}/defaultValue`, async (j, req, res) => {
    const defaults = defaultsOf(fieldOf(j, req), bodyObj(req));
    await written(j, () => j.ctx.tracker.admin.fieldContexts.setDefaults(j.actor, String(req.params.fieldId), defaults));
    res.status(204).end();
  });
  serve(r, ctx, 'post', p, async (j, req, res) => {
    const body = bodyObj(req);
    const input = {
      name: body.name,
      description: body.description,
      projectIds: body.projectIds === undefined ? [] : ids(body, 'projectIds'),
      issueTypeIds: body.issueTypeIds === undefined ? [] : ids(body, 'issueTypeIds'),
    };
    const c = await written(j, () => j.ctx.tracker.admin.fieldContexts.create(j.actor, String(req.params.fieldId), input));
    res.status(201).json({
      id: c.id,
      name: c.name,
      description: String(c.ext?.description ?? ''),
      projectIds: c.projects.map((k) => j.ctx.tracker.project(k)?.id ?? k),
      issueTypeIds: c.issueTypes,
    });
  });
  serve(r, ctx, 'put', `${p}/:contextId`, async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () =>
      j.ctx.tracker.admin.fieldContexts.update(j.actor, String(req.params.fieldId), String(req.params.contextId), {
        name: body.name,
        description: body.description,
      }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'delete', `${p}/:contextId`, async (j, req, res) => {
    await written(j, () => j.ctx.tracker.admin.fieldContexts.delete(j.actor, String(req.params.fieldId), String(req.params.contextId)));
    res.status(204).end();
  });
  const membership = (
    path: string,
    method: 'put' | 'post',
    key: 'issueTypeIds' | 'projectIds',
    op: 'addIssueTypes' | 'removeIssueTypes' | 'assignProjects' | 'removeProjects',
  ) =>
    serve(r, ctx, method, `${p}/:contextId/${path}`, async (j, req, res) => {
      const list_ = ids(bodyObj(req), key);
      await written(j, () => j.ctx.tracker.admin.fieldContexts[op](j.actor, String(req.params.fieldId), String(req.params.contextId), list_));
      res.status(204).end();
    });
  membership('issuetype', 'put', 'issueTypeIds', 'addIssueTypes');
  membership('issuetype/remove', 'post', 'issueTypeIds', 'removeIssueTypes');
  membership('project', 'put', 'projectIds', 'assignProjects');
  membership('project/remove', 'post', 'projectIds', 'removeProjects');
};
