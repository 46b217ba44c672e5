/** One comment: get, edit (body, visibility) and delete, with Jira's own/all permissions. */
import type { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { route } from './handler.ts';
import { commentJson } from './render-issue.ts';
import { bodyOf, commentText, visibilityOf } from './routes-issues.ts';

export const commentRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/issue/:key/comment/:id',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      return commentJson(j, issue, j.ctx.tracker.comment(j.actor, issue.key, String(req.params.id)));
    }),
  );

  r.put(
    '/issue/:key/comment/:id',
    route(ctx, async (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const body = bodyOf(req);
      const edit = {
        ...(body.body !== undefined ? { body: commentText(body.body) } : {}),
        ...(body.visibility === null ? { visibility: null } : body.visibility !== undefined ? { visibility: visibilityOf(body) } : {}),
      };
      const comment = await j.ctx.write(() => j.ctx.tracker.editComment(j.actor, issue.key, String(req.params.id), edit));
      return commentJson(j, issue, comment);
    }),
  );

  r.delete(
    '/issue/:key/comment/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteComment(j.actor, String(req.params.key), String(req.params.id)));
      res.status(204).end();
    }),
  );
};
