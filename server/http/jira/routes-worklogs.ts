/** Worklogs of an issue: list (page), add, get, update, delete, with `adjustEstimate` and its estimates. */
import type { Request, Router } from 'express';
import type { EstimateAdjust, WorklogInput } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { intParam } from '../../jira-wire/index.ts';
import { q, route } from './handler.ts';
import { worklogJson } from './render-activity.ts';
import { bodyOf, commentText, visibilityOf } from './routes-issues.ts';

const adjustOf = (req: Request): EstimateAdjust => {
  const out: EstimateAdjust = {};
  for (const k of ['adjustEstimate', 'newEstimate', 'reduceBy', 'increaseBy'] as const) {
    const v = q(req, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
};

const inputOf = (req: Request): WorklogInput => {
  const b = bodyOf(req);
  return {
    ...(b.timeSpent !== undefined ? { timeSpent: b.timeSpent } : {}),
    ...(b.timeSpentSeconds !== undefined ? { timeSpentSeconds: b.timeSpentSeconds } : {}),
    ...(b.started !== undefined ? { started: b.started } : {}),
    ...(b.comment !== undefined && b.comment !== null ? { comment: commentText(b.comment) } : {}),
    ...(b.visibility === null ? { visibility: null } : b.visibility !== undefined ? { visibility: visibilityOf(b) } : {}),
  };
};

export const worklogRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/issue/:key/worklog',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const after = Number(q(req, 'startedAfter') ?? Number.NEGATIVE_INFINITY);
      const before = Number(q(req, 'startedBefore') ?? Number.POSITIVE_INFINITY);
      const all = j.ctx.tracker.worklogs(j.actor, issue.key).filter((w) => {
        const t = Date.parse(w.started);
        return t >= after && t <= before;
      });
      const startAt = intParam(q(req, 'startAt'), 0, Number.MAX_SAFE_INTEGER);
      const maxResults = intParam(q(req, 'maxResults'), 5000, 5000);
      return { startAt, maxResults, total: all.length, worklogs: all.slice(startAt, startAt + maxResults).map((w) => worklogJson(j, issue, w)) };
    }),
  );
  r.post(
    '/issue/:key/worklog',
    route(ctx, async (j, req, res) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const w = await j.ctx.write(() => j.ctx.tracker.addWorklog(j.actor, issue.key, inputOf(req), adjustOf(req)));
      res.status(201).json(worklogJson(j, issue, w));
    }),
  );
  r.get(
    '/issue/:key/worklog/:id',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      return worklogJson(j, issue, j.ctx.tracker.worklog(j.actor, issue.key, String(req.params.id)));
    }),
  );
  r.put(
    '/issue/:key/worklog/:id',
    route(ctx, async (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const w = await j.ctx.write(() => j.ctx.tracker.updateWorklog(j.actor, issue.key, String(req.params.id), inputOf(req), adjustOf(req)));
      return worklogJson(j, issue, w);
    }),
  );
  r.delete(
    '/issue/:key/worklog/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteWorklog(j.actor, String(req.params.key), String(req.params.id), adjustOf(req)));
      res.status(204).end();
    }),
  );
};
