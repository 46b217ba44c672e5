/** Options of a custom field context: create, update, move, delete, replace on issues as a task (Cloud). */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import { bodyObj, list, objAt, optBool, optStr, seeTask, serve, written } from './wire.ts';

const optionJson = (o: { id: string; value: string; disabled?: boolean; optionId?: string }) => ({
  id: o.id,
  value: o.value,
  disabled: o.disabled ?? false,
  ...(o.optionId ? { optionId: o.optionId } : {}),
});

export const optionRoutes = (r: Router, ctx: SandboxContext): void => {
  const p = '/field/:fieldId/context/:contextId/option';
  const at = (req: { params: Record<string, unknown> }) => [String(req.params.fieldId), String(req.params.contextId)] as const;
  serve(r, ctx, 'post', p, async (j, req) => {
    const input = list(bodyObj(req), 'options').map((o, i) => {
      const x = objAt(o, `options[${i}]`);
      const parent = optStr(x, 'optionId');
      const disabled = optBool(x, 'disabled');
      return { value: x.value, ...(disabled !== undefined ? { disabled } : {}), ...(parent !== undefined ? { optionId: parent } : {}) };
    });
    const made = await written(j, () => j.ctx.tracker.admin.fieldOptions.create(j.actor, ...at(req), input));
    return { options: made.map(optionJson) };
  });
  serve(r, ctx, 'put', p, async (j, req) => {
    const input = list(bodyObj(req), 'options').map((o, i) => {
      const x = objAt(o, `options[${i}]`);
      const id = optStr(x, 'id');
      if (id === undefined) throw badRequest('', { id: `options[${i}] needs the id of the option to update.` });
      const disabled = optBool(x, 'disabled');
      return { id, ...(x.value !== undefined ? { value: x.value } : {}), ...(disabled !== undefined ? { disabled } : {}) };
    });
    const changed = await written(j, () => j.ctx.tracker.admin.fieldOptions.update(j.actor, ...at(req), input));
    return { options: changed.map((o) => ({ id: o.id, value: o.value, disabled: o.disabled ?? false })) };
  });
  serve(r, ctx, 'put', `${p}/move`, async (j, req, res) => {
    const body = bodyObj(req);
    const ids = list(body, 'customFieldOptionIds').map(String);
    const position = optStr(body, 'position');
    if (position !== undefined && position !== 'First' && position !== 'Last') throw badRequest("'position' must be First or Last.");
    const after = optStr(body, 'after');
    await written(j, () =>
      j.ctx.tracker.admin.fieldOptions.move(j.actor, ...at(req), ids, {
        ...(after !== undefined ? { after } : {}),
        ...(position !== undefined ? { position: position as 'First' | 'Last' } : {}),
      }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'delete', `${p}/:optionId`, async (j, req, res) => {
    await written(j, () => j.ctx.tracker.admin.fieldOptions.delete(j.actor, ...at(req), String(req.params.optionId)));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', `${p}/:optionId/issue`, async (j, req, res) => {
    const replaceWith = typeof req.query.replaceWith === 'string' && req.query.replaceWith !== '' ? req.query.replaceWith : undefined;
    const jql = typeof req.query.jql === 'string' && req.query.jql !== '' ? req.query.jql : undefined;
    seeTask(
      j,
      res,
      await written(j, () => j.ctx.tracker.admin.fieldOptions.replace(j.actor, ...at(req), String(req.params.optionId), replaceWith, jql)),
    );
  });
};
