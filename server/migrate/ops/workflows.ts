/** Operations on workflows: their statuses, their transitions and rules, and which workflow a type uses. */
import type { Status, Transition, TransitionRules, Workflow } from '../../model/index.ts';
import { assertNameFree, fail } from '../names.ts';
import { SPECS } from '../lookup.ts';
import { defineOp, list, q } from './define.ts';
import { inWorkflow, insertIndex, nextId, workflowOfIssue } from './common.ts';
import { dropFromWorkflow, remapStatus } from './statuses.ts';
import { resolveRules, type TransitionRulesInput } from './rules.ts';

export interface AddWorkflowStatusArgs {
  workflow: string;
  /** An existing status (see addStatus). */
  status: string;
  /** Place it before or after this status of the workflow; at the end when neither is given. */
  before?: string;
  after?: string;
}
export interface RemoveWorkflowStatusArgs {
  workflow: string;
  status: string;
  /** Where the workflow's issues in `status` go; required when there are any. Must be in the workflow. */
  mapTo?: string;
}
export interface AddTransitionArgs {
  workflow: string;
  /** Unique among the workflow's transitions. */
  name: string;
  /** Source statuses, or `'any'` for a global transition (available from every status). */
  from: string[] | 'any';
  to: string;
  /** The screen shown while transitioning, by name. */
  screen?: string;
  description?: string;
  rules?: TransitionRulesInput;
}
export interface RemoveTransitionArgs {
  workflow: string;
  transition: string;
}
export interface RenameTransitionArgs {
  workflow: string;
  from: string;
  to: string;
}
export interface SetTransitionRulesArgs extends TransitionRulesInput {
  workflow: string;
  transition: string;
}

const needIn = (site: Parameters<typeof fail>[0], wf: Workflow, s: Status, arg: string): void => {
  if (!inWorkflow(wf, s.id)) fail(site, `${arg}: status ${q(s.name)} is not in workflow ${q(wf.name)}`);
};

export const addWorkflowStatus = defineOp<AddWorkflowStatusArgs, { wf: Workflow; status: Status; at: number }>({
  kind: 'addWorkflowStatus',
  area: 'workflows',
  required: ['workflow', 'status'],
  optional: ['before', 'after'],
  describe: (a) =>
    `Add the status ${q(a.status)} to the workflow ${q(a.workflow)}${a.before ? ` before ${q(a.before)}` : a.after ? ` after ${q(a.after)}` : ''}.`,
  prepare: (_s, a, look, site) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const status = look.status(a.status, 'status');
    if (inWorkflow(wf, status.id)) fail(site, `status ${q(status.name)} is already in workflow ${q(wf.name)}`);
    const anchor = a.before ?? a.after;
    const anchorId = anchor === undefined ? undefined : look.status(anchor, a.before !== undefined ? 'before' : 'after').id;
    if (anchorId !== undefined) needIn(site, wf, look.status(anchorId), a.before !== undefined ? 'before' : 'after');
    const at = insertIndex(site, wf.statuses, (x) => x.status === anchorId, a, `workflow ${q(wf.name)}`);
    return { wf, status, at };
  },
  mutate: (_s, p) => void p.wf.statuses.splice(p.at, 0, { status: p.status.id }),
});

export const removeWorkflowStatus = defineOp<RemoveWorkflowStatusArgs, { wf: Workflow; status: Status; mapTo: Status | undefined }>({
  kind: 'removeWorkflowStatus',
  area: 'workflows',
  required: ['workflow', 'status'],
  optional: ['mapTo'],
  describe: (a) => `Remove the status ${q(a.status)} from the workflow ${q(a.workflow)}${a.mapTo ? `, moving its issues to ${q(a.mapTo)}` : ''}.`,
  prepare: (s, a, look, site) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const status = look.status(a.status, 'status');
    needIn(site, wf, status, 'status');
    const mapTo = a.mapTo === undefined ? undefined : look.status(a.mapTo, 'mapTo');
    if (mapTo) needIn(site, wf, mapTo, 'mapTo');
    if (mapTo === status) fail(site, `mapTo: cannot map ${q(status.name)} to itself`);
    const wfOf = workflowOfIssue(s.config);
    const n = s.issues.filter((i) => i.status === status.id && wfOf(i) === wf).length;
    if (n && !mapTo) fail(site, `mapTo is required: ${n} issue(s) of workflow ${q(wf.name)} are in status ${q(status.name)}`);
    return { wf, status, mapTo };
  },
  mutate: (s, { wf, status, mapTo }, rec) => {
    const wfOf = workflowOfIssue(s.config);
    if (mapTo) remapStatus(s.issues, status, mapTo, rec, (i) => wfOf(i) === wf);
    dropFromWorkflow(wf, status.id, mapTo?.id);
  },
});

