/** Issues: get, create, edit, delete, transitions, comments, assignee, changelog, editmeta (watchers: routes-watchers.ts). */
import type { Request, Router } from 'express';
import type { SandboxContext } from '../context.ts';
import type { VisibilityInput } from '../../tracker/index.ts';
import { badRequest } from './errors.ts';
import { fromAdf, offsetPage } from '../../jira-wire/index.ts';
import { pageOf, q, qList, route, windowOf, type J } from './handler.ts';
import { toFieldValues, toModel } from './input.ts';
import { changelogJson, commentJson, issueJson } from './render-issue.ts';
import { fieldMetaJson, transitionJson } from './render-meta.ts';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const bodyOf = (req: Request): Obj => (isObj(req.body) ? req.body : {});

export const refOf = (v: unknown, ...keys: string[]): string | undefined => {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (!isObj(v)) return undefined;
  for (const k of keys) if (v[k] !== undefined && v[k] !== null) return String(v[k]);
  return undefined;
};

export const commentText = (v: unknown): string => {
  try {
    return fromAdf(v) ?? '';
  } catch {
    throw badRequest('', { comment: 'Comment body must be an Atlassian Document (v3) or a string (v2).' });
  }
};

/** The comment a transition request adds: `update.comment[{add:{body}}]`. */
const transitionComment = (body: Obj): string | undefined => {
  const ops = isObj(body.update) ? body.update.comment : undefined;
  if (!Array.isArray(ops)) return undefined;
  for (const op of ops) if (isObj(op) && isObj(op.add)) return commentText(op.add.body);
  return undefined;
};

export const createFromBody = (j: J, body: Obj) => {
  const fields = isObj(body.fields) ? body.fields : {};
  const projectRef = refOf(fields.project, 'key', 'id');
  if (!projectRef) throw badRequest('', { project: 'Specify a valid project ID or key' });
  const project = j.ctx.tracker.project(projectRef) ?? j.ctx.tracker.project(projectRef.toUpperCase());
  if (!project) throw badRequest('', { project: 'valid project is required' });
  const typeRef = refOf(fields.issuetype, 'id', 'name');
  const issueType = typeRef ? (j.ctx.tracker.issueTypeByRef(typeRef)?.id ?? typeRef) : '';
  const parent = refOf(fields.parent, 'key', 'id');
  const values = toFieldValues(j, body, { project, issueTypeId: issueType }, undefined, ['project', 'issuetype', 'parent']);
  return j.ctx.write(() => j.ctx.tracker.createIssue(j.actor, { project: project.key, issueType, fields: values, ...(parent ? { parent } : {}) }));
};

export const issueRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/issue/:key',
    route(ctx, (j, req) =>
      issueJson(j, j.ctx.tracker.getIssue(j.actor, String(req.params.key)), {
        fields: q(req, 'fields'),
        expand: qList(req, 'expand'),
        ...(q(req, 'properties') !== undefined ? { properties: qList(req, 'properties') } : {}),
      }),
    ),
  );

  r.post(
    '/issue',
    route(ctx, async (j, req, res) => {
      const issue = await createFromBody(j, bodyOf(req));
      res.status(201).json({ id: issue.id, key: issue.key, self: `${j.api}/issue/${issue.id}` });
    }),
  );

  r.put(
    '/issue/:key',
    route(ctx, async (j, req, res) => {
      const current = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const project = j.ctx.tracker.project(current.project)!;
      const values = toFieldValues(j, bodyOf(req), { project, issueTypeId: current.issueType }, current, ['comment']);
      const comment = transitionComment(bodyOf(req));
      await j.ctx.write(() => {
        if (Object.keys(values).length) j.ctx.tracker.editIssue(j.actor, current.key, values);
        if (comment) j.ctx.tracker.addComment(j.actor, current.key, comment);
      });
      res.status(204).end();
    }),
  );

  r.delete(
    '/issue/:key',
    route(ctx, async (j, req, res) => {
      await j.ctx.write(() => j.ctx.tracker.deleteIssue(j.actor, String(req.params.key), q(req, 'deleteSubtasks') === 'true'));
      res.status(204).end();
    }),
  );

  r.get(
    '/issue/:key/transitions',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const only = q(req, 'transitionId');
      const withFields = qList(req, 'expand').includes('transitions.fields');
      const list = j.ctx.tracker.transitions(j.actor, issue.key).filter((t) => !only || t.id === only);
      return { expand: 'transitions', transitions: list.map((t) => transitionJson(j, issue, t, withFields)) };
    }),
  );

  r.post(
    '/issue/:key/transitions',
    route(ctx, async (j, req, res) => {
      const body = bodyOf(req);
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const id = refOf(body.transition, 'id');
      if (!id) throw badRequest('Missing transition id: send {"transition": {"id": "…"}}.');
      const project = j.ctx.tracker.project(issue.project)!;
      const fields = toFieldValues(j, body, { project, issueTypeId: issue.issueType }, issue, ['comment']);
      const comment = transitionComment(body);
      await j.ctx.write(() => j.ctx.tracker.doTransition(j.actor, issue.key, id, { fields, ...(comment ? { comment } : {}) }));
      res.status(204).end();
    }),
  );

  r.get(
    '/issue/:key/editmeta',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const project = j.ctx.tracker.project(issue.project)!;
      return {
        fields: Object.fromEntries(j.ctx.tracker.editMeta(j.actor, issue.key).map((m) => [m.fieldId, fieldMetaJson(j, m, project, issue.issueType)])),
      };
    }),
  );

  r.get(
    '/issue/:key/changelog',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      return pageOf(j, issue.history, (h) => changelogJson(j, h), 100);
    }),
  );

  r.get(
    '/issue/:key/comment',
    route(ctx, (j, req) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      return offsetPage(j.ctx.tracker.comments(j.actor, issue.key), windowOf(j, 5000), 'comments', (c) => commentJson(j, issue, c));
    }),
  );

  r.post(
    '/issue/:key/comment',
    route(ctx, async (j, req, res) => {
      const key = String(req.params.key);
      const text = commentText(bodyOf(req).body);
      const visibility = isObj(bodyOf(req).visibility) ? (bodyOf(req).visibility as VisibilityInput) : undefined;
      const comment = await j.ctx.write(() => j.ctx.tracker.addComment(j.actor, key, text, visibility));
      res.status(201).json(commentJson(j, j.ctx.tracker.getIssue(j.actor, key), comment));
    }),
  );

  r.put(
    '/issue/:key/assignee',
    route(ctx, async (j, req, res) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const project = j.ctx.tracker.project(issue.project)!;
      const who = toModel(j, 'assignee', { project, issueTypeId: issue.issueType }, bodyOf(req)) as string | null;
      await j.ctx.write(() => j.ctx.tracker.assign(j.actor, issue.key, who));
      res.status(204).end();
    }),
  );
};
