/** Routes of one issue: view, comment, assign, transitions, edit — each write through ctx.write, then redirect. */
import { Router, urlencoded, type Request, type Response } from 'express';
import { isTrackerError } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { actorOf } from '../context.ts';
import { editForm, editRoute } from './edit-issue.ts';
import { param } from './format.ts';
import { viewIssue, type ViewProblems } from './issue-view.ts';
import { doTransitionRoute, transitionForm } from './transition-screen.ts';

/** Runs a write; a 400 re-renders the issue view with the problem placed by `place`. */
const writeOrShow = async (
  ctx: SandboxContext,
  req: Request,
  res: Response,
  change: () => unknown,
  place: (errors: Record<string, string>, messages: string[]) => ViewProblems,
  anchor: string,
): Promise<void> => {
  const key = param(req.params.key);
  try {
    await ctx.write(change);
    res.redirect(303, `/browse/${encodeURIComponent(ctx.tracker.getIssue(actorOf(res), key).key)}${anchor}`);
  } catch (e) {
    if (!isTrackerError(e) || e.status !== 400) throw e;
    viewIssue(ctx, req, res, key, place(e.body.errors, e.body.errorMessages), 400);
  }
};

export const issueRoutes = (ctx: SandboxContext): Router => {
  const r = Router();
  const form = urlencoded({ extended: false });
  r.get('/browse/:key', (req, res) => viewIssue(ctx, req, res, param(req.params.key)));
  r.post('/browse/:key/comment', form, (req, res) => {
    const body = param(req.body?.comment);
    return writeOrShow(
      ctx,
      req,
      res,
      () => ctx.tracker.addComment(actorOf(res), param(req.params.key), body),
      (errors, messages) => ({ comment: errors.comment ?? messages.join(' '), commentText: body }),
      '#h-comments',
    );
  });
  r.post('/browse/:key/assign', form, (req, res) => {
    const assignee = param(req.body?.assignee) || null;
    return writeOrShow(
      ctx,
      req,
      res,
      () => ctx.tracker.assign(actorOf(res), param(req.params.key), assignee),
      (errors, messages) => ({ assign: errors.assignee ?? messages.join(' ') }),
      '',
    );
  });
  r.get('/browse/:key/transition/:tid', (req, res) => transitionForm(ctx, req, res));
  r.post('/browse/:key/transition/:tid', form, (req, res) => doTransitionRoute(ctx, req, res));
  r.get('/browse/:key/edit', (req, res) => editForm(ctx, req, res));
  r.post('/browse/:key/edit', form, (req, res) => editRoute(ctx, req, res));
  return r;
};
