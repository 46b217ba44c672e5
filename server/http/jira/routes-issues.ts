/** Issues: get, create, edit, delete, transitions, comments, assignee, changelog, editmeta (watchers: routes-watchers.ts). */
import type { Request, Router } from 'express';
import type { SandboxContext } from '../context.ts';
import type { VisibilityInput } from '../../tracker/index.ts';
import { badRequest } from './errors.ts';
import { jsonKind, notAnObjectBody, offsetPage, REF_KEYS, refProblem } from '../../jira-wire/index.ts';
import { pageOf, q, qList, route, windowOf, type J } from './handler.ts';
import { objectPart, richText, toFieldValues, toModel } from './input.ts';
import { changelogJson, commentJson, issueJson } from './render-issue.ts';
import { fieldMetaJson, transitionJson } from './render-meta.ts';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** The request's JSON object; no body reads as {}, and any other JSON (an array, a string, a number, null) is a 400. */
export const bodyOf = (req: Request): Obj => {
  if (req.body === undefined) return {};
  if (!isObj(req.body)) throw badRequest(notAnObjectBody(req.body));
  return req.body;
};

/** A reference field of a request (`project`, `issuetype`, `transition`…) whose shape is wrong is a 400 naming it. */
const checkRef = (field: string, v: unknown, keys: readonly string[]): void => {
  if (v === undefined || v === null) return;
  const problem = refProblem(v, keys);
  if (problem) throw badRequest('', { [field]: `${problem}.` });
};

/** A visibility restriction: absent or null means none; anything but an object is refused (never quietly made public). */
export const visibilityOf = (body: Obj): VisibilityInput | undefined => {
  const v = body.visibility;
  if (v === undefined || v === null) return undefined;
  if (!isObj(v))
    throw badRequest('', { visibility: `Visibility must be an object like {"type": "role", "value": "Developers"}; it is ${jsonKind(v)}.` });
  return v as VisibilityInput;
};

export const refOf = (v: unknown, ...keys: string[]): string | undefined => {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (!isObj(v)) return undefined;
  for (const k of keys) if (v[k] !== undefined && v[k] !== null) return String(v[k]);
  return undefined;
};

export const commentText = (v: unknown): string => richText('comment', v) ?? '';

/** The comment a transition request adds: `update.comment[{add:{body}}]`. */
const transitionComment = (body: Obj): string | undefined => {
  const ops = objectPart(body, 'update', {}).comment;
  if (ops === undefined) return undefined;
  if (!Array.isArray(ops)) throw badRequest('', { comment: `Operations must be a list, like [{"add": {"body": …}}]; got ${jsonKind(ops)}.` });
  for (const op of ops) {
    if (!isObj(op) || !isObj(op.add)) throw badRequest('', { comment: 'Each comment operation is {"add": {"body": …}}.' });
    return commentText(op.add.body);
  }
  return undefined;
};

/**
 * `PUT …/assignee`: a user object naming the assignee by accountId (Cloud) or name/key (Data
 * Center); `null` there unassigns and "-1" means the default assignee. A body without one of them
 * (`{}`, `[]`, nothing, a number) is a 400, as in Jira, never an unassign.
 */
const assigneeBody = (body: unknown): unknown => {
  const keys = ['accountId', 'name', 'key'];
  const how = 'Send {"accountId": "…"} to assign, {"accountId": null} to unassign, or {"accountId": "-1"} for the default assignee.';
  if (!isObj(body))
    throw badRequest('', { assignee: `The body must be a user object; it is ${body === undefined ? 'empty' : jsonKind(body)}. ${how}` });
  const given = keys.filter((k) => body[k] !== undefined);
  if (!given.length) throw badRequest('', { assignee: `The user object has no 'accountId'. ${how}` });
  if (given.every((k) => body[k] === null)) return null;
  const problem = refProblem(body, keys, true);
  if (problem) throw badRequest('', { assignee: `${problem}. ${how}` });
  return body;
};

export const createFromBody = (j: J, body: Obj) => {
  const shape: Record<string, string> = {};
  const fields = objectPart(body, 'fields', shape);
  if (shape.fields) throw badRequest('', shape);
  checkRef('project', fields.project, REF_KEYS.project!);
  checkRef('issuetype', fields.issuetype, REF_KEYS.issuetype!);
  checkRef('parent', fields.parent, ['key', 'id']);
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
      checkRef('transition', body.transition, ['id']);
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
      const body = bodyOf(req);
      const text = commentText(body.body);
      const visibility = visibilityOf(body);
      const comment = await j.ctx.write(() => j.ctx.tracker.addComment(j.actor, key, text, visibility));
      res.status(201).json(commentJson(j, j.ctx.tracker.getIssue(j.actor, key), comment));
    }),
  );

  r.put(
    '/issue/:key/assignee',
    route(ctx, async (j, req, res) => {
      const issue = j.ctx.tracker.getIssue(j.actor, String(req.params.key));
      const project = j.ctx.tracker.project(issue.project)!;
      const who = toModel(j, 'assignee', { project, issueTypeId: issue.issueType }, assigneeBody(req.body)) as string | null;
      await j.ctx.write(() => j.ctx.tracker.assign(j.actor, issue.key, who));
      res.status(204).end();
    }),
  );
};
