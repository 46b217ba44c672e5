/** Saved filters with their shares, boards with their column configuration. */
import type { Board, SavedFilter } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text, userIdOf } from './common.ts';

type Share = SavedFilter['shares'][number];

const shareOf = (dc: boolean, s: Obj): Share[] => {
  switch (s.type) {
    case 'global':
      return [{ type: 'global' }];
    case 'authenticated':
    case 'loggedin':
      return [{ type: 'authenticated' }];
    case 'group':
      return [{ type: 'group', value: str(s.group?.groupId ?? s.group?.name) }];
    case 'project':
      return s.project?.key ? [{ type: 'project', value: str(s.project.key) }] : [];
    case 'projectRole':
      return s.role?.id !== undefined ? [{ type: 'projectRole', value: str(s.role.id) }] : [];
    case 'user': {
      const id = userIdOf(dc, s.user);
      return id ? [{ type: 'user', value: id }] : [];
    }
    default:
      return [];
  }
};

export const filtersOf = (dc: boolean, raw: Obj[]): SavedFilter[] =>
  raw
    .filter((f) => typeof f.jql === 'string' && f.jql)
    .map((f) => ({
      id: str(f.id),
      name: str(f.name),
      owner: userIdOf(dc, f.owner) ?? '',
      jql: str(f.jql),
      ...text(f.description),
      shares: (f.sharePermissions ?? []).flatMap((s: Obj) => shareOf(dc, s)),
    }));

export const boardsOf = (raw: { board: Obj; configuration: Obj }[]): Board[] =>
  raw.map(({ board, configuration }) => ({
    id: str(board.id),
    name: str(board.name),
    type: board.type === 'scrum' ? 'scrum' : 'kanban',
    filter: str(configuration.filter?.id),
    ...(board.location?.projectKey ? { project: str(board.location.projectKey) } : {}),
    columns: (configuration.columnConfig?.columns ?? []).map((c: Obj) => ({
      name: str(c.name),
      statuses: (c.statuses ?? []).map((s: Obj) => str(s.id)),
      ...(typeof c.min === 'number' ? { min: c.min } : {}),
      ...(typeof c.max === 'number' ? { max: c.max } : {}),
    })),
  }));
