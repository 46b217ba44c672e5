/**
 * The board column write Jira's own board settings page uses: `PUT
 * /rest/greenhopper/1.0/rapidviewconfig/columns`. Private on Cloud and on Data Center (no public
 * REST write for board columns exists), served so a sandbox can stand in for production there too.
 */
import { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { badRequest } from '../errors.ts';
import { route } from '../handler.ts';
import { bodyObj, isObj, list, objAt, written, type Obj } from './wire.ts';

const count = (v: unknown): number | undefined => (v === '' || v === null || v === undefined ? undefined : Number(v));

export const greenhopperRouter = (ctx: SandboxContext): Router => {
  const r = Router();
  r.use((_req, res, next) => {
    res.locals.apiVersion = 2;
    next();
  });
  r.put(
    '/rapidviewconfig/columns',
    route(ctx, async (j, req) => {
      const body = bodyObj(req);
      const id = body.rapidViewId;
      if (id === undefined || id === null) throw badRequest('', { rapidViewId: 'The rapidViewId is required.' });
      const columns = list(body, 'mappedColumns').map((c, i) => {
        const o: Obj = objAt(c, `mappedColumns[${i}]`);
        const statuses = (Array.isArray(o.mappedStatuses) ? o.mappedStatuses : []).map((s) => String(isObj(s) ? s.id : s));
        return {
          name: o.name,
          statuses,
          ...(count(o.min) !== undefined ? { min: count(o.min) } : {}),
          ...(count(o.max) !== undefined ? { max: count(o.max) } : {}),
        };
      });
      const board = await written(j, () => j.ctx.tracker.admin.boards.setColumns(j.actor, String(id), columns));
      return {
        rapidViewId: Number(board.id) || board.id,
        mappedColumns: board.columns.map((c, n) => ({
          id: n + 1,
          name: c.name,
          mappedStatuses: c.statuses.map((s) => ({ id: s })),
          ...(c.min !== undefined ? { min: c.min } : {}),
          ...(c.max !== undefined ? { max: c.max } : {}),
        })),
        currentStatisticsField: { id: board.columns.some((c) => c.min !== undefined || c.max !== undefined) ? 'issueCount_' : 'none_' },
      };
    }),
  );
  return r;
};
