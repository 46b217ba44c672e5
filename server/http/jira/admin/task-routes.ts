/** `GET /task/{id}` and `POST /task/{id}/cancel` (Cloud and Data Center both have them). */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { serve, written } from './wire.ts';
import { taskJson } from './render.ts';

export const taskRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(r, ctx, 'get', '/task/:id', (j, req) => taskJson(j, j.ctx.tracker.admin.tasks.get(j.actor, String(req.params.id))), 'both');
  serve(
    r,
    ctx,
    'post',
    '/task/:id/cancel',
    async (j, req, res) => {
      await written(j, () => j.ctx.tracker.admin.tasks.cancel(j.actor, String(req.params.id)));
      res.status(202).json({});
    },
    'both',
  );
};
