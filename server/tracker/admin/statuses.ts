/** Statuses: create, update and delete (global scope), with Jira's checks. */
import type { Status } from '../../model/index.ts';
import type { StatusCategory } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, nameTaken, same, setText } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { workflowUsages } from './workflow-usage.ts';

export interface StatusInput {
  name: unknown;
  category: StatusCategory;
  description?: unknown;
}
export interface StatusUpdate extends StatusInput {
  id: string;
}

export const createStatuses = (env: AdminEnv, actor: Actor, list: readonly StatusInput[]): Status[] => {
  requireAdministrator(env.ctx(), actor);
  return write(env, actor, (tx) =>
    list.map((input) => {
      const name = nameOf(input.name, 'status');
      if (nameTaken(tx.config.statuses, name)) throw badRequest([`A status with the name '${name}' already exists.`]);
      const status: Status = { id: tx.nextId('status'), name, category: input.category };
      setText(status, 'description', descriptionOf(input.description));
      tx.config.statuses.push(status);
      return status;
    }),
  );
};

export const updateStatuses = (env: AdminEnv, actor: Actor, list: readonly StatusUpdate[]): void => {
  requireAdministrator(env.ctx(), actor);
  write(env, actor, (tx) => {
    for (const input of list) {
      const status = tx.config.statuses.find((s) => s.id === String(input.id));
      if (!status) throw notFound(`The status with ID ${input.id} was not found.`);
      const name = nameOf(input.name, 'status');
      if (nameTaken(tx.config.statuses, name, status.id)) throw badRequest([`A status with the name '${name}' already exists.`]);
      status.name = name;
      status.category = input.category;
      setText(status, 'description', descriptionOf(input.description));
    }
  });
};

/** Deletes statuses that no workflow uses; board columns forget them, as Jira's boards do. */
export const deleteStatuses = (env: AdminEnv, actor: Actor, ids: readonly string[]): void => {
  requireAdministrator(env.ctx(), actor);
  if (!ids.length) throw badRequest(['At least one status ID must be provided.']);
  write(env, actor, (tx) => {
    for (const id of ids) {
      const status = tx.config.statuses.find((s) => s.id === String(id));
      if (!status) throw notFound(`The status with ID ${id} was not found.`);
      const using = tx.config.workflows.filter((w) => w.statuses.some((s) => s.status === status.id)).map((w) => w.name);
      if (using.length) throw badRequest([`The status '${status.name}' can't be deleted because it's used in these workflows: ${using.join(', ')}.`]);
      if (tx.issues.some((i) => i.status === status.id)) throw badRequest([`The status '${status.name}' can't be deleted because issues are in it.`]);
      tx.config.statuses = tx.config.statuses.filter((s) => s !== status);
      for (const b of tx.config.boards) for (const c of b.columns) c.statuses = c.statuses.filter((s) => s !== status.id);
    }
  });
};

/** Statuses by ids or names (in the configuration's order), and a text search for `/statuses/search`. */
export const statusesBy = (env: AdminEnv, ids: readonly string[], names: readonly string[]): Status[] =>
  env.ctx().state.config.statuses.filter((s) => ids.includes(s.id) || names.some((n) => same(n, s.name)));

/** The workflows that have a status, and the projects whose issue types reach it through them. */
export const statusUsages = (env: AdminEnv, actor: Actor, id: string): { workflows: string[]; projects: string[] } => {
  requireAdministrator(env.ctx(), actor);
  const config = env.ctx().state.config;
  if (!config.statuses.some((s) => s.id === String(id))) throw notFound(`The status with ID ${id} was not found.`);
  const workflows = config.workflows.filter((w) => w.statuses.some((s) => s.status === String(id))).map((w) => w.id);
  return { workflows, projects: [...new Set(workflows.flatMap((w) => workflowUsages(config, w).map((u) => u.project.id)))] };
};

export const statuses = { create: createStatuses, update: updateStatuses, delete: deleteStatuses, by: statusesBy, usages: statusUsages };
