/** Statuses, issue types, priorities, resolutions and link types. */
import type { IssueLinkType, IssueType, Priority, Resolution, Status } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text } from './common.ts';

const CATEGORY: Record<string, Status['category']> = {
  new: 'todo',
  indeterminate: 'in-progress',
  done: 'done',
  TODO: 'todo',
  IN_PROGRESS: 'in-progress',
  DONE: 'done',
};

export const statusOf = (s: Obj): Status => ({
  id: str(s.id),
  name: str(s.name),
  category: CATEGORY[String(s.statusCategory?.key ?? s.statusCategory)] ?? 'todo',
  ...text(s.description),
});

export const issueTypeOf = (t: Obj): IssueType => ({
  id: str(t.id),
  name: str(t.name),
  subtask: t.subtask === true,
  ...text(t.description),
  ...(typeof t.hierarchyLevel === 'number' ? { hierarchyLevel: t.hierarchyLevel } : {}),
});

export const priorityOf = (p: Obj): Priority => ({
  id: str(p.id),
  name: str(p.name),
  ...text(p.description),
  ...(p.statusColor ? { color: str(p.statusColor) } : {}),
});

export const resolutionOf = (r: Obj): Resolution => ({ id: str(r.id), name: str(r.name), ...text(r.description) });

export const linkTypeOf = (l: Obj): IssueLinkType => ({ id: str(l.id), name: str(l.name), inward: str(l.inward), outward: str(l.outward) });
