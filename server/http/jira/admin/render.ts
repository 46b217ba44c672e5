/** Model → Jira JSON for what the admin API answers with (new-style statuses, tasks). */
import type { Status } from '../../../model/index.ts';
import type { StatusCategory } from '../../../model/index.ts';
import type { TaskRecord } from '../../../tracker/index.ts';
import type { J } from '../handler.ts';

export const CATEGORY_KEY: Record<StatusCategory, 'TODO' | 'IN_PROGRESS' | 'DONE'> = { todo: 'TODO', 'in-progress': 'IN_PROGRESS', done: 'DONE' };
export const categoryOfKey = (key: unknown): StatusCategory | undefined =>
  key === 'TODO' ? 'todo' : key === 'IN_PROGRESS' ? 'in-progress' : key === 'DONE' ? 'done' : undefined;

/** A status as the current API answers (`JiraStatus`). */
export const jiraStatusJson = (s: Status) => ({
  id: s.id,
  name: s.name,
  description: s.description ?? '',
  scope: { type: 'GLOBAL' },
  statusCategory: CATEGORY_KEY[s.category],
});

const ms = (iso: string | undefined): number | undefined => (iso === undefined ? undefined : Date.parse(iso));

/** A task as `GET /task/{id}` answers (`TaskProgressBeanObject`); times are epoch milliseconds. */
export const taskJson = (j: J, t: TaskRecord) => {
  const started = ms(t.started);
  const end = ms(t.finished) ?? ms(t.lastUpdate)!;
  return {
    self: `${j.api}/task/${t.id}`,
    id: t.id,
    description: t.description,
    status: t.status,
    ...(t.message !== undefined ? { message: t.message } : {}),
    ...(t.result !== undefined ? { result: t.result } : {}),
    // Jira gives a numeric user id here; account ids are not numbers, so the sandbox answers 0.
    submittedBy: 0,
    progress: t.progress,
    elapsedRuntime: started === undefined ? 0 : Math.max(0, end - started),
    submitted: ms(t.submitted)!,
    ...(started !== undefined ? { started } : {}),
    ...(t.finished ? { finished: ms(t.finished) } : {}),
    lastUpdate: ms(t.lastUpdate)!,
  };
};
