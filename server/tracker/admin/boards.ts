/**
 * A board's columns, as Jira's own board settings page writes them through its private API
 * (`PUT /rest/greenhopper/1.0/rapidviewconfig/columns`): names, the statuses each column shows, and
 * the min / max issue counts. Jira administrators and the board's project administrators may.
 */
import type { Board } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { can } from '../permissions.ts';
import type { Actor } from '../types.ts';
import { sameKey } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { isAdministrator, refuse } from './guard.ts';

export interface ColumnInput {
  name: unknown;
  statuses: string[];
  min?: number;
  max?: number;
}

export const boards = {
  get: (env: AdminEnv, id: string): Board | undefined => env.ctx().state.config.boards.find((b) => b.id === String(id)),
  setColumns: (env: AdminEnv, actor: Actor, boardId: string, columns: ColumnInput[]): Board => {
    const ctx = env.ctx();
    const b0 = ctx.state.config.boards.find((b) => b.id === String(boardId));
    if (!b0) throw notFound(`The board ${boardId} does not exist.`);
    const project = b0.project ? ctx.state.config.projects.find((p) => p.key === b0.project) : undefined;
    if (!isAdministrator(ctx, actor) && !(project && can(ctx.ix, actor, 'ADMINISTER_PROJECTS', project)))
      throw refuse(actor, 'You do not have permission to configure this board.');
    return write(env, actor, (tx) => {
      const b = tx.config.boards.find((x) => x.id === b0.id)!;
      if (!columns.length) throw badRequest(['A board needs at least one column.']);
      const seen = new Map<string, string>();
      // Linear in the columns and statuses given: names already used, and the statuses that exist, by lookup.
      const names = new Set<string>();
      const statusIds = new Set(tx.config.statuses.map((x) => x.id));
      b.columns = columns.map((c, i) => {
        if (typeof c.name !== 'string' || !c.name.trim()) throw badRequest([`Column ${i + 1} needs a name.`]);
        const name = c.name.trim();
        if (names.has(sameKey(name))) throw badRequest([`There is already a column called '${name}'.`]);
        names.add(sameKey(name));
        for (const s of c.statuses) {
          if (!statusIds.has(s)) throw badRequest([`The status ${s} does not exist.`]);
          const other = seen.get(s);
          if (other !== undefined) throw badRequest([`A status can be mapped to one column only: ${s} is in '${other}' and '${name}'.`]);
          seen.set(s, name);
        }
        for (const k of ['min', 'max'] as const)
          if (c[k] !== undefined && (!Number.isInteger(c[k]) || c[k]! < 0))
            throw badRequest([`The ${k === 'min' ? 'minimum' : 'maximum'} of column '${name}' must be a whole number, 0 or more.`]);
        if (c.min !== undefined && c.max !== undefined && c.min > c.max)
          throw badRequest([`The minimum of column '${name}' is more than its maximum.`]);
        return { name, statuses: [...c.statuses], ...(c.min !== undefined ? { min: c.min } : {}), ...(c.max !== undefined ? { max: c.max } : {}) };
      });
      return b;
    });
  },
};
