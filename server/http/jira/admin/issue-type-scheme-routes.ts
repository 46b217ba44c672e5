/** Issue type schemes (Cloud): create, update, delete, issue types added / moved / removed, project assignment. */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import { bodyObj, list, optStr, reqStr, serve, written } from './wire.ts';

export const issueTypeSchemeRoutes = (r: Router, ctx: SandboxContext): void => {
  const s = () => ctx.tracker.admin.issueTypeSchemes;
  serve(r, ctx, 'post', '/issuetypescheme', async (j, req, res) => {
    const body = bodyObj(req);
    const made = await written(j, () =>
      s().create(j.actor, {
        name: body.name,
        description: body.description,
        issueTypeIds: list(body, 'issueTypeIds').map(String),
        ...(optStr(body, 'defaultIssueTypeId') ? { defaultIssueTypeId: optStr(body, 'defaultIssueTypeId')! } : {}),
      }),
    );
    res.status(201).json({ issueTypeSchemeId: made.id });
  });
  serve(r, ctx, 'put', '/issuetypescheme/project', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => s().assign(j.actor, reqStr(body, 'projectId'), reqStr(body, 'issueTypeSchemeId')));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescheme/:id', async (j, req, res) => {
    const body = bodyObj(req);
    const def = body.defaultIssueTypeId === null ? null : optStr(body, 'defaultIssueTypeId');
    await written(j, () =>
      s().update(j.actor, String(req.params.id), {
        name: body.name,
        description: body.description,
        ...(def !== undefined ? { defaultIssueTypeId: def } : {}),
      }),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/issuetypescheme/:id', async (j, req, res) => {
    await written(j, () => s().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescheme/:id/issuetype/move', async (j, req, res) => {
    const body = bodyObj(req);
    const position = optStr(body, 'position');
    if (position !== undefined && position !== 'First' && position !== 'Last') throw badRequest("'position' must be First or Last.");
    const after = optStr(body, 'after');
    if ((after === undefined) === (position === undefined)) throw badRequest("Either 'after' or 'position' must be provided.");
    await written(j, () =>
      s().moveIssueTypes(
        j.actor,
        String(req.params.id),
        list(body, 'issueTypeIds').map(String),
        after !== undefined ? { after } : { position: position as 'First' | 'Last' },
      ),
    );
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/issuetypescheme/:id/issuetype', async (j, req, res) => {
    await written(j, () => s().addIssueTypes(j.actor, String(req.params.id), list(bodyObj(req), 'issueTypeIds').map(String)));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/issuetypescheme/:id/issuetype/:issueTypeId', async (j, req, res) => {
    await written(j, () => s().removeIssueType(j.actor, String(req.params.id), String(req.params.issueTypeId)));
    res.status(204).end();
  });
};
