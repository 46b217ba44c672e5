/**
 * Priorities and resolutions (create, update, move, delete as a task that replaces them on issues)
 * and issue types (create, update, delete with an alternative, the alternatives).
 */
import type { IssueType, Priority, Resolution } from '../../model/index.ts';
import { badRequest, notFound, TrackerError } from '../errors.ts';
import type { Actor } from '../types.ts';
import { conflict, moveInList } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { createNamed, entityOr404, updateNamed, type Kind } from './named.ts';
import type { TaskRecord } from './records.ts';
import { holding, replaceOnIssues } from './replace-values.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'You are not authorized to perform this action. Administrator privileges are required.';

export const PRIORITY: Kind<Priority> = {
  list: (c) => c.priorities,
  set: (c, l) => {
    c.priorities = l;
  },
  idKind: 'priority',
  what: 'priority',
  maxName: 60,
  notFound: 'Priority not found.',
  taken: (n) => `The priority name '${n}' is already used.`,
  adminOnly: ADMIN_ONLY,
};
export const RESOLUTION: Kind<Resolution> = {
  list: (c) => c.resolutions,
  set: (c, l) => {
    c.resolutions = l;
  },
  idKind: 'resolution',
  what: 'resolution',
  maxName: 60,
  notFound: 'Resolution not found.',
  taken: (n) => `The resolution name '${n}' is already used.`,
  adminOnly: ADMIN_ONLY,
};
export const ISSUE_TYPE: Kind<IssueType> = {
  list: (c) => c.issueTypes,
  set: (c, l) => {
    c.issueTypes = l;
  },
  idKind: 'issuetype',
  what: 'issue type',
  maxName: 60,
  notFound: 'The issue type was not found.',
  taken: () => 'An issue type with this name already exists.',
  adminOnly: ADMIN_ONLY,
};

const orNotFound = <T extends { id: string }>(tx: Tx, kind: Kind<T & { name: string }>, id: string, label: string): T => {
  const e = kind.list(tx.config).find((x) => x.id === String(id));
  if (!e) throw notFound(`${label} with ID ${id} not found.`);
  return e;
};

const move = <T extends { id: string; name: string }>(
  env: AdminEnv,
  actor: Actor,
  kind: Kind<T>,
  label: string,
  ids: string[],
  where: { after?: string; position?: string },
): void => {
  requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
  if (!ids.length) throw badRequest(['The ids must not be empty.']);
  if (ids.length > 1000) throw badRequest(['The ids must contain no more than 1,000 items.']);
  if (new Set(ids).size !== ids.length || (where.after !== undefined && ids.includes(where.after)))
    throw badRequest(['The ids cannot contain duplicates nor the after ID.']);
  if ((where.after === undefined) === (where.position === undefined)) throw badRequest(["Either 'after' or 'position' has to be provided."]);
  if (where.position !== undefined && where.position !== 'First' && where.position !== 'Last')
    throw badRequest(['The position has to be First or Last.']);
  write(env, actor, (tx) => {
    for (const id of [...ids, ...(where.after !== undefined ? [where.after] : [])]) orNotFound(tx, kind, id, label);
    moveInList(kind.list(tx.config), ids, where as { after?: string; position?: 'First' | 'Last' });
  });
};

/** Deletes a priority or resolution: checked now; the task moves its issues to the replacement and removes it. */
const deleteReplacing = (
  env: AdminEnv,
  actor: Actor,
  key: 'priority' | 'resolution',
  kind: Kind<Priority | Resolution>,
  label: string,
  id: string,
  replaceWith: string | undefined,
): TaskRecord => {
  requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
  if (env.tasks.busy(`${key}-delete`)) throw conflict(`A task to delete the issue ${key} is already running.`);
  const run = (tx: Tx) => {
    const gone = orNotFound(tx, kind, id, label);
    if (replaceWith === undefined) {
      if (key === 'resolution' || holding(tx, key, gone.id).length)
        throw badRequest([key === 'priority' ? 'The newPriority has to be provided.' : 'The replaceWith has to be provided.']);
    } else {
      if (String(replaceWith) === gone.id) throw badRequest([`The ${key} to delete cannot replace itself.`]);
      orNotFound(tx, kind, replaceWith, label);
    }
    const moved = replaceWith === undefined ? 0 : replaceOnIssues(tx, key, gone.id, String(replaceWith));
    kind.set(
      tx.config,
      kind.list(tx.config).filter((x) => x !== gone),
    );
    return { issuesUpdated: moved };
  };
  dryRun(env, actor, run);
  return env.tasks.submit(actor, {
    kind: `${key}-delete`,
    description: `Deletion of the ${key} ${id}${replaceWith ? `, replaced with ${replaceWith}` : ''}`,
    run: () => write(env, actor, run),
  });
};

export interface PriorityInput {
  name?: unknown;
  description?: unknown;
  statusColor?: unknown;
}

const color = (v: unknown): string => {
  if (typeof v !== 'string' || !/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(v))
    throw badRequest([], { statusColor: 'The status color must be a hexadecimal color of 3 or 6 digits, like #ff0000.' });
  return v;
};

