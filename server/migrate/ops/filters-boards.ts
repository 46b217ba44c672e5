/** Saved filters' JQL and boards' columns. */
import type { Board, BoardColumn, SavedFilter } from '../../model/index.ts';
import { fail } from '../names.ts';
import { defineOp, q } from './define.ts';

export interface SetFilterJqlArgs {
  filter: string;
  jql: string;
}
export interface BoardColumnInput {
  name: string;
  /** Status names shown in the column. */
  statuses: string[];
  min?: number;
  max?: number;
}
export interface SetBoardColumnsArgs {
  board: string /** The full list of columns, in order. */;
  columns: BoardColumnInput[];
}

export const setFilterJql = defineOp<SetFilterJqlArgs, { filter: SavedFilter; jql: string }>({
  kind: 'setFilterJql',
  area: 'filters and boards',
  required: ['filter', 'jql'],
  optional: [],
  describe: (a) => `Change the JQL of the saved filter ${q(a.filter)} to \`${a.jql}\`.`,
  prepare: (_s, a, look, site) => {
    const filter = look.filter(a.filter, 'filter');
    if (typeof a.jql !== 'string' || !a.jql.trim()) fail(site, 'jql: expected a non-empty query');
    return { filter, jql: a.jql };
  },
  mutate: (_s, p) => void (p.filter.jql = p.jql),
});

export const setBoardColumns = defineOp<SetBoardColumnsArgs, { board: Board; columns: BoardColumn[] }>({
  kind: 'setBoardColumns',
  area: 'filters and boards',
  required: ['board', 'columns'],
  optional: [],
  describe: (a) => `Set the columns of the board ${q(a.board)} to ${Array.isArray(a.columns) ? a.columns.map((c) => q(c.name)).join(', ') : '?'}.`,
  prepare: (_s, a, look, site) => {
    const board = look.board(a.board, 'board');
    if (!Array.isArray(a.columns) || !a.columns.length) fail(site, 'columns: a board needs at least one column');
    const seen = new Set<string>();
    const columns = a.columns.map((c, i): BoardColumn => {
      if (typeof c?.name !== 'string' || !c.name.trim()) fail(site, `columns[${i}].name: expected a column name`);
      const ids = look.statuses(c.statuses, `columns[${i}].statuses`).map((x) => x.id);
      for (const id of ids) {
        if (seen.has(id)) fail(site, `columns[${i}]: status ${q(look.status(id).name)} is in two columns`);
        seen.add(id);
      }
      return { name: c.name, statuses: ids, ...(c.min !== undefined ? { min: c.min } : {}), ...(c.max !== undefined ? { max: c.max } : {}) };
    });
    return { board, columns };
  },
  mutate: (_s, p) => void (p.board.columns = p.columns),
});
