/**
 * Board columns (names, statuses, min/max) through the private write Jira's own board settings
 * page uses (`PUT /rest/greenhopper/1.0/rapidviewconfig/columns`), where the site has it: classed
 * automatic with a warning (a private API may change without notice), else manual. Other board
 * changes (name, filter, type) are manual: Understudy has no writer for them.
 */
import { asList, asObj, changeLines, phaseOf, same } from './common.ts';
import { idOf, type EntityWriter } from './types.ts';

type Obj = Record<string, unknown>;
const PRIVATE =
  "uses the private write Jira's board settings page uses (PUT /rest/greenhopper/1.0/rapidviewconfig/columns); Atlassian may change it without notice";

export const boardsWriter: EntityWriter = {
  name: 'boards',
  collections: ['boards'],
  plan: (changes, p) =>
    changes.map((c) => {
      const onlyColumns =
        c.from !== null && c.to !== null && !c.rename && same({ ...asObj(c.from), columns: null }, { ...asObj(c.to), columns: null });
      if (onlyColumns && p.boardColumns !== false)
        return {
          phase: 'migrate' as const,
          class: 'automatic' as const,
          writer: 'boards',
          privateApi: true,
          warnings: [PRIVATE],
          changes: [c],
          title: `set the columns of the board '${c.key}'`,
        };
      return {
        phase: phaseOf(c),
        class: 'manual' as const,
        writer: 'manual',
        changes: [c],
        instructions: changeLines(c),
        title: `change the board '${c.key}' by hand`,
        reason: onlyColumns
          ? 'this site has no REST write for board columns: Board → Board settings → Columns'
          : 'Understudy has no REST writer for creating, deleting or re-filtering boards: Boards → Create board / Board settings',
      };
    }),
  run: async (step, rc) => {
    for (const c of step.changes) {
      const columns = asList<Obj>(asObj(c.to).columns).map((col) => ({
        name: col.name,
        mappedStatuses: asList<string>(col.statuses).map((s) => ({ id: idOf(rc, 'status', s) })),
        ...(col.min !== undefined ? { min: col.min } : {}),
        ...(col.max !== undefined ? { max: col.max } : {}),
      }));
      await rc.send({
        method: 'PUT',
        path: '/rest/greenhopper/1.0/rapidviewconfig/columns',
        body: { rapidViewId: Number(idOf(rc, 'board', c.key)) || idOf(rc, 'board', c.key), mappedColumns: columns },
      });
    }
  },
};
