/** Screen schemes and issue type screen schemes (Cloud): create, update, delete, mappings, project assignment. */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import type { ScreensInput } from '../../../tracker/index.ts';
import { bodyObj, isObj, list, objAt, reqStr, serve, written, type Obj } from './wire.ts';

const screensOf = (o: Obj | undefined): ScreensInput => {
  if (!o) return {};
  const out: ScreensInput = {};
  for (const op of ['default', 'create', 'edit', 'view'] as const) {
    const v = o[op];
    if (v === null) out[op] = null;
    else if (v !== undefined) out[op] = String(v);
  }
  return out;
};

const mappingsOf = (body: Obj) =>
  list(body, 'issueTypeMappings').map((v, i) => {
    const o = objAt(v, `issueTypeMappings[${i}]`);
    return { issueTypeId: reqStr(o, 'issueTypeId'), screenSchemeId: reqStr(o, 'screenSchemeId') };
  });

export const screenSchemeRoutes = (r: Router, ctx: SandboxContext): void => {
  const ss = () => ctx.tracker.admin.screenSchemes;
  const itss = () => ctx.tracker.admin.issueTypeScreenSchemes;
  serve(r, ctx, 'post', '/screenscheme', async (j, req, res) => {
    const body = bodyObj(req);
    const made = await written(j, () =>
      ss().create(j.actor, { name: body.name, description: body.description, screens: screensOf(isObj(body.screens) ? body.screens : undefined) }),
    );
    res.status(201).json({ id: Number(made.id) || made.id });
  });
  serve(r, ctx, 'put', '/screenscheme/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () =>
      ss().update(j.actor, String(req.params.id), {
        name: body.name,
        description: body.description,
        ...(isObj(body.screens) ? { screens: screensOf(body.screens) } : {}),
      }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/screenscheme/:id', async (j, req, res) => {
    await written(j, () => ss().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });

  serve(r, ctx, 'post', '/issuetypescreenscheme', async (j, req, res) => {
    const body = bodyObj(req);
    const made = await written(j, () => itss().create(j.actor, { name: body.name, description: body.description, mappings: mappingsOf(body) }));
    res.status(201).json({ id: made.id });
  });
  serve(r, ctx, 'put', '/issuetypescreenscheme/project', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => itss().assign(j.actor, reqStr(body, 'projectId'), reqStr(body, 'issueTypeScreenSchemeId')));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescreenscheme/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => itss().update(j.actor, String(req.params.id), { name: body.name, description: body.description }));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/issuetypescreenscheme/:id', async (j, req, res) => {
    await written(j, () => itss().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescreenscheme/:id/mapping', async (j, req, res) => {
    const mappings = mappingsOf(bodyObj(req));
    await written(j, () => itss().setMappings(j.actor, String(req.params.id), mappings));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescreenscheme/:id/mapping/default', async (j, req, res) => {
    const id = reqStr(bodyObj(req), 'screenSchemeId', 'The screenSchemeId has to be provided.');
    await written(j, () => itss().setDefault(j.actor, String(req.params.id), id));
    res.status(204).end();
  });
  serve(r, ctx, 'post', '/issuetypescreenscheme/:id/mapping/remove', async (j, req, res) => {
    const ids = list(bodyObj(req), 'issueTypeIds').map(String);
    await written(j, () => itss().removeMappings(j.actor, String(req.params.id), ids));
    res.status(204).end();
  });
};
