/** Watchers (bare JSON string body, as the OpenAPI says; DELETE ?accountId=) and votes. */
import type { Router } from 'express';
import type { SandboxContext } from '../context.ts';
import { badRequest } from './errors.ts';
import { q, route, type J } from './handler.ts';
import { votesJson, watchersJson } from './render-activity.ts';

/** Whose watch: the bare string body, or `{accountId}`/`{name}` some clients send; empty = the caller. */
const watcherOf = (j: J, body: unknown): string | undefined => {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) return undefined;
  if (typeof body === 'string') return body;
  if (typeof body === 'object' && !Array.isArray(body)) {
    const o = body as Record<string, unknown>;
    const ref = o.accountId ?? o.name ?? o.username;
    if (typeof ref === 'string') return ref;
  }
  throw badRequest(`Send the watcher's ${j.dc ? 'user name' : 'account id'} as a JSON string, e.g. "5b10a2844c20165700ede21g".`);
};

export const watcherRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/issue/:key/watchers',
    route(ctx, (j, req) => {
      const view = j.ctx.tracker.watchers(j.actor, String(req.params.key));
      return watchersJson(j, j.ctx.tracker.getIssue(j.actor, String(req.params.key)), view);
    }),
  );
  r.post(
    '/issue/:key/watchers',
    route(ctx, async (j, req, res) => {
      const who = watcherOf(j, req.body);
      await j.ctx.write(() => j.ctx.tracker.addWatcher(j.actor, String(req.params.key), who));
      res.status(204).end();
    }),
  );
  r.delete(
    '/issue/:key/watchers',
    route(ctx, async (j, req, res) => {
      const who = q(req, 'accountId') ?? (j.ctx.strict ? undefined : q(req, 'username'));
      await j.ctx.write(() => j.ctx.tracker.removeWatcher(j.actor, String(req.params.key), who));
      res.status(204).end();
    }),
  );

  r.get(
    '/issue/:key/votes',
    route(ctx, (j, req) => {
      const key = String(req.params.key);
      return votesJson(j, j.ctx.tracker.getIssue(j.actor, key), j.ctx.tracker.votes(j.actor, key));
    }),
  );
  r.post(
    '/issue/:key/votes',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.addVote(j.actor, String(req.params.key)));
      res.status(204).end();
    }),
  );
  r.delete(
    '/issue/:key/votes',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.removeVote(j.actor, String(req.params.key)));
      res.status(204).end();
    }),
  );
};
