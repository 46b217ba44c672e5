/** Field configurations and their schemes (Cloud): create, rename, delete, items, mappings, project assignment. */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { describedBy } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { numId } from '../handler.ts';
import { bodyObj, list, objAt, optBool, reqStr, serve, written } from './wire.ts';

export const fieldConfigurationRoutes = (r: Router, ctx: SandboxContext): void => {
  const fc = () => ctx.tracker.admin.fieldConfigurations;
  const fcs = () => ctx.tracker.admin.fieldConfigurationSchemes;
  serve(r, ctx, 'post', '/fieldconfiguration', async (j, req) => {
    const body = bodyObj(req);
    const made = await written(j, () => fc().create(j.actor, { name: body.name, description: body.description }));
    return { id: numId(made.id), name: made.name, description: made.description ?? '', isDefault: false };
  });
  serve(r, ctx, 'put', '/fieldconfiguration/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => fc().update(j.actor, String(req.params.id), { name: body.name, description: body.description }));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/fieldconfiguration/:id', async (j, req, res) => {
    await written(j, () => fc().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/fieldconfiguration/:id/fields', async (j, req, res) => {
    const items = list(bodyObj(req), 'fieldConfigurationItems').map((v, i) => {
      const o = objAt(v, `fieldConfigurationItems[${i}]`);
      const isRequired = optBool(o, 'isRequired');
      const isHidden = optBool(o, 'isHidden');
      return {
        id: reqStr(o, 'id'),
        ...(isRequired !== undefined ? { isRequired } : {}),
        ...(isHidden !== undefined ? { isHidden } : {}),
        ...(o.description !== undefined ? { description: o.description } : {}),
      };
    });
    await written(j, () => fc().setItems(j.actor, String(req.params.id), items));
    res.status(204).end();
  });

  serve(r, ctx, 'post', '/fieldconfigurationscheme', async (j, req, res) => {
    const body = bodyObj(req);
    const made = await written(j, () => fcs().create(j.actor, { name: body.name, description: body.description }));
    res.status(201).json({ id: made.id, name: made.name, description: describedBy(made) });
  });
  // Before /fieldconfigurationscheme/:id, which would take 'project' for an id.
  serve(r, ctx, 'put', '/fieldconfigurationscheme/project', async (j, req, res) => {
    const body = bodyObj(req);
    const scheme = body.fieldConfigurationSchemeId === null ? null : reqStr(body, 'fieldConfigurationSchemeId');
    await written(j, () => fcs().assign(j.actor, reqStr(body, 'projectId'), scheme));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/fieldconfigurationscheme/:id', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => fcs().update(j.actor, String(req.params.id), { name: body.name, description: body.description }));
    res.status(204).end();
  });
  serve(r, ctx, 'delete', '/fieldconfigurationscheme/:id', async (j, req, res) => {
    await written(j, () => fcs().delete(j.actor, String(req.params.id)));
    res.status(204).end();
  });
  serve(r, ctx, 'put', '/fieldconfigurationscheme/:id/mapping', async (j, req, res) => {
    const mappings = list(bodyObj(req), 'mappings').map((v, i) => {
      const o = objAt(v, `mappings[${i}]`);
      return { issueTypeId: reqStr(o, 'issueTypeId'), fieldConfigurationId: reqStr(o, 'fieldConfigurationId') };
    });
    await written(j, () => fcs().setMappings(j.actor, String(req.params.id), mappings));
    res.status(204).end();
  });
  serve(r, ctx, 'post', '/fieldconfigurationscheme/:id/mapping/delete', async (j, req, res) => {
    const ids = list(bodyObj(req), 'issueTypeIds').map(String);
    if (!ids.length) throw badRequest('The issueTypeIds must not be empty.');
    await written(j, () => fcs().removeMappings(j.actor, String(req.params.id), ids));
    res.status(204).end();
  });
};
