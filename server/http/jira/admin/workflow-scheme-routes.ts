/**
 * Workflow schemes: legacy writes (Cloud and Data Center; workflows named by name), the current
 * API (`/workflowscheme/read`, `/update`, `/update/mappings`), the project switch (a task) and the
 * assignment to a project without issues (Cloud only).
 */
import type { Request, Router } from 'express';
import type { WorkflowScheme } from '../../../model/index.ts';
import type { SandboxContext } from '../../context.ts';
import type { SchemeMappings } from '../../../tracker/index.ts';
import type { J } from '../handler.ts';
import { notFound } from '../errors.ts';
import { workflowSchemeJson } from '../routes-workflows.ts';
import { bodyObj, isObj, list, objAt, optBool, reqStr, seeTask, serve, written, type Obj } from './wire.ts';

const wfIdOf = (j: J, name: unknown): string | undefined => {
  if (name === undefined || name === null) return undefined;
  const n = String(name);
  return j.ctx.tracker.admin.workflows.list().find((w) => w.name === n || w.id === n)?.id ?? n;
};

const legacyFields = (j: J, body: Obj) => ({
  ...(body.name !== undefined ? { name: body.name } : {}),
  ...(body.description !== undefined ? { description: body.description } : {}),
  ...(body.defaultWorkflow !== undefined ? { defaultWorkflow: wfIdOf(j, body.defaultWorkflow) } : {}),
  ...(isObj(body.issueTypeMappings)
    ? { mappings: Object.entries(body.issueTypeMappings).map(([issueType, wf]) => ({ issueType, workflow: wfIdOf(j, wf)! })) }
    : {}),
});

const draftFlag = (req: Request, body?: Obj): boolean | undefined =>
  (body ? optBool(body, 'updateDraftIfNeeded') : undefined) ?? (req.query.updateDraftIfNeeded === 'true' ? true : undefined);

const statusMaps = (v: unknown, where: string) =>
  (Array.isArray(v) ? v : []).map((m, i) => {
    const o = objAt(m, `${where}[${i}]`);
    return { oldStatusId: reqStr(o, 'oldStatusId'), newStatusId: reqStr(o, 'newStatusId') };
  });

const byIssueType = (v: unknown, where: string): SchemeMappings['byIssueType'] =>
  (Array.isArray(v) ? v : []).map((m, i) => {
    const o = objAt(m, `${where}[${i}]`);
    return { issueTypeId: reqStr(o, 'issueTypeId'), statusMappings: statusMaps(o.statusMappings, `${where}[${i}].statusMappings`) };
  });

const associations = (body: Obj): Array<{ issueType: string; workflow: string }> =>
  list(body, 'workflowsForIssueTypes').flatMap((a, i) => {
    const o = objAt(a, `workflowsForIssueTypes[${i}]`);
    const workflow = reqStr(o, 'workflowId');
    return list(o, 'issueTypeIds').map((t) => ({ issueType: String(t), workflow }));
  });

const readJson = (j: J, s: WorkflowScheme) => {
  const meta = (id: string) => {
    const w = j.ctx.tracker.admin.workflows.list().find((x) => x.id === id);
    return { id, name: w?.name ?? id, description: w?.description ?? '', version: j.ctx.tracker.admin.workflows.version(id) };
  };
  const byWorkflow = new Map<string, string[]>();
  for (const m of s.mappings) byWorkflow.set(m.workflow, [...(byWorkflow.get(m.workflow) ?? []), m.issueType]);
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    scope: { type: 'GLOBAL' },
    version: j.ctx.tracker.admin.workflowSchemes.version(s.id),
    defaultWorkflow: meta(s.defaultWorkflow),
    workflowsForIssueTypes: [...byWorkflow].map(([wf, issueTypeIds]) => ({ issueTypeIds, workflow: meta(wf) })),
  };
};

