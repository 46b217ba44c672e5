/** Workflows (legacy search and the current API) and workflow schemes. Admin only, as in Jira. */
import type { Request, Router } from 'express';
import type { ConditionTree, Transition, Workflow, WorkflowScheme } from '../../model/index.ts';
import type { SandboxContext } from '../context.ts';
import { notFound } from './errors.ts';
import { numId, pageOf, q, qList, requireAdmin, route, type J } from './handler.ts';
import { conditionTreeJson, currentConditions, currentRule, postFunctionRule, validatorRule } from '../../jira-wire/index.ts';

const legacyTransition = (j: J, t: Transition, rules: boolean) => {
  const tr = j.ctx.tracker;
  const screen = t.screen ? tr.config.screens.find((s) => s.id === t.screen) : undefined;
  return {
    id: t.id,
    name: t.name,
    description: t.description ?? '',
    from: [...t.from],
    to: t.to,
    type: t.type,
    ...(screen ? { screen: { id: screen.id, name: screen.name } } : {}),
    ...(rules
      ? {
          rules: {
            ...(t.rules.conditions ? { conditionsTree: conditionTreeJson((id) => tr.group(id)?.name, t.rules.conditions as ConditionTree) } : {}),
            validators: t.rules.validators.map(validatorRule),
            postFunctions: t.rules.postFunctions.map(postFunctionRule),
          },
        }
      : {}),
  };
};

const isDefaultWorkflow = (j: J, w: Workflow) => j.ctx.tracker.config.workflowSchemes.some((s) => s.defaultWorkflow === w.id);

export const legacyWorkflowJson = (j: J, w: Workflow, expand: readonly string[]) => ({
  id: { name: w.name, entityId: w.id },
  description: w.description ?? '',
  ...(expand.includes('transitions') || expand.includes('transitions.rules')
    ? { transitions: w.transitions.map((t) => legacyTransition(j, t, expand.includes('transitions.rules'))) }
    : {}),
  ...(expand.includes('statuses')
    ? { statuses: w.statuses.map((s) => ({ id: s.status, name: j.ctx.tracker.status(s.status)?.name ?? s.status, properties: {} })) }
    : {}),
  isDefault: isDefaultWorkflow(j, w),
});

const TYPE = { initial: 'INITIAL', global: 'GLOBAL', directed: 'DIRECTED' } as const;

export const currentWorkflowJson = (j: J, w: Workflow, version = j.ctx.tracker.admin.workflows.version(w.id)) => {
  return {
    id: w.id,
    name: w.name,
    description: w.description ?? '',
    version,
    scope: { type: 'GLOBAL' },
    isEditable: true,
    statuses: w.statuses.map((s) => ({ statusReference: s.status, ...(s.layout ? { layout: s.layout } : {}), properties: {}, deprecated: false })),
    transitions: w.transitions.map((t) => {
      const legacy = legacyTransition(j, t, true);
      return {
        id: t.id,
        name: t.name,
        description: t.description ?? '',
        type: TYPE[t.type],
        toStatusReference: t.to,
        links: t.from.map((f) => ({ fromStatusReference: f, fromPort: 0, toPort: 0 })),
        conditions: currentConditions(legacy.rules?.conditionsTree),
        validators: t.rules.validators.map((v) => currentRule(validatorRule(v))),
        actions: t.rules.postFunctions.map((p) => currentRule(postFunctionRule(p))),
        ...(t.screen ? { transitionScreen: { ruleKey: 'system:transition-screen', parameters: { screenId: t.screen } } } : {}),
        triggers: [],
        properties: {},
      };
    }),
  };
};

const statusesOf = (j: J, workflows: Workflow[]) => {
  const ids = [...new Set(workflows.flatMap((w) => w.statuses.map((s) => s.status)))];
  return ids.flatMap((id) => {
    const s = j.ctx.tracker.status(id);
    return s
      ? [
          {
            id: s.id,
            name: s.name,
            statusReference: s.id,
            description: s.description ?? '',
            scope: { type: 'GLOBAL' },
            statusCategory: s.category === 'todo' ? 'TODO' : s.category === 'done' ? 'DONE' : 'IN_PROGRESS',
          },
        ]
      : [];
  });
};

const pickWorkflows = (j: J, names: string[], ids: string[]): Workflow[] =>
  j.ctx.tracker.config.workflows.filter((w) => (!names.length && !ids.length) || names.includes(w.name) || ids.includes(w.id));

const workflowName = (j: J, id: string) => j.ctx.tracker.config.workflows.find((w) => w.id === id)?.name ?? id;

export const workflowSchemeJson = (j: J, s: WorkflowScheme) => ({
  id: numId(s.id),
  name: s.name,
  description: s.description ?? '',
  defaultWorkflow: workflowName(j, s.defaultWorkflow),
  issueTypeMappings: Object.fromEntries(s.mappings.map((m) => [m.issueType, workflowName(j, m.workflow)])),
  self: `${j.api}/workflowscheme/${s.id}`,
});

const bodyList = (req: Request, key: string): string[] => {
  const v = (req.body as Record<string, unknown> | undefined)?.[key];
  return Array.isArray(v) ? v.map(String) : [];
};

export const workflowRoutes = (r: Router, ctx: SandboxContext): void => {
  r.get(
    '/workflow/search',
    route(ctx, (j) => {
      requireAdmin(j);
      const names = qList(j.req, 'workflowName');
      const text = (q(j.req, 'queryString') ?? '').toLowerCase();
      const list = pickWorkflows(j, names, []).filter((w) => !text || w.name.toLowerCase().includes(text));
      return pageOf(j, list, (w) => legacyWorkflowJson(j, w, qList(j.req, 'expand')));
    }),
  );
  r.post(
    '/workflows',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const list = pickWorkflows(j, bodyList(req, 'workflowNames'), bodyList(req, 'workflowIds'));
      return { statuses: statusesOf(j, list), workflows: list.map((w) => currentWorkflowJson(j, w)) };
    }),
  );
  r.get(
    '/workflows/search',
    route(ctx, (j) => {
      requireAdmin(j);
      const text = (q(j.req, 'queryString') ?? '').toLowerCase();
      const list = j.ctx.tracker.config.workflows.filter((w) => !text || w.name.toLowerCase().includes(text));
      return { ...pageOf(j, list, (w) => currentWorkflowJson(j, w)), statuses: statusesOf(j, list) };
    }),
  );
  r.get(
    '/workflowscheme',
    route(ctx, (j) => {
      requireAdmin(j);
      return pageOf(j, j.ctx.tracker.config.workflowSchemes, (s) => workflowSchemeJson(j, s));
    }),
  );
  r.get(
    '/workflowscheme/project',
    route(ctx, (j) => {
      requireAdmin(j);
      const ids = qList(j.req, 'projectId');
      const config = j.ctx.tracker.config;
      const values = config.workflowSchemes.flatMap((s) => {
        const projectIds = config.projects.filter((p) => p.schemes.workflowScheme === s.id && (!ids.length || ids.includes(p.id))).map((p) => p.id);
        return projectIds.length ? [{ projectIds, workflowScheme: workflowSchemeJson(j, s) }] : [];
      });
      return { values };
    }),
  );
  r.get(
    '/workflowscheme/:id',
    route(ctx, (j, req) => {
      requireAdmin(j);
      const s = j.ctx.tracker.config.workflowSchemes.find((x) => x.id === String(req.params.id));
      if (!s) throw notFound(`The workflow scheme with id '${String(req.params.id)}' does not exist.`);
      return workflowSchemeJson(j, s);
    }),
  );
};
