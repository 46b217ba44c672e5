/**
 * Jira's current workflow API request bodies → WorkflowsRequest. Transitions and rules go through
 * the same converter the clone adapter reads `/workflows` answers with (the inverse of
 * ../workflow-rules.ts), so what the sandbox answers and what it accepts are one mapping. Rules
 * the model has no equivalent for (apps' rules) are refused with their keys, never dropped.
 */
import { currentWorkflowsOf, Skipped } from '../../../jira-wire/index.ts';
import type { WorkflowInput, WorkflowStatusInput, WorkflowsRequest } from '../../../tracker/index.ts';
import { badRequest } from '../errors.ts';
import { categoryOfKey } from './render.ts';
import { isObj, list, objAt, optStr, reqStr, type Obj } from './wire.ts';

const statusOf = (v: unknown, n: number): WorkflowStatusInput => {
  const o = objAt(v, `statuses[${n}]`);
  const category = categoryOfKey(o.statusCategory);
  if (!category) throw badRequest('', { statusCategory: `The status category of statuses[${n}] must be one of TODO, IN_PROGRESS, DONE.` });
  const id = optStr(o, 'id');
  return {
    ref: reqStr(o, 'statusReference', `statuses[${n}] needs a statusReference.`),
    ...(id !== undefined ? { id } : {}),
    name: o.name,
    category,
    description: o.description,
  };
};

const migrationsOf = (v: unknown, where: string) =>
  (Array.isArray(v) ? v : []).map((m, n) => {
    const o = objAt(m, `${where}[${n}]`);
    return { old: reqStr(o, 'oldStatusReference'), new: reqStr(o, 'newStatusReference') };
  });

const layoutOf = (v: unknown): { x: number; y: number } | undefined =>
  isObj(v) && typeof v.x === 'number' && typeof v.y === 'number' ? { x: v.x, y: v.y } : undefined;

const workflowOf = (v: unknown, n: number, mode: 'create' | 'update'): WorkflowInput => {
  const w = objAt(v, `workflows[${n}]`);
  const rawTransitions = list(w, 'transitions').map((t, i) => objAt(t, `workflows[${n}].transitions[${i}]`));
  for (const [i, t] of rawTransitions.entries()) {
    if (t.type !== undefined && !['INITIAL', 'GLOBAL', 'DIRECTED'].includes(String(t.type)))
      throw badRequest('', { type: `workflows[${n}].transitions[${i}].type must be INITIAL, GLOBAL or DIRECTED.` });
    if (typeof t.name !== 'string' || !t.name.trim()) throw badRequest('', { name: `workflows[${n}].transitions[${i}] needs a name.` });
    if (t.toStatusReference === undefined) throw badRequest('', { toStatusReference: `Transition '${t.name}' needs a toStatusReference.` });
  }
  const skipped = new Skipped();
  const [parsed] = currentWorkflowsOf({ statuses: [], workflows: [{ id: 'new', name: 'new', ...w, transitions: rawTransitions }] }, skipped);
  const notes = skipped.notes();
  if (notes.length)
    throw badRequest(`The Understudy sandbox models Jira's built-in workflow rules only; this request uses others: ${notes.join('; ')}.`);
  const transitions = parsed!.transitions.map((t, i) => ({
    ...t,
    id: rawTransitions[i]!.id === undefined || rawTransitions[i]!.id === null ? '' : String(rawTransitions[i]!.id),
  }));
  const version = isObj(w.version)
    ? {
        ...(w.version.id !== undefined ? { id: String(w.version.id) } : {}),
        ...(typeof w.version.versionNumber === 'number' ? { versionNumber: w.version.versionNumber } : {}),
      }
    : undefined;
  const statusMappings = (Array.isArray(w.statusMappings) ? w.statusMappings : []).map((m, i) => {
    const o = objAt(m, `statusMappings[${i}]`);
    return {
      projectId: reqStr(o, 'projectId'),
      issueTypeId: reqStr(o, 'issueTypeId'),
      migrations: migrationsOf(o.statusMigrations, `statusMappings[${i}].statusMigrations`),
    };
  });
  return {
    ...(mode === 'update' ? { id: reqStr(w, 'id', `workflows[${n}] needs the id of the workflow to update.`) } : {}),
    ...(version ? { version } : {}),
    ...(mode === 'create' ? { name: w.name } : {}),
    ...(typeof w.description === 'string' ? { description: w.description } : {}),
    statuses: list(w, 'statuses').map((s, i) => {
      const o = objAt(s, `workflows[${n}].statuses[${i}]`);
      const layout = layoutOf(o.layout);
      return { ref: reqStr(o, 'statusReference'), ...(layout ? { layout } : {}) };
    }),
    transitions,
    statusMappings,
    defaultStatusMappings: migrationsOf(w.defaultStatusMappings, 'defaultStatusMappings'),
  };
};

export const workflowsRequestOf = (body: Obj, mode: 'create' | 'update'): WorkflowsRequest => {
  if (mode === 'create') {
    const scope = body.scope;
    if (isObj(scope) && scope.type === 'PROJECT')
      throw badRequest(
        'Workflows of team-managed projects (scope PROJECT) are not supported by the Understudy sandbox: its projects are company-managed. Use scope GLOBAL.',
      );
  }
  return {
    statuses: list(body, 'statuses', false).map(statusOf),
    workflows: list(body, 'workflows').map((w, n) => workflowOf(w, n, mode)),
  };
};
