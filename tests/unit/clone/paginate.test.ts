/** Every pagination shape, read to the end with a fake reader. */
import { describe, expect, it } from 'vitest';
import { readAll } from '../../../server/jira-wire/read-pages.ts';
import type { Reader, RequestLike } from '../../../server/jira-wire/request.ts';

const items = Array.from({ length: 23 }, (_, i) => ({ id: i }));

const reader = (answer: (req: RequestLike, params: Record<string, any>) => unknown): Reader & { seen: Record<string, any>[] } => {
  const seen: Record<string, any>[] = [];
  return {
    seen,
    read: async (req) => {
      const params = { ...(req.query ?? {}), ...(req.body as object | undefined) } as Record<string, any>;
      seen.push(params);
      return answer(req, params);
    },
  };
};

describe('readAll', () => {
  it('page objects with isLast', async () => {
    const r = reader((_, p) => {
      const s = Number(p.startAt);
      const m = Number(p.maxResults);
      return { startAt: s, maxResults: m, total: items.length, isLast: s + m >= items.length, values: items.slice(s, s + m) };
    });
    expect(await readAll(r, { method: 'GET', path: '/x' }, { pageSize: 10 })).toEqual(items);
    expect(r.seen.map((p) => p.startAt)).toEqual([0, 10, 20]);
  });

  it('page objects without isLast stop at total; a server that caps maxResults is followed', async () => {
    const r = reader((_, p) => ({
      startAt: Number(p.startAt),
      maxResults: 5,
      total: items.length,
      values: items.slice(Number(p.startAt), Number(p.startAt) + 5),
    }));
    expect(await readAll(r, { method: 'GET', path: '/x' }, { pageSize: 50 })).toEqual(items);
  });

  it('bare arrays paged by startAt, and one that ignores startAt', async () => {
    const paged = reader((_, p) => items.slice(Number(p.startAt), Number(p.startAt) + Number(p.maxResults)));
    expect(await readAll(paged, { method: 'GET', path: '/x' }, { pageSize: 10 })).toEqual(items);
    const whole = reader(() => items.slice(0, 20));
    expect(await readAll(whole, { method: 'GET', path: '/x' }, { pageSize: 10 })).toEqual(items.slice(0, 20));
    const sameEveryTime = reader(() => items.slice(0, 10));
    expect(await readAll(sameEveryTime, { method: 'GET', path: '/x' }, { pageSize: 10 })).toEqual(items.slice(0, 10));
  });

  it('token pages (POST body) and legacy search pages (issues + total)', async () => {
    const token = reader((_, p) => {
      const s = p.nextPageToken ? Number(p.nextPageToken) : 0;
      const next = s + Number(p.maxResults);
      return { issues: items.slice(s, next), ...(next < items.length ? { nextPageToken: String(next) } : {}), isLast: next >= items.length };
    });
    expect(await readAll(token, { method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'x' } }, { pageSize: 10, key: 'issues' })).toEqual(
      items,
    );
    expect(token.seen.every((p) => p.jql === 'x' && p.startAt === undefined)).toBe(true);
    const legacy = reader((_, p) => ({
      startAt: Number(p.startAt),
      maxResults: 10,
      total: items.length,
      issues: items.slice(Number(p.startAt), Number(p.startAt) + 10),
    }));
    expect(await readAll(legacy, { method: 'GET', path: '/rest/api/2/search' }, { pageSize: 10, key: 'issues' })).toEqual(items);
  });

  it('stops at a limit', async () => {
    const r = reader((_, p) => ({
      startAt: Number(p.startAt),
      total: items.length,
      isLast: false,
      values: items.slice(Number(p.startAt), Number(p.startAt) + Number(p.maxResults)),
    }));
    expect(await readAll(r, { method: 'GET', path: '/x' }, { pageSize: 10, limit: 15 })).toEqual(items.slice(0, 15));
  });

  it('a tracker that does not page is stopped with a clear error, never looped on', async () => {
    // Echoes startAt 0 whatever was asked, with a total: our own position moves on.
    const echo = reader((_, p) => ({ startAt: 0, total: items.length, values: items.slice(Number(p.startAt), Number(p.startAt) + 10) }));
    expect(await readAll(echo, { method: 'GET', path: '/x' }, { pageSize: 10 })).toEqual(items);
    // isLast false forever, no total, startAt ignored: the same page again is an error.
    const same = reader(() => ({ isLast: false, values: items.slice(0, 10) }));
    await expect(readAll(same, { method: 'GET', path: '/x' }, { pageSize: 10 })).rejects.toThrow(/do not page: it answered the same page again/);
    expect(same.seen.length).toBe(2);
    // A token that comes back.
    let n = 0;
    const loop = reader(() => ({ issues: [{ id: n++ }], nextPageToken: n % 2 ? 'a' : 'b' }));
    await expect(readAll(loop, { method: 'POST', path: '/rest/api/3/search/jql' }, { pageSize: 1 })).rejects.toThrow(
      /a page token it had given before/,
    );
    expect(loop.seen.length).toBe(3);
    // Not a page at all (a login page parsed as JSON text).
    await expect(
      readAll(
        reader(() => 'Please sign in'),
        { method: 'GET', path: '/x' },
      ),
    ).rejects.toThrow(/not a list or a page of one/);
  });
});
