/** Priorities and resolutions (Cloud: create, update, move, delete as a task) and issue types (Cloud and DC: create, update, delete, alternatives). */
import type { Request, Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { issueTypeJson } from '../render-basic.ts';
import { bodyObj, list, optStr, seeTask, serve, written, type Obj } from './wire.ts';

const moveOf = (body: Obj) => ({
  ids: list(body, 'ids').map(String),
  where: {
    ...(optStr(body, 'after') !== undefined ? { after: optStr(body, 'after')! } : {}),
    ...(optStr(body, 'position') !== undefined ? { position: optStr(body, 'position')! } : {}),
  },
});
const query = (req: Request, ...names: string[]): string | undefined => {
  for (const n of names) {
    const v = req.query[n];
    if (typeof v === 'string' && v !== '') return v;
  }
  return undefined;
};

export const catalogRoutes = (r: Router, ctx: SandboxContext): void => {
  const a = () => ctx.tracker.admin;
  serve(r, ctx, 'post', '/priority', async (j, req, res) => {
    const body = bodyObj(req);
    const p = await written(j, () =>
      a().priorities.create(j.actor, { name: body.name, description: body.description, statusColor: body.statusColor }),
    );
    res.status(201).json({ id: p.id });
  });
  serve(r, ctx, 'put', '/priority/move', async (j, req, res) => {
    const { ids, where } = moveOf(bodyObj(req));
    await written(j, () => a().priorities.move(j.actor, ids, where));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/priority/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () =>
      a().priorities.update(j.actor, String(req.params.id), { name: body.name, description: body.description, statusColor: body.statusColor }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/priority/:id', async (j, req, res) => {
    seeTask(j, res, await written(j, () => a().priorities.delete(j.actor, String(req.params.id), query(req, 'replaceWith', 'newPriority'))));
  });

  serve(r, ctx, 'post', '/resolution', async (j, req, res) => {
    const body = bodyObj(req);
    const x = await written(j, () => a().resolutions.create(j.actor, { name: body.name, description: body.description }));
    res.status(201).json({ id: x.id });
  });
  serve(r, ctx, 'put', '/resolution/move', async (j, req, res) => {
    const { ids, where } = moveOf(bodyObj(req));
    await written(j, () => a().resolutions.move(j.actor, ids, where));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/resolution/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => a().resolutions.update(j.actor, String(req.params.id), { name: body.name, description: body.description }));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/resolution/:id', async (j, req, res) => {
    seeTask(j, res, await written(j, () => a().resolutions.delete(j.actor, String(req.params.id), query(req, 'replaceWith'))));
  });

  serve(
    r,
    ctx,
    'post',
    '/issuetype',
    async (j, req, res) => {
      const body = bodyObj(req);
      const t = await written(j, () =>
        a().issueTypes.create(j.actor, {
          name: body.name,
          description: body.description,
          ...(typeof body.hierarchyLevel === 'number' ? { hierarchyLevel: body.hierarchyLevel } : {}),
          ...(typeof body.type === 'string' ? { type: body.type } : {}),
        }),
      );
      res.status(201).json(issueTypeJson(j, t));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/issuetype/:id',
    async (j, req) => {
      const body = bodyObj(req);
      return issueTypeJson(
        j,
        await written(j, () => a().issueTypes.update(j.actor, String(req.params.id), { name: body.name, description: body.description })),
      );
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/issuetype/:id',
    async (j, req, res) => {
      await written(j, () => a().issueTypes.delete(j.actor, String(req.params.id), query(req, 'alternativeIssueTypeId')));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'get',
    '/issuetype/:id/alternatives',
    (j, req) =>
      a()
        .issueTypes.alternatives(j.actor, String(req.params.id))
        .map((t) => issueTypeJson(j, t)),
    'both',
  );
};