export const priorities = {
  create: (env: AdminEnv, actor: Actor, input: PriorityInput): Priority => {
    const c = color(input.statusColor);
    return createNamed(env, actor, PRIORITY, { name: input.name, description: input.description }, (_tx, id, name) => ({ id, name, color: c }));
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: PriorityInput): Priority => {
    const c = input.statusColor === undefined ? undefined : color(input.statusColor);
    try {
      return updateNamed(env, actor, PRIORITY, id, input, (_tx, p) => {
        if (c) p.color = c;
      });
    } catch (e) {
      if (e instanceof TrackerError && e.status === 404) throw notFound(`Priority with ID ${id} not found.`);
      throw e;
    }
  },
  move: (env: AdminEnv, actor: Actor, ids: string[], where: { after?: string; position?: string }) =>
    move(env, actor, PRIORITY, 'Priority', ids, where),
  delete: (env: AdminEnv, actor: Actor, id: string, replaceWith?: string) =>
    deleteReplacing(env, actor, 'priority', PRIORITY as Kind<Priority | Resolution>, 'Priority', id, replaceWith),
};

export const resolutions = {
  create: (env: AdminEnv, actor: Actor, input: { name?: unknown; description?: unknown }): Resolution =>
    createNamed(env, actor, RESOLUTION, { name: input.name, description: input.description }, (_tx, id, name) => ({ id, name })),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }): Resolution => {
    try {
      return updateNamed(env, actor, RESOLUTION, id, input);
    } catch (e) {
      if (e instanceof TrackerError && e.status === 404) throw notFound(`Resolution with ID ${id} not found.`);
      throw e;
    }
  },
  move: (env: AdminEnv, actor: Actor, ids: string[], where: { after?: string; position?: string }) =>
    move(env, actor, RESOLUTION, 'Resolution', ids, where),
  delete: (env: AdminEnv, actor: Actor, id: string, replaceWith?: string) =>
    deleteReplacing(env, actor, 'resolution', RESOLUTION as Kind<Priority | Resolution>, 'Resolution', id, replaceWith),
};

/** Issue types that could stand in for one: same level, and in every issue type scheme that has it. */
const alternativesOf = (tx: Pick<Tx, 'config'>, t: IssueType): IssueType[] => {
  const schemes = tx.config.issueTypeSchemes.filter((s) => s.issueTypes.includes(t.id));
  return tx.config.issueTypes.filter((x) => x.id !== t.id && x.subtask === t.subtask && schemes.every((s) => s.issueTypes.includes(x.id)));
};

/** Takes an issue type out of every scheme and mapping that names it. */
const forget = (tx: Tx, id: string): void => {
  const c = tx.config;
  for (const s of c.issueTypeSchemes) {
    s.issueTypes = s.issueTypes.filter((x) => x !== id);
    if (s.defaultIssueType === id) delete s.defaultIssueType;
  }
  for (const s of c.workflowSchemes) s.mappings = s.mappings.filter((m) => m.issueType !== id);
  for (const s of c.issueTypeScreenSchemes) s.mappings = s.mappings.filter((m) => m.issueType !== id);
  for (const s of c.fieldConfigurationSchemes) s.mappings = s.mappings.filter((m) => m.issueType !== id);
  for (const f of c.fields) for (const ctx of f.contexts) if (ctx.issueTypes.includes(id)) ctx.issueTypes = ctx.issueTypes.filter((x) => x !== id);
};

export const issueTypes = {
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown; hierarchyLevel?: number; type?: string }): IssueType => {
    const level = input.hierarchyLevel ?? (input.type === 'subtask' ? -1 : 0);
    if (level !== 0 && level !== -1)
      throw badRequest([], { hierarchyLevel: 'The hierarchy level must be 0 (standard) or -1 (sub-task) for issue types created through REST.' });
    return createNamed(env, actor, ISSUE_TYPE, input, (tx, id, name) => {
      const t: IssueType = { id, name, subtask: level === -1, hierarchyLevel: level };
      tx.config.issueTypeSchemes.find((s) => s.name === 'Default Issue Type Scheme')?.issueTypes.push(id);
      return t;
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }) =>
    updateNamed(env, actor, ISSUE_TYPE, id, input),
  alternatives: (env: AdminEnv, actor: Actor, id: string): IssueType[] => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    const config = env.ctx().state.config;
    const t = config.issueTypes.find((x) => x.id === String(id));
    if (!t) throw notFound('The issue type was not found.');
    return alternativesOf({ config }, t);
  },
  delete: (env: AdminEnv, actor: Actor, id: string, alternative?: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const t = entityOr404(tx, ISSUE_TYPE, id);
      const used = holding(tx, 'issueType', t.id).length > 0;
      if (used && alternative === undefined)
        throw notFound(`The issue type ${t.name} is in use: give an alternativeIssueTypeId (see GET /rest/api/3/issuetype/${t.id}/alternatives).`);
      if (alternative !== undefined) {
        if (String(alternative) === t.id)
          throw new TrackerError(409, { errorMessages: ['The issue type to delete cannot be its own alternative.'], errors: {} });
        const alt = tx.config.issueTypes.find((x) => x.id === String(alternative));
        if (!alt) throw notFound(`The alternative issue type ${alternative} was not found.`);
        if (used && alt.subtask !== t.subtask)
          throw new TrackerError(409, {
            errorMessages: [`The issue type ${t.name} is a ${t.subtask ? 'sub-task' : 'standard'} type; the alternative ${alt.name} is not.`],
            errors: {},
          });
        if (used && !alternativesOf(tx, t).some((x) => x.id === alt.id))
          throw badRequest([
            `Issues of type ${t.name} cannot all be updated to ${alt.name}: it is not in every issue type scheme that has ${t.name}.`,
          ]);
        replaceOnIssues(tx, 'issueType', t.id, alt.id);
      }
      forget(tx, t.id);
      tx.config.issueTypes = tx.config.issueTypes.filter((x) => x !== t);
    });
  },
};
