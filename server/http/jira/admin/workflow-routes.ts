/**
 * Workflows through Jira Cloud's current API (`/workflows/create`, `/workflows/update` and their
 * `/validation` twins, `DELETE /workflow/{entityId}`), and the deprecated list clients still call
 * (`GET /workflow`, Cloud and Data Center).
 */
import type { Router } from 'express';
import type { Status } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import type { WorkflowsResult } from '../../../tracker/index.ts';
import { jiraTime } from '../../../jira-wire/index.ts';
import { requireAdmin, type J } from '../handler.ts';
import { currentWorkflowJson } from '../routes-workflows.ts';
import { bodyObj, isObj, serve, written } from './wire.ts';
import { CATEGORY_KEY } from './render.ts';
import { workflowsRequestOf } from './workflow-parse.ts';

const workflowStatusJson = (s: Status) => ({
  id: s.id,
  name: s.name,
  description: s.description ?? '',
  scope: { type: 'GLOBAL' },
  statusCategory: CATEGORY_KEY[s.category],
  statusReference: s.id,
});

const resultJson = (j: J, r: WorkflowsResult) => ({
  statuses: r.statuses.map(workflowStatusJson),
  workflows: r.workflows.map((w) => currentWorkflowJson(j, w.workflow, w.version)),
  ...(r.task ? { taskId: r.task.id } : {}),
});

const validationOptions = (body: Record<string, unknown>): Array<'ERROR' | 'WARNING'> => {
  const levels =
    isObj(body.validationOptions) && Array.isArray(body.validationOptions.levels) ? body.validationOptions.levels.map(String) : ['ERROR', 'WARNING'];
  return levels.filter((l): l is 'ERROR' | 'WARNING' => l === 'ERROR' || l === 'WARNING');
};

export const workflowRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(r, ctx, 'post', '/workflows/create', async (j, req) => {
    const request = workflowsRequestOf(bodyObj(req), 'create');
    return resultJson(j, await written(j, () => j.ctx.tracker.admin.workflows.create(j.actor, request)));
  });
  serve(r, ctx, 'post', '/workflows/update', async (j, req) => {
    const request = workflowsRequestOf(bodyObj(req), 'update');
    return resultJson(j, await written(j, () => j.ctx.tracker.admin.workflows.update(j.actor, request)));
  });
  for (const mode of ['create', 'update'] as const) {
    serve(r, ctx, 'post', `/workflows/${mode}/validation`, (j, req) => {
      const body = bodyObj(req);
      const payload = isObj(body.payload) ? body.payload : {};
      const levels = validationOptions(body);
      let request: ReturnType<typeof workflowsRequestOf>;
      try {
        request = workflowsRequestOf(payload, mode);
      } catch (e) {
        if (!j.ctx.tracker.isAdmin(j.actor)) throw e;
        const message = (e as { body?: { errorMessages: string[]; errors: Record<string, string> } }).body;
        return {
          errors: [
            {
              code: 'INVALID_PAYLOAD',
              level: 'ERROR',
              message: [...(message?.errorMessages ?? []), ...Object.values(message?.errors ?? {})].join(' '),
              type: 'WORKFLOW',
            },
          ],
        };
      }
      const errors = j.ctx.tracker.admin.workflows.validate(j.actor, request, mode).filter((p) => levels.includes(p.level));
      return { errors };
    });
  }
  serve(r, ctx, 'delete', '/workflow/:entityId', async (j, req, res) => {
    await written(j, () => j.ctx.tracker.admin.workflows.delete(j.actor, String(req.params.entityId)));
    res.status(204).end();
  });
  serve(r, ctx, 'get', '/workflow/:id/workflowSchemes', (j, req) => ({
    workflowId: String(req.params.id),
    workflowSchemes: { values: j.ctx.tracker.admin.workflows.usages(j.actor, String(req.params.id)).schemes.map((id) => ({ id })) },
  }));
  serve(r, ctx, 'get', '/workflow/:id/projectUsages', (j, req) => ({
    workflowId: String(req.params.id),
    projects: { values: j.ctx.tracker.admin.workflows.usages(j.actor, String(req.params.id)).projects.map((id) => ({ id })) },
  }));
  serve(
    r,
    ctx,
    'get',
    '/workflow',
    (j) => {
      requireAdmin(j);
      return j.ctx.tracker.admin.workflows.list().map((w) => ({
        name: w.name,
        description: w.description ?? '',
        steps: w.statuses.length,
        default: false,
        lastModifiedDate: jiraTime(j.ctx.tracker.now()),
      }));
    },
    'both',
  );
};
