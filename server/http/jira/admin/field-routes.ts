/** Custom fields: create (Cloud and DC), update, trash and restore, the trashed list, delete as a task (Cloud). */
import type { Router } from 'express';
import type { FieldType } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import { TrackerError } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { pageOf } from '../handler.ts';
import { FIELD_TYPE_KEYS, fieldJson, fieldSchema } from '../../../jira-wire/index.ts';
import { bodyObj, reqStr, seeTask, serve, written } from './wire.ts';

const typeOfKey = (key: string): FieldType => {
  const hit = (Object.entries(FIELD_TYPE_KEYS) as Array<[FieldType, { custom: string }]>).find(([, k]) => k.custom === key);
  if (!hit)
    throw badRequest('', {
      type: `The custom field type '${key}' is not supported by the Understudy sandbox (it models: ${Object.values(FIELD_TYPE_KEYS)
        .map((k) => k.custom.split(':')[1])
        .join(', ')}).`,
    });
  return hit[0];
};

export const fieldRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(
    r,
    ctx,
    'post',
    '/field',
    async (j, req, res) => {
      const body = bodyObj(req);
      const type = typeOfKey(reqStr(body, 'type'));
      let field: Awaited<ReturnType<typeof j.ctx.tracker.admin.fields.create>>;
      try {
        field = await written(j, () => j.ctx.tracker.admin.fields.create(j.actor, { name: body.name, type, description: body.description }));
      } catch (e) {
        // Jira answers a signed-in caller without the permission with 400 here.
        if (e instanceof TrackerError && e.status === 403) throw badRequest('Only Jira administrators can create custom fields.');
        throw e;
      }
      res.status(201).json(fieldJson(field));
    },
    'both',
  );
  serve(r, ctx, 'put', '/field/:fieldId', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () =>
      j.ctx.tracker.admin.fields.update(j.actor, String(req.params.fieldId), { name: body.name, description: body.description }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'post', '/field/:fieldId/trash', async (j, req, res) => {
    await written(j, () => j.ctx.tracker.admin.fields.trash(j.actor, String(req.params.fieldId)));
    res.status(204).end();
  });
  serve(r, ctx, 'post', '/field/:fieldId/restore', async (j, req, res) => {
    await written(j, () => j.ctx.tracker.admin.fields.restore(j.actor, String(req.params.fieldId)));
    res.status(204).end();
  });
  // The documented Field shape (Jira's answer adds when and by whom; its schema does not list them).
  serve(r, ctx, 'get', '/field/search/trashed', (j) =>
    pageOf(j, j.ctx.tracker.admin.fields.trashed(j.actor), (t) => ({
      id: t.field.id,
      name: t.field.name,
      schema: fieldSchema(t.field, t.field.id),
      description: t.field.description ?? '',
      key: t.field.id,
      isLocked: false,
      contextsCount: t.field.contexts.length,
    })),
  );
  serve(r, ctx, 'delete', '/field/:id', async (j, req, res) => {
    seeTask(j, res, await written(j, () => j.ctx.tracker.admin.fields.delete(j.actor, String(req.params.id))));
  });
};
