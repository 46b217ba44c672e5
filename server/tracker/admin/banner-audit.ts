/**
 * The announcement banner (shown above every page of the web UI) and the audit log. The banner is
 * a notice, not configuration: it changes nothing people can do, `npm run apply` sets it for a
 * change window and puts it back, and a clone never reads it — so it lives in the admin records,
 * outside the canonical hash, with its history. Setting it is audited like any configuration change.
 */
import { createHash } from 'node:crypto';
import { badRequest, TrackerError } from '../errors.ts';
import type { Actor } from '../types.ts';
import { appendAudit } from './audit.ts';
import type { AdminEnv } from './env.ts';
import { isAdministrator, refuse, requireAdministrator } from './guard.ts';
import type { AuditRecord, Banner } from './records.ts';

export const NO_BANNER: Banner = { message: '', isEnabled: false, isDismissible: true, visibility: 'private' };

export const bannerHash = (b: Banner): string =>
  createHash('sha256')
    .update(JSON.stringify([b.message, b.isEnabled, b.isDismissible, b.visibility]))
    .digest('hex')
    .slice(0, 32);

export interface BannerInput {
  message?: unknown;
  isEnabled?: unknown;
  isDismissible?: unknown;
  visibility?: unknown;
}

export const banner = {
  get: (env: AdminEnv, actor: Actor): Banner & { hashId: string } => {
    requireAdministrator(env.ctx(), actor);
    const b = env.records().banner ?? NO_BANNER;
    return { ...b, hashId: bannerHash(b) };
  },
  /** What the web UI shows: the banner when it is on and the viewer may see it (public: everybody; private: signed-in people). */
  shown: (env: AdminEnv, actor: Actor): Banner | undefined => {
    const b = env.records().banner;
    return b?.isEnabled && b.message && (b.visibility === 'public' || actor !== null) ? b : undefined;
  },
  set: (env: AdminEnv, actor: Actor, input: BannerInput): void => {
    if (!isAdministrator(env.ctx(), actor)) throw refuse(actor, 'Only admins can update banner configuration.');
    const r = env.records();
    const current = r.banner ?? NO_BANNER;
    if (input.message === null) throw badRequest(['Banner message cannot be null.']);
    if (input.message !== undefined && typeof input.message !== 'string') throw badRequest(['The banner message must be a string.']);
    for (const k of ['isEnabled', 'isDismissible'] as const)
      if (input[k] !== undefined && typeof input[k] !== 'boolean') throw badRequest([`${k} must be true or false.`]);
    if (input.visibility !== undefined && input.visibility !== 'public' && input.visibility !== 'private')
      throw badRequest(['Visibility must be one of: public, private.']);
    const next: Banner = {
      message: (input.message as string | undefined) ?? current.message,
      isEnabled: (input.isEnabled as boolean | undefined) ?? current.isEnabled,
      isDismissible: (input.isDismissible as boolean | undefined) ?? current.isDismissible,
      visibility: (input.visibility as Banner['visibility'] | undefined) ?? current.visibility,
    };
    const now = env.ctx().clock.now();
    r.banner = next;
    r.bannerHistory.push({ ...next, at: now, by: actor });
    const changed = (Object.keys(next) as Array<keyof Banner>)
      .filter((k) => next[k] !== current[k])
      .map((k) => ({ fieldName: k, changedFrom: String(current[k]), changedTo: String(next[k]) }));
    appendAudit(r, [
      {
        summary: 'Announcement banner updated',
        category: 'system',
        eventSource: env.source.eventSource,
        authorAccountId: actor,
        created: now,
        objectItem: { id: 'announcementBanner', name: 'Announcement banner', typeName: 'ANNOUNCEMENT_BANNER' },
        changedValues: changed,
        associatedItems: [],
      },
    ]);
  },
};

export interface AuditQuery {
  offset: number;
  limit: number;
  filter: string[];
  from?: number;
  to?: number;
}

const haystack = (r: AuditRecord): string =>
  [
    r.summary,
    r.category,
    r.eventSource,
    r.objectItem.name,
    r.objectItem.parentName ?? '',
    r.objectItem.typeName,
    ...r.changedValues.flatMap((c) => [c.changedFrom ?? '', c.changedTo ?? '']),
    r.objectItem.typeName === 'USER' ? r.objectItem.id : '',
  ]
    .join('\u0000')
    .toLowerCase();

export const audit = {
  /** Newest first, as Jira answers; every word of `filter` must occur in one of the searched fields. */
  records: (env: AdminEnv, actor: Actor, q: AuditQuery): { total: number; records: AuditRecord[] } => {
    if (!isAdministrator(env.ctx(), actor)) {
      if (actor === null)
        throw new TrackerError(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
      throw new TrackerError(403, { errorMessages: ['You do not have permission to view the audit log.'], errors: {} });
    }
    const words = q.filter.map((w) => w.toLowerCase());
    const all = [...env.records().audit].reverse().filter((r) => {
      const t = Date.parse(r.created);
      if (q.from !== undefined && t < q.from) return false;
      if (q.to !== undefined && t > q.to) return false;
      const text = haystack(r);
      return words.every((w) => text.includes(w));
    });
    return { total: all.length, records: all.slice(q.offset, q.offset + q.limit) };
  },
};
