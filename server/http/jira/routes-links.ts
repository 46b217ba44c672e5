/** Issue links (create, get, delete), one link type, and remote links of an issue. */
import type { Router } from 'express';
import type { IssueLinkType, RemoteLink } from '../../model/index.ts';
import type { RemoteLinkInput } from '../../tracker/index.ts';
import type { SandboxContext } from '../context.ts';
import { badRequest, notFound } from './errors.ts';
import { q, route, type J } from './handler.ts';
import { remoteLinkJson } from './render-activity.ts';
import { issueTypeJson, statusJson } from './render-basic.ts';
import { bodyOf, commentText, isObj, refOf, visibilityOf } from './routes-issues.ts';

export const linkTypeJson = (j: J, t: IssueLinkType) => ({
  id: t.id,
  name: t.name,
  inward: t.inward,
  outward: t.outward,
  self: `${j.api}/issueLinkType/${t.id}`,
});

const linkedIssueJson = (j: J, key: string) => {
  const i = j.ctx.tracker.getIssue(j.actor, key);
  const s = j.ctx.tracker.status(i.status);
  const t = j.ctx.tracker.issueType(i.issueType);
  return {
    id: i.id,
    key: i.key,
    self: `${j.api}/issue/${i.id}`,
    fields: { summary: i.summary, ...(s ? { status: statusJson(j, s) } : {}), ...(t ? { issuetype: issueTypeJson(j, t) } : {}) },
  };
};

const remoteInput = (body: Record<string, unknown>): RemoteLinkInput => {
  const o = isObj(body.object) ? body.object : undefined;
  return {
    ...(typeof body.globalId === 'string' ? { globalId: body.globalId } : {}),
    ...(typeof body.relationship === 'string' ? { relationship: body.relationship } : {}),
    ...(isObj(body.application)
      ? {
          application: {
            ...(typeof body.application.type === 'string' ? { type: body.application.type } : {}),
            ...(typeof body.application.name === 'string' ? { name: body.application.name } : {}),
          },
        }
      : {}),
    object: {
      url: typeof o?.url === 'string' ? o.url : '',
      title: typeof o?.title === 'string' ? o.title : '',
      ...(typeof o?.summary === 'string' ? { summary: o.summary } : {}),
      ...(isObj(o?.icon)
        ? {
            icon: {
              ...(typeof o.icon.url16x16 === 'string' ? { url16x16: o.icon.url16x16 } : {}),
              ...(typeof o.icon.title === 'string' ? { title: o.icon.title } : {}),
            },
          }
        : {}),
      ...(isObj(o?.status) ? { status: { ...(typeof o.status.resolved === 'boolean' ? { resolved: o.status.resolved } : {}) } } : {}),
    },
  };
};

const created = (j: J, key: string, l: RemoteLink) => ({ id: Number(l.id) || l.id, self: `${j.api}/issue/${key}/remotelink/${l.id}` });

export const linkRoutes = (r: Router, ctx: SandboxContext): void => {
  r.post(
    '/issueLink',
    route(ctx, async (j, req, res) => {
      const body = bodyOf(req);
      const inward = refOf(body.inwardIssue, 'key', 'id');
      const outward = refOf(body.outwardIssue, 'key', 'id');
      if (!isObj(body.type) || (!body.type.name && !body.type.id))
        throw badRequest('', { issuelinks: 'Provide the link type: {"type": {"name": "Blocks"}} (or its id).' });
      if (!inward || !outward)
        throw badRequest('', { issuelinks: 'Provide both issues: {"inwardIssue": {"key": "…"}, "outwardIssue": {"key": "…"}}.' });
      const comment =
        isObj(body.comment) && body.comment.body !== undefined
          ? {
              body: commentText(body.comment.body),
              ...(visibilityOf(body.comment) ? { visibility: visibilityOf(body.comment) } : {}),
            }
          : undefined;
      const type = {
        ...(body.type.id !== undefined ? { id: String(body.type.id) } : {}),
        ...(body.type.name !== undefined ? { name: String(body.type.name) } : {}),
      };
      await j.ctx.write(() => j.ctx.tracker.linkIssues(j.actor, { type, inward, outward, ...(comment ? { comment } : {}) }));
      res.status(201).end();
    }),
  );
  r.get(
    '/issueLink/:id',
    route(ctx, (j, req) => {
      const l = j.ctx.tracker.issueLink(j.actor, String(req.params.id));
      return {
        id: l.id,
        self: `${j.api}/issueLink/${l.id}`,
        type: linkTypeJson(j, l.type),
        inwardIssue: linkedIssueJson(j, l.inward.key),
        outwardIssue: linkedIssueJson(j, l.outward.key),
      };
    }),
  );
  r.delete(
    '/issueLink/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteIssueLink(j.actor, String(req.params.id)));
      res.status(204).end();
    }),
  );
  r.get(
    '/issueLinkType/:id',
    route(ctx, (j, req) => {
      const t = j.ctx.tracker.linkType({ id: String(req.params.id) });
      if (!t) throw notFound(`No issue link type with id '${String(req.params.id)}' found.`);
      return linkTypeJson(j, t);
    }),
  );

  r.get(
    '/issue/:key/remotelink',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const globalId = q(req, 'globalId');
      if (globalId !== undefined) return remoteLinkJson(j, issue, j.ctx.tracker.remoteLink(j.actor, issue.key, { globalId }));
      return j.ctx.tracker.remoteLinks(j.actor, issue.key).map((l) => remoteLinkJson(j, issue, l));
    }),
  );
  r.get(
    '/issue/:key/remotelink/:id',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      return remoteLinkJson(j, issue, j.ctx.tracker.remoteLink(j.actor, issue.key, { id: String(req.params.id) }));
    }),
  );
  r.post(
    '/issue/:key/remotelink',
    route(ctx, async (j, req, res) => {
      const key = String(req.params.key);
      const out = await j.ctx.write(() => j.ctx.tracker.putRemoteLink(j.actor, key, remoteInput(bodyOf(req))));
      res.status(out.created ? 201 : 200).json(created(j, key, out.link));
    }),
  );
  r.put(
    '/issue/:key/remotelink/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.putRemoteLink(j.actor, String(req.params.key), remoteInput(bodyOf(req)), String(req.params.id)));
      res.status(204).end();
    }),
  );
  r.delete(
    '/issue/:key/remotelink/:id',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteRemoteLink(j.actor, String(req.params.key), { id: String(req.params.id) }));
      res.status(204).end();
    }),
  );
  r.delete(
    '/issue/:key/remotelink',
    route(ctx, async (j, req, res) => {
      const globalId = q(req, 'globalId');
      await j.ctx.write(() => j.ctx.tracker.deleteRemoteLink(j.actor, String(req.params.key), globalId ? { globalId } : {}));
      res.status(204).end();
    }),
  );
};
