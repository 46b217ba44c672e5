/** Versions and components of a project (Cloud and DC). */
import type { Request, Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import { componentJson, versionJson } from '../render-basic.ts';
import { bodyObj, list, objAt, optBool, optStr, reqStr, serve, written, type Obj } from './wire.ts';

const versionInput = (body: Obj) => {
  const released = optBool(body, 'released');
  const archived = optBool(body, 'archived');
  return {
    ...(body.name !== undefined ? { name: body.name } : {}),
    ...(body.description !== undefined ? { description: body.description } : {}),
    ...(body.releaseDate !== undefined ? { releaseDate: body.releaseDate } : {}),
    ...(released !== undefined ? { released } : {}),
    ...(archived !== undefined ? { archived } : {}),
  };
};

const lastSegment = (v: string | undefined) => (v === undefined ? undefined : v.slice(v.lastIndexOf('/') + 1));
const query = (req: Request, name: string) => (typeof req.query[name] === 'string' && req.query[name] !== '' ? String(req.query[name]) : undefined);

export const projectPartRoutes = (r: Router, ctx: SandboxContext): void => {
  const v = () => ctx.tracker.admin.versions;
  const c = () => ctx.tracker.admin.components;
  serve(
    r,
    ctx,
    'post',
    '/version',
    async (j, req, res) => {
      const body = bodyObj(req);
      const project = optStr(body, 'projectId') ?? optStr(body, 'project');
      if (project === undefined) throw badRequest('', { project: 'Project must be specified to create a version.' });
      const made = await written(j, () => v().create(j.actor, project, versionInput(body)));
      res.status(201).json(versionJson(j, made.project, made.version));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'get',
    '/version/:id',
    (j, req) => {
      const x = v().get(j.actor, String(req.params.id));
      return versionJson(j, x.project, x.version);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/version/:id',
    async (j, req) => {
      const body = bodyObj(req);
      const move = lastSegment(optStr(body, 'moveUnfixedIssuesTo'));
      const x = await written(j, () =>
        v().update(j.actor, String(req.params.id), { ...versionInput(body), ...(move !== undefined ? { moveUnfixedIssuesTo: move } : {}) }),
      );
      return versionJson(j, x.project, x.version);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/version/:id/move',
    async (j, req) => {
      const body = bodyObj(req);
      const after = optStr(body, 'after');
      const position = optStr(body, 'position');
      const x = await written(j, () =>
        v().move(j.actor, String(req.params.id), { ...(after !== undefined ? { after } : {}), ...(position !== undefined ? { position } : {}) }),
      );
      return versionJson(j, x.project, x.version);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/version/:id',
    async (j, req, res) => {
      const fix = query(req, 'moveFixIssuesTo');
      const affected = query(req, 'moveAffectedIssuesTo');
      await written(j, () => v().delete(j.actor, String(req.params.id), { ...(fix ? { fix } : {}), ...(affected ? { affected } : {}) }));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/version/:id/removeAndSwap',
    async (j, req, res) => {
      const body = bodyObj(req);
      const fix = optStr(body, 'moveFixIssuesTo');
      const affected = optStr(body, 'moveAffectedIssuesTo');
      const custom = list(body, 'customFieldReplacementList', false).map((x, i) => {
        const o = objAt(x, `customFieldReplacementList[${i}]`);
        return { customFieldId: `customfield_${String(o.customFieldId).replace(/^customfield_/, '')}`, moveTo: reqStr(o, 'moveTo') };
      });
      await written(j, () => v().delete(j.actor, String(req.params.id), { ...(fix ? { fix } : {}), ...(affected ? { affected } : {}), custom }));
      res.status(204).end();
    },
    'both',
  );

  serve(
    r,
    ctx,
    'post',
    '/component',
    async (j, req, res) => {
      const body = bodyObj(req);
      const project = optStr(body, 'project') ?? optStr(body, 'projectId');
      if (project === undefined) throw badRequest('', { project: 'The component must belong to a project (project key or projectId).' });
      const made = await written(j, () =>
        c().create(j.actor, project, {
          name: body.name,
          description: body.description,
          ...((optStr(body, 'leadAccountId') ?? optStr(body, 'leadUserName'))
            ? { lead: optStr(body, 'leadAccountId') ?? optStr(body, 'leadUserName')! }
            : {}),
        }),
      );
      res.status(201).json(componentJson(j, made.project, made.component));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'get',
    '/component/:id',
    (j, req) => {
      const x = c().get(j.actor, String(req.params.id));
      return componentJson(j, x.project, x.component);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/component/:id',
    async (j, req) => {
      const body = bodyObj(req);
      const lead = body.leadAccountId === null ? null : (optStr(body, 'leadAccountId') ?? optStr(body, 'leadUserName'));
      const x = await written(j, () =>
        c().update(j.actor, String(req.params.id), {
          ...(body.name !== undefined ? { name: body.name } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(lead !== undefined ? { lead } : {}),
        }),
      );
      return componentJson(j, x.project, x.component);
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/component/:id',
    async (j, req, res) => {
      await written(j, () => c().delete(j.actor, String(req.params.id), query(req, 'moveIssuesTo')));
      res.status(204).end();
    },
    'both',
  );
};