export const workflowSchemeRoutes = (r: Router, ctx: SandboxContext): void => {
  // Before PUT /workflowscheme/:id, which would take 'project' for an id.
  serve(r, ctx, 'put', '/workflowscheme/project', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => j.ctx.tracker.admin.workflowSchemes.assign(j.actor, reqStr(body, 'projectId'), reqStr(body, 'workflowSchemeId')));
    res.status(204).end();
  });
  serve(
    r,
    ctx,
    'post',
    '/workflowscheme',
    async (j, req, res) => {
      const s = await written(j, () => j.ctx.tracker.admin.workflowSchemes.create(j.actor, legacyFields(j, bodyObj(req))));
      res.status(201).json(workflowSchemeJson(j, s));
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/workflowscheme/:id',
    async (j, req) => {
      const body = bodyObj(req);
      return workflowSchemeJson(
        j,
        await written(j, () =>
          j.ctx.tracker.admin.workflowSchemes.updateLegacy(j.actor, String(req.params.id), legacyFields(j, body), draftFlag(req, body)),
        ),
      );
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/workflowscheme/:id',
    async (j, req, res) => {
      await written(j, () => j.ctx.tracker.admin.workflowSchemes.delete(j.actor, String(req.params.id)));
      res.status(204).end();
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/workflowscheme/:id/default',
    async (j, req) => {
      const body = bodyObj(req);
      const workflow = wfIdOf(j, reqStr(body, 'workflow'));
      return workflowSchemeJson(
        j,
        await written(j, () =>
          j.ctx.tracker.admin.workflowSchemes.updateLegacy(j.actor, String(req.params.id), { defaultWorkflow: workflow }, draftFlag(req, body)),
        ),
      );
    },
    'both',
  );
  serve(
    r,
    ctx,
    'get',
    '/workflowscheme/:id/issuetype/:issueType',
    (j, req) => {
      const s = j.ctx.tracker.admin.workflowSchemes.read(j.actor, [String(req.params.id)], [])[0];
      const type = String(req.params.issueType);
      const m = s?.mappings.find((x) => x.issueType === type);
      if (!s || !m) throw notFound(`The workflow scheme ${String(req.params.id)} maps no workflow to the issue type ${type}.`);
      return { issueType: type, workflow: j.ctx.tracker.admin.workflows.list().find((w) => w.id === m.workflow)?.name ?? m.workflow };
    },
    'both',
  );
  serve(
    r,
    ctx,
    'put',
    '/workflowscheme/:id/issuetype/:issueType',
    async (j, req) => {
      const body = bodyObj(req);
      const type = String(req.params.issueType);
      const workflow = wfIdOf(j, reqStr(body, 'workflow'))!;
      return workflowSchemeJson(
        j,
        await written(j, () =>
          j.ctx.tracker.admin.workflowSchemes.updateLegacy(
            j.actor,
            String(req.params.id),
            (s) => ({ mappings: [...s.mappings.filter((m) => m.issueType !== type), { issueType: type, workflow }] }),
            draftFlag(req, body),
          ),
        ),
      );
    },
    'both',
  );
  serve(
    r,
    ctx,
    'delete',
    '/workflowscheme/:id/issuetype/:issueType',
    async (j, req) => {
      const type = String(req.params.issueType);
      return workflowSchemeJson(
        j,
        await written(j, () =>
          j.ctx.tracker.admin.workflowSchemes.updateLegacy(
            j.actor,
            String(req.params.id),
            (s) => ({ mappings: s.mappings.filter((m) => m.issueType !== type) }),
            draftFlag(req),
          ),
        ),
      );
    },
    'both',
  );

  serve(r, ctx, 'post', '/workflowscheme/read', (j, req) => {
    const body = bodyObj(req);
    const ids = (Array.isArray(body.workflowSchemeIds) ? body.workflowSchemeIds : []).map(String);
    const projects = (Array.isArray(body.projectIds) ? body.projectIds : []).map(String);
    return j.ctx.tracker.admin.workflowSchemes.read(j.actor, ids, projects).map((s) => readJson(j, s));
  });
  serve(r, ctx, 'post', '/workflowscheme/update', async (j, req, res) => {
    const body = bodyObj(req);
    const version = isObj(body.version)
      ? {
          ...(body.version.id !== undefined ? { id: String(body.version.id) } : {}),
          ...(typeof body.version.versionNumber === 'number' ? { versionNumber: body.version.versionNumber } : {}),
        }
      : undefined;
    const update = {
      id: reqStr(body, 'id'),
      name: body.name,
      description: body.description,
      ...(body.defaultWorkflowId !== undefined ? { defaultWorkflow: String(body.defaultWorkflowId) } : {}),
      mappings: body.workflowsForIssueTypes === undefined ? [] : associations(body),
      ...(version ? { version } : {}),
      statusMappings: {
        byIssueType: byIssueType(body.statusMappingsByIssueTypeOverride, 'statusMappingsByIssueTypeOverride'),
        byWorkflow: (Array.isArray(body.statusMappingsByWorkflows) ? body.statusMappingsByWorkflows : []).map((m, i) => {
          const o = objAt(m, `statusMappingsByWorkflows[${i}]`);
          return {
            oldWorkflowId: reqStr(o, 'oldWorkflowId'),
            newWorkflowId: reqStr(o, 'newWorkflowId'),
            statusMappings: statusMaps(o.statusMappings, `statusMappingsByWorkflows[${i}].statusMappings`),
          };
        }),
      },
    };
    const task = await written(j, () => j.ctx.tracker.admin.workflowSchemes.update(j.actor, update));
    if (task) seeTask(j, res, task);
    else res.status(200).json({});
  });
  serve(r, ctx, 'post', '/workflowscheme/update/mappings', (j, req) => {
    const body = bodyObj(req);
    const required = j.ctx.tracker.admin.workflowSchemes.requiredMappings(
      j.actor,
      reqStr(body, 'id'),
      body.defaultWorkflowId === undefined ? undefined : String(body.defaultWorkflowId),
      associations(body),
    );
    const statuses = new Map<string, { id: string; name: string; category: string }>();
    for (const q of required)
      for (const w of [q.from, q.to])
        for (const s of w.statuses) {
          const st = j.ctx.tracker.admin.statuses.by([s.status], [])[0];
          if (st)
            statuses.set(st.id, {
              id: st.id,
              name: st.name,
              category: st.category === 'todo' ? 'TODO' : st.category === 'done' ? 'DONE' : 'IN_PROGRESS',
            });
        }
    const wfs = new Map(required.flatMap((q) => [q.from, q.to]).map((w) => [w.id, w]));
    return {
      statusMappingsByIssueTypes: required.map((q) => ({ issueTypeId: q.issueType, statusIds: q.statusIds })),
      statusMappingsByWorkflows: required.map((q) => ({ sourceWorkflowId: q.from.id, targetWorkflowId: q.to.id, statusIds: q.statusIds })),
      statuses: [...statuses.values()],
      statusesPerWorkflow: [...wfs.values()].map((w) => ({
        workflowId: w.id,
        initialStatusId: w.transitions.find((t) => t.type === 'initial')?.to ?? '',
        statuses: w.statuses.map((s) => s.status),
      })),
    };
  });
  serve(r, ctx, 'post', '/workflowscheme/project/switch', async (j, req, res) => {
    const body = bodyObj(req);
    const task = await written(j, () =>
      j.ctx.tracker.admin.workflowSchemes.switchProject(j.actor, reqStr(body, 'projectId'), reqStr(body, 'targetSchemeId'), {
        byIssueType: byIssueType(body.mappingsByIssueTypeOverride, 'mappingsByIssueTypeOverride'),
        byWorkflow: [],
      }),
    );
    seeTask(j, res, task);
  });
};
