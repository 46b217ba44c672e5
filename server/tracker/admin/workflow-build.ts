/**
 * Turning a workflow request into model workflows inside a transaction: the request's statuses
 * (existing ones, whose details it may change, and new ones), status references resolved to ids,
 * transition ids handed out where the request gave none (1 for the initial one, then 11, 21, …).
 */
import type { Status, Transition, Workflow } from '../../model/index.ts';
import { notFound, TrackerError } from '../errors.ts';
import { descriptionOf, nameOf, nameTaken, setText } from './common.ts';
import type { Tx } from './tx.ts';
import type { WorkflowInput, WorkflowsRequest } from './workflow-input.ts';

export type ProblemType = 'WORKFLOW' | 'STATUS' | 'TRANSITION' | 'STATUS_MAPPING' | 'RULE' | 'SCOPE' | 'STATUS_LAYOUT';

/** A refusal that `/validation` reports as a WorkflowValidationError of this type. */
export class WorkflowProblem extends TrackerError {
  constructor(
    readonly type: ProblemType,
    message: string,
    readonly element: Record<string, unknown> = {},
    status: 400 | 404 | 409 = 400,
  ) {
    super(status, { errorMessages: [message], errors: {} });
  }
}

/** Status reference → status id, creating and updating the request's statuses on the draft. */
export const resolveStatuses = (tx: Tx, request: WorkflowsRequest): { sid: (ref: string) => string; statuses: Status[] } => {
  const byRef = new Map<string, string>();
  const touched: Status[] = [];
  for (const s of request.statuses) {
    const name = nameOf(s.name, 'status');
    let status: Status | undefined;
    if (s.id !== undefined) {
      status = tx.config.statuses.find((x) => x.id === s.id);
      if (!status) throw new WorkflowProblem('STATUS', `Status with ID ${s.id} was not found`, { statusReference: s.ref }, 404);
      if (nameTaken(tx.config.statuses, name, status.id))
        throw new WorkflowProblem('STATUS', `A status with the name '${name}' already exists.`, { statusReference: s.ref });
      status.name = name;
    } else {
      if (nameTaken(tx.config.statuses, name))
        throw new WorkflowProblem('STATUS', `A status with the name '${name}' already exists.`, { statusReference: s.ref });
      status = { id: tx.nextId('status'), name, category: s.category };
      tx.config.statuses.push(status);
    }
    status.category = s.category;
    // An existing status keeps its description unless the request names one ('' clears it).
    if (s.id === undefined || s.description !== undefined) setText(status, 'description', descriptionOf(s.description));
    byRef.set(s.ref, status.id);
    touched.push(status);
  }
  const known = new Set(tx.config.statuses.map((s) => s.id));
  const sid = (ref: string): string => {
    const id = byRef.get(ref) ?? (known.has(ref) ? ref : undefined);
    if (id === undefined)
      throw new WorkflowProblem('STATUS', `The status reference '${ref}' is not one of the request's statuses or an existing status ID.`, {
        statusReference: ref,
      });
    return id;
  };
  return { sid, statuses: touched };
};

const nextTransitionIds =
  (taken: Set<string>) =>
  (initial: boolean): string => {
    if (initial && !taken.has('1')) {
      taken.add('1');
      return '1';
    }
    let n = Math.max(1, ...[...taken].map(Number).filter(Number.isFinite));
    n = Math.floor(n / 10) * 10 + 11;
    while (taken.has(String(n))) n += 10;
    taken.add(String(n));
    return String(n);
  };

/** The model workflow a request describes (statuses in the request's order). */
export const buildWorkflow = (
  input: WorkflowInput,
  sid: (ref: string) => string,
  base: { id: string; name: string; description?: string },
): Workflow => {
  const seen = new Set<string>();
  const statuses = input.statuses.map((s) => {
    const status = sid(s.ref);
    if (seen.has(status))
      throw new WorkflowProblem('STATUS_LAYOUT', `The status '${s.ref}' is listed twice in workflow '${base.name}'.`, { statusReference: s.ref });
    seen.add(status);
    return { status, ...(s.layout ? { layout: s.layout } : {}) };
  });
  const given = input.transitions.map((t) => t.id).filter((id) => id !== '');
  const dup = given.find((id, i) => given.indexOf(id) !== i);
  if (dup !== undefined)
    throw new WorkflowProblem('TRANSITION', `Workflow '${base.name}' has two transitions with the ID ${dup}.`, { transitionId: dup });
  const next = nextTransitionIds(new Set(given));
  const transitions: Transition[] = input.transitions.map((t) => {
    const resolved: Transition = { ...t, id: t.id !== '' ? t.id : next(t.type === 'initial'), from: t.from.map(sid), to: sid(t.to) };
    if (!seen.has(resolved.to))
      throw new WorkflowProblem(
        'TRANSITION',
        `Transition '${t.name}' of workflow '${base.name}' goes to a status that is not in the workflow ('${t.to}').`,
        { transitionId: resolved.id },
      );
    for (const f of resolved.from)
      if (!seen.has(f))
        throw new WorkflowProblem(
          'TRANSITION',
          `Transition '${t.name}' of workflow '${base.name}' starts from a status that is not in the workflow ('${f}').`,
          { transitionId: resolved.id },
        );
    return resolved;
  });
  const wf: Workflow = { id: base.id, name: base.name, statuses, transitions };
  setText(wf, 'description', input.description !== undefined ? input.description : base.description);
  return wf;
};

export const workflowOr404 = (tx: Tx, id: string | undefined): Workflow => {
  const wf = id === undefined ? undefined : tx.config.workflows.find((w) => w.id === id);
  if (!wf) throw notFound('The workflow was not found.');
  return wf;
};
