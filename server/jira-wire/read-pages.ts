/**
 * Every pagination shape Jira answers with, read to the end: page objects
 * (`{startAt, maxResults, total, isLast, values}`), legacy search pages (`{startAt, total, issues}`),
 * token pages (`{issues, nextPageToken, isLast}`) and bare arrays paged by `startAt`/`maxResults`.
 */
import { UserError } from '../common/errors.ts';
import type { Reader, RequestLike } from './request.ts';

/** More pages than any real list has: a tracker that never says "last" must not keep a clone busy forever. */
const MAX_PAGES = 100_000;

const stuck = (req: RequestLike, why: string): UserError =>
  new UserError(`the tracker's answers to ${req.method} ${req.path} do not page: ${why}`, {
    details: ['the list cannot be read to its end; report this tracker version, or clone fewer projects with --projects'],
  });

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface PageOptions {
  pageSize?: number /** The list's key in a page object; default: `values`, else `issues`. */;
  key?: string /** Stop after this many items. */;
  limit?: number;
}

const listOf = (page: Obj, key: string | undefined): unknown[] => {
  const k = key ?? (Array.isArray(page.values) ? 'values' : 'issues');
  const v = page[k];
  return Array.isArray(v) ? v : [];
};

const withPaging = (req: RequestLike, startAt: number | undefined, size: number, token?: string): RequestLike => {
  if (req.method === 'POST') {
    const body = {
      ...(req.body as Obj | undefined),
      maxResults: size,
      ...(startAt !== undefined ? { startAt } : {}),
      ...(token ? { nextPageToken: token } : {}),
    };
    return { ...req, body };
  }
  return {
    ...req,
    query: { ...req.query, maxResults: size, ...(startAt !== undefined ? { startAt } : {}), ...(token ? { nextPageToken: token } : {}) },
  };
};

/** Reads every page of a list; the shape is recognised from the first answer. */
export const readAll = async (reader: Reader, req: RequestLike, options: PageOptions = {}): Promise<unknown[]> => {
  const size = options.pageSize ?? 50;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const tokenPaged = /\/search\/jql$/.test(req.path);
  const out: unknown[] = [];
  let startAt = 0;
  let token: string | undefined;
  let previousFirst: string | undefined;
  const tokens = new Set<string>();
  for (let pages = 1; ; pages++) {
    if (pages > MAX_PAGES) throw stuck(req, `more than ${MAX_PAGES} pages`);
    const want = Math.min(size, limit - out.length);
    const page = await reader.read(withPaging(req, tokenPaged ? undefined : startAt, want, token));
    if (Array.isArray(page)) {
      const first = JSON.stringify(page[0]);
      if (page.length && first === previousFirst) break; // the endpoint ignores startAt: it answered everything at once
      previousFirst = first;
      out.push(...page);
      if (page.length < want || out.length >= limit) break;
      startAt += page.length;
      continue;
    }
    if (!isObj(page))
      throw new UserError(
        `the tracker answered ${req.method} ${req.path} with ${page === null ? 'null' : typeof page}, not a list or a page of one`,
        { details: ['check that --url is the tracker itself (not a proxy or a login page)'] },
      );
    const items = listOf(page, options.key);
    const first = items.length ? JSON.stringify(items[0]) : undefined;
    if (first !== undefined && first === previousFirst) throw stuck(req, 'it answered the same page again');
    previousFirst = first;
    out.push(...items);
    if (out.length >= limit) break;
    if (typeof page.nextPageToken === 'string' && page.nextPageToken) {
      if (page.isLast === true) break;
      if (tokens.has(page.nextPageToken)) throw stuck(req, 'it answered a page token it had given before');
      tokens.add(page.nextPageToken);
      token = page.nextPageToken;
      continue;
    }
    if (tokenPaged || items.length === 0 || page.isLast === true) break;
    const total = typeof page.total === 'number' ? page.total : undefined;
    // Our own position wins over an echoed startAt that did not move (startAt never goes back).
    const at = typeof page.startAt === 'number' && page.startAt > startAt ? page.startAt : startAt;
    if (page.isLast === undefined && (total === undefined || at + items.length >= total)) break;
    startAt = at + items.length;
  }
  return out.slice(0, limit === Number.POSITIVE_INFINITY ? undefined : limit);
};
