/** Reading and cancelling tasks: Jira administrators, or the user who submitted the task. */
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import type { AdminEnv } from './env.ts';
import { isAdministrator, refuse } from './guard.ts';
import type { TaskRecord } from './records.ts';

const visibleTask = (env: AdminEnv, actor: Actor, id: string): TaskRecord => {
  const task = env.tasks.get(String(id));
  if (!task) throw notFound(`The task with ID ${id} does not exist.`);
  if (!isAdministrator(env.ctx(), actor) && (actor === null || task.submittedBy !== actor))
    throw refuse(actor, 'You do not have permission to view this task.');
  return task;
};

export const tasksApi = {
  get: (env: AdminEnv, actor: Actor, id: string): TaskRecord => visibleTask(env, actor, id),
  cancel: (env: AdminEnv, actor: Actor, id: string): void => {
    visibleTask(env, actor, id);
    if (!env.tasks.cancel(String(id))) throw badRequest(['The task cannot be cancelled: it has finished already.']);
  },
};