export const addTransition = defineOp<AddTransitionArgs, { wf: Workflow; t: Transition }>({
  kind: 'addTransition',
  area: 'workflows',
  required: ['workflow', 'name', 'from', 'to'],
  optional: ['screen', 'description', 'rules'],
  describe: (a) =>
    `Add the transition ${q(a.name)} to the workflow ${q(a.workflow)}, from ${a.from === 'any' ? 'any status' : list(a.from)} to ${q(a.to)}${a.rules ? ', with rules' : ''}.`,
  prepare: (s, a, look, site) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const name = assertNameFree(site, { ...SPECS.transition, what: `transition of workflow '${wf.name}'` }, wf.transitions, a.name);
    const to = look.status(a.to, 'to');
    needIn(site, wf, to, 'to');
    const from = a.from === 'any' ? [] : look.statuses(a.from, 'from');
    for (const f of from) needIn(site, wf, f, 'from');
    if (a.from !== 'any' && from.length === 0) fail(site, `from: give at least one status, or 'any' for a global transition`);
    const t: Transition = {
      id: nextId(
        s.config.workflows.flatMap((w) => w.transitions.map((x) => x.id)),
        'transition',
      ),
      name,
      type: a.from === 'any' ? 'global' : 'directed',
      from: from.map((f) => f.id),
      to: to.id,
      ...(a.screen !== undefined ? { screen: look.screen(a.screen, 'screen').id } : {}),
      ...(a.description !== undefined ? { description: a.description } : {}),
      rules: resolveRules(look, a.rules ?? {}, { validators: [], postFunctions: [] }),
    };
    return { wf, t };
  },
  mutate: (_s, p) => void p.wf.transitions.push(p.t),
});

export const removeTransition = defineOp<RemoveTransitionArgs, { wf: Workflow; t: Transition }>({
  kind: 'removeTransition',
  area: 'workflows',
  required: ['workflow', 'transition'],
  optional: [],
  describe: (a) => `Remove the transition ${q(a.transition)} from the workflow ${q(a.workflow)}.`,
  prepare: (_s, a, look, site) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const t = look.transition(wf, a.transition, 'transition');
    if (t.type === 'initial') fail(site, `transition ${q(t.name)} creates issues in workflow ${q(wf.name)}; a workflow needs its initial transition`);
    return { wf, t };
  },
  mutate: (_s, p) => void p.wf.transitions.splice(p.wf.transitions.indexOf(p.t), 1),
});

export const renameTransition = defineOp<RenameTransitionArgs, { t: Transition; to: string }>({
  kind: 'renameTransition',
  area: 'workflows',
  required: ['workflow', 'from', 'to'],
  optional: [],
  describe: (a) => `Rename the transition ${q(a.from)} of the workflow ${q(a.workflow)} to ${q(a.to)}.`,
  prepare: (_s, a, look, site) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const t = look.transition(wf, a.from, 'from');
    return { t, to: assertNameFree(site, { ...SPECS.transition, what: `transition of workflow '${wf.name}'` }, wf.transitions, a.to, t, 'to') };
  },
  mutate: (_s, p) => void (p.t.name = p.to),
});

export const setTransitionRules = defineOp<SetTransitionRulesArgs, { t: Transition; rules: TransitionRules }>({
  kind: 'setTransitionRules',
  area: 'workflows',
  required: ['workflow', 'transition'],
  optional: ['conditions', 'validators', 'postFunctions'],
  describe: (a) =>
    `Set the ${[a.conditions !== undefined && 'conditions', a.validators && 'validators', a.postFunctions && 'post functions'].filter(Boolean).join(', ') || 'rules'} of the transition ${q(a.transition)} in the workflow ${q(a.workflow)}.`,
  prepare: (_s, a, look) => {
    const wf = look.workflow(a.workflow, 'workflow');
    const t = look.transition(wf, a.transition, 'transition');
    return { t, rules: resolveRules(look, a, t.rules) };
  },
  mutate: (_s, p) => void (p.t.rules = p.rules),
});

export { setWorkflow, type SetWorkflowArgs } from './set-workflow.ts';
