/**
 * Bulk issue operations (`POST /bulk/issues/fields`, `/bulk/issues/transition`): checked and queued
 * at once, run as a task issue by issue through the tracker's own edit and transition (permissions,
 * screens, validators, history, and notifications when `sendBulkNotification`), each issue on its
 * own: one that fails is reported and the others go on, as in Jira. `GET /bulk/queue/{id}` reads it.
 */
import type { Issue } from '../../model/index.ts';
import type { Ctx } from '../context.ts';
import { editIssue } from '../edit.ts';
import { badRequest, isTrackerError, notFound, TrackerError } from '../errors.ts';
import { getValue } from '../issue-fields.ts';
import { doTransition } from '../transitions.ts';
import type { Actor } from '../types.ts';
import type { AdminEnv } from './env.ts';
import { isAdministrator } from './guard.ts';
import type { TaskRecord } from './records.ts';

/** One field's new value, computed from the issue's current value (labels are added or removed). */
export interface FieldEdit {
  fieldId: string;
  value: (current: unknown) => unknown;
}

export interface BulkResult {
  processed: number[];
  failed: Record<string, string[]>;
  invalid: number;
  total: number;
}

const MAX = 1000;

/** The issue by key or id; whether the caller may see it is the edit's or transition's own check (404). */
const issueOf = (ctx: Ctx, ref: string): Issue | undefined => ctx.issues.byKey.get(ref.toUpperCase()) ?? ctx.issues.byId.get(ref);

const reasons = (e: unknown): string[] => {
  if (isTrackerError(e)) return [...e.body.errorMessages, ...Object.entries(e.body.errors).map(([k, v]) => `${k}: ${v}`)];
  throw e;
};

const signedIn = (actor: Actor): string => {
  if (actor === null)
    throw new TrackerError(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
  return actor;
};

const checkRefs = (refs: readonly string[]): void => {
  if (!refs.length) throw badRequest(['Select at least one issue.']);
  if (refs.length > MAX) throw badRequest([`At most ${MAX} issues can be changed in one bulk operation.`]);
};

/** Runs `each` on every issue the caller can see; counts the rest as invalid or inaccessible. */
const run = (env: AdminEnv, _actor: Actor, refs: readonly string[], notify: boolean, each: (ctx: Ctx, issue: Issue) => void): BulkResult => {
  const base = env.ctx();
  const ctx: Ctx = notify ? base : { ...base, outbox: [] };
  const out: BulkResult = { processed: [], failed: {}, invalid: 0, total: refs.length };
  for (const ref of refs) {
    const issue = issueOf(base, ref);
    if (!issue) {
      out.invalid++;
      continue;
    }
    try {
      each(ctx, issue);
      out.processed.push(Number(issue.id));
    } catch (e) {
      const why = reasons(e);
      if (isTrackerError(e) && e.status === 404) out.invalid++;
      else out.failed[issue.id] = why;
    }
  }
  return out;
};

export const bulk = {
  editFields: (env: AdminEnv, actor: Actor, refs: string[], edits: FieldEdit[], notify: boolean): TaskRecord => {
    signedIn(actor);
    checkRefs(refs);
    if (!edits.length) throw badRequest(['Select at least one field to edit.']);
    return env.tasks.submit(actor, {
      kind: 'bulk',
      description: `Bulk edit of ${refs.length} issue${refs.length === 1 ? '' : 's'}`,
      run: () =>
        run(env, actor, refs, notify, (ctx, issue) => {
          editIssue(ctx, actor, issue.key, Object.fromEntries(edits.map((e) => [e.fieldId, e.value(structuredClone(getValue(issue, e.fieldId)))])));
        }),
    });
  },

  transition: (env: AdminEnv, actor: Actor, inputs: Array<{ refs: string[]; transitionId: string }>, notify: boolean): TaskRecord => {
    signedIn(actor);
    checkRefs(inputs.flatMap((i) => i.refs));
    return env.tasks.submit(actor, {
      kind: 'bulk',
      description: `Bulk transition of ${inputs.reduce((n, i) => n + i.refs.length, 0)} issues`,
      run: () => {
        const parts = inputs.map((i) =>
          run(env, actor, i.refs, notify, (ctx, issue) => {
            doTransition(ctx, actor, issue.key, i.transitionId);
          }),
        );
        return parts.reduce((a, b) => ({
          processed: [...a.processed, ...b.processed],
          failed: { ...a.failed, ...b.failed },
          invalid: a.invalid + b.invalid,
          total: a.total + b.total,
        }));
      },
    });
  },

  /** The task behind `GET /bulk/queue/{id}`: its submitter or a Jira administrator. */
  progress: (env: AdminEnv, actor: Actor, id: string): TaskRecord => {
    const task = env.tasks.get(String(id));
    if (task?.kind !== 'bulk') throw notFound(`The bulk operation ${id} was not found.`);
    if (task.submittedBy !== actor && !isAdministrator(env.ctx(), actor)) throw notFound(`The bulk operation ${id} was not found.`);
    return task;
  },
};
