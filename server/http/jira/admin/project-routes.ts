/** Projects: create, update, archive, restore, delete to the trash or for good (a task). Cloud; create, update and delete in DC too. */
import type { Router } from 'express';
import type { Project } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import type { ProjectCreate } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { projectJson } from '../routes-projects.ts';
import { bodyObj, optStr, seeTask, serve, written, type Obj } from './wire.ts';

const TEMPLATE_KIND: Array<[RegExp, string]> = [
  [/^com\.pyxis\.greenhopper\.jira:/, 'software'],
  [/^com\.atlassian\.servicedesk:/, 'service_desk'],
  [/^com\.atlassian\.jira-core-project-templates:/, 'business'],
];

const schemesOf = (body: Obj): ProjectCreate['schemes'] => {
  const out: ProjectCreate['schemes'] = {};
  for (const k of [
    'issueTypeScheme',
    'workflowScheme',
    'issueTypeScreenScheme',
    'fieldConfigurationScheme',
    'permissionScheme',
    'notificationScheme',
  ] as const) {
    const v = optStr(body, k);
    if (v !== undefined) out[k] = v;
  }
  if (body.issueSecurityScheme !== undefined && body.issueSecurityScheme !== null)
    throw badRequest('Issue security schemes are not modelled by the Understudy sandbox.');
  return out;
};

export const projectAdminRoutes = (r: Router, ctx: SandboxContext): void => {
  const p = () => ctx.tracker.admin.projects;
  const ids = (j: { api: string }, x: Project) => ({ self: `${j.api}/project/${x.id}`, id: Number(x.id) || x.id, key: x.key });
  serve(
    r,
    ctx,
    'post',
    '/project',
    async (j, req, res) => {
      const body = bodyObj(req);
      const template = optStr(body, 'projectTemplateKey');
      const kind = optStr(body, 'projectTypeKey') ?? TEMPLATE_KIND.find(([re]) => template && re.test(template))?.[1];
      const input: ProjectCreate = {
        key: body.key,
        name: body.name,
        description: body.description,
        schemes: schemesOf(body),
        ...(kind ? { kind } : {}),
        ...(template ? { template } : {}),
        ...((optStr(body, 'leadAccountId') ?? optStr(body, 'lead')) ? { lead: optStr(body, 'leadAccountId') ?? optStr(body, 'lead')! } : {}),
      };
      const made = await written(j, () => p().create(j.actor, input));
      res.status(201).json(ids(j, made));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/project/:key',
    async (j, req) => {
      const body = bodyObj(req);
      const leadRef = optStr(body, 'leadAccountId') ?? optStr(body, 'lead');
      const updated = await written(j, () =>
        p().update(j.actor, String(req.params.key), {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(leadRef !== undefined ? { lead: leadRef } : {}),
          ...(optStr(body, 'key') !== undefined ? { key: optStr(body, 'key')! } : {}),
          schemes: schemesOf(body),
        }),
      );
      return projectJson(j, updated);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/project/:key',
    async (j, req, res) => {
      await written(j, () => p().delete(j.actor, String(req.params.key), req.query.enableUndo !== 'false'));
      res.status(204).end();
    },
    'both',
  );
  serve(r, ctx, 'post', '/project/:key/delete', async (j, req, res) => {
    seeTask(j, res, await written(j, () => p().deleteAsync(j.actor, String(req.params.key))));
  });
  serve(
    r,
    ctx,
    'post',
    '/project/:key/archive',
    async (j, req, res) => {
      await written(j, () => p().archive(j.actor, String(req.params.key)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/project/:key/restore',
    async (j, req) => projectJson(j, await written(j, () => p().restore(j.actor, String(req.params.key)))),
    'both',
  );
};
