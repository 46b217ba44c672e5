/** Screens (create, rename, delete: Cloud), their tabs and the fields on a tab (Cloud and Data Center). */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import type { FieldMove } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { numId } from '../handler.ts';
import { bodyObj, optStr, reqStr, serve, written } from './wire.ts';

const POSITIONS = ['Earlier', 'Later', 'First', 'Last'] as const;

export const screenRoutes = (r: Router, ctx: SandboxContext): void => {
  const s = () => ctx.tracker.admin.screens;
  const json = (x: { id: string; name: string; description?: string }) => ({ id: numId(x.id), name: x.name, description: x.description ?? '' });
  serve(r, ctx, 'post', '/screens', async (j, req, res) => {
    const body = bodyObj(req);
    res.status(201).json(json(await written(j, () => s().create(j.actor, { name: body.name, description: body.description }))));
  });
  serve(r, ctx, 'post', '/screens/addToDefault/:fieldId', async (j, req) => {
    await written(j, () => s().addToDefault(j.actor, String(req.params.fieldId)));
    return {};
  });
  serve(r, ctx, 'put', '/screens/:id', async (j, req) => {
    const body = bodyObj(req);
    return json(await written(j, () => s().update(j.actor, String(req.params.id), { name: body.name, description: body.description })));
  });
  serve(r, ctx, 'delete', '/screens/:id', async (j, req, res) => {
    await written(j, () => s().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
  serve(
    r,
    ctx,
    'post',
    '/screens/:id/tabs',
    async (j, req) => {
      const tab = await written(j, () => s().addTab(j.actor, String(req.params.id), bodyObj(req).name));
      return { id: numId(tab.id), name: tab.name };
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/screens/:id/tabs/:tab',
    async (j, req) => {
      const tab = await written(j, () => s().renameTab(j.actor, String(req.params.id), String(req.params.tab), bodyObj(req).name));
      return { id: numId(tab.id), name: tab.name };
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/screens/:id/tabs/:tab',
    async (j, req, res) => {
      await written(j, () => s().deleteTab(j.actor, String(req.params.id), String(req.params.tab)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/screens/:id/tabs/:tab/move/:pos',
    async (j, req, res) => {
      await written(j, () => s().moveTab(j.actor, String(req.params.id), String(req.params.tab), Number(req.params.pos)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/screens/:id/tabs/:tab/fields',
    async (j, req) => written(j, () => s().addField(j.actor, String(req.params.id), String(req.params.tab), reqStr(bodyObj(req), 'fieldId'))),
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/screens/:id/tabs/:tab/fields/:field',
    async (j, req, res) => {
      await written(j, () => s().removeField(j.actor, String(req.params.id), String(req.params.tab), String(req.params.field)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'post',
    '/screens/:id/tabs/:tab/fields/:field/move',
    async (j, req, res) => {
      const body = bodyObj(req);
      const after = optStr(body, 'after');
      const position = optStr(body, 'position');
      if ((after === undefined) === (position === undefined)) throw badRequest("Either 'after' or 'position' must be provided, not both.");
      if (position !== undefined && !(POSITIONS as readonly string[]).includes(position))
        throw badRequest(`'position' must be one of ${POSITIONS.join(', ')}.`);
      // `after` may be the field's id or its self URL.
      const move: FieldMove =
        after !== undefined ? { after: after.slice(after.lastIndexOf('/') + 1) } : { position: position as (typeof POSITIONS)[number] };
      await written(j, () => s().moveField(j.actor, String(req.params.id), String(req.params.tab), String(req.params.field), move));
      res.status(204).end();
    },
    'both',
  );
};
