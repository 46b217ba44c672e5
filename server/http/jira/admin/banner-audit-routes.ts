/** The announcement banner and the audit log (Cloud only: Data Center has neither as these resources). */
import type { Router } from 'express';
import type { SandboxContext } from '../../context.ts';
import { intParam, jiraTime } from '../../../jira-wire/index.ts';
import { q } from '../handler.ts';
import { bodyObj, serve, written } from './wire.ts';

const time = (v: string | undefined): number | undefined => {
  if (v === undefined || v === '') return undefined;
  const ms = Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? undefined : ms;
};

export const bannerAuditRoutes = (r: Router, ctx: SandboxContext): void => {
  serve(r, ctx, 'get', '/announcementBanner', (j) => j.ctx.tracker.admin.banner.get(j.actor));
  serve(r, ctx, 'put', '/announcementBanner', async (j, req, res) => {
    const body = bodyObj(req);
    await written(j, () => j.ctx.tracker.admin.banner.set(j.actor, body));
    res.status(204).end();
  });
  serve(r, ctx, 'get', '/auditing/record', (j) => {
    const offset = intParam(q(j.req, 'offset'), 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(q(j.req, 'limit'), 1000, 1000);
    const from = time(q(j.req, 'from'));
    const to = time(q(j.req, 'to'));
    const { total, records } = j.ctx.tracker.admin.audit.records(j.actor, {
      offset,
      limit,
      filter: (q(j.req, 'filter') ?? '').split(/\s+/).filter(Boolean),
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
    return {
      offset,
      limit,
      total,
      records: records.map((x) => ({
        id: x.id,
        summary: x.summary,
        remoteAddress: '127.0.0.1',
        authorKey: x.authorAccountId ?? '',
        authorAccountId: x.authorAccountId ?? undefined,
        created: jiraTime(x.created),
        category: x.category,
        eventSource: x.eventSource,
        ...(x.description ? { description: x.description } : {}),
        objectItem: x.objectItem,
        changedValues: x.changedValues,
        associatedItems: x.associatedItems,
      })),
    };
  });
};
