/**
 * The shapes in which Jira pages a list, as the sandbox writes them (read-pages.ts reads all of them
 * back): a page bean `{self, nextPage?, maxResults, startAt, total, isLast, values}`, an offset page
 * `{startAt, maxResults, total, <list>}` (legacy search, comments, agile issues, create metadata), and
 * token pages `{issues, nextPageToken?, isLast}` whose token says where the next page starts, and
 * bare arrays paged by `startAt` and `maxResults` (the legacy user lists).
 */

/** Which part of a list a request asks for. */
export interface PageWindow {
  startAt: number;
  maxResults: number;
}

/** A non-negative integer parameter, capped; anything else gives the fallback (Jira ignores what it cannot read). */
export const intParam = (value: unknown, fallback: number, max = 1000): number => {
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? Math.min(Math.floor(n), max) : fallback;
};

/**
 * Why a paging parameter (`startAt`, `maxResults`) is one Jira refuses with 400, or undefined when it
 * reads: a number, or a string of at most 16 digits with an optional sign; absent, null or '' stand
 * for the default. A word, `1.5`, `1e3`, an object or a list in a JSON body are refused (a repeated
 * query parameter reaches here as its first value, as Jira's REST layer reads one).
 */
export const pagingProblem = (name: string, value: unknown): string | undefined => {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return undefined;
  if (typeof value === 'string' && /^\s*[+-]?\d{1,16}\s*$/.test(value)) return undefined;
  const shown =
    typeof value === 'string'
      ? `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`
      : Array.isArray(value)
        ? 'a list'
        : typeof value === 'object'
          ? 'an object'
          : `'${String(value)}'`;
  return `The value ${shown} of the parameter '${name}' is not a valid integer.`;
};

/** The window of `startAt` and `maxResults` as given (strings or numbers); `maxResults` defaults to `defaultMax` and is capped at `cap`. */
export const pageWindow = (startAt: unknown, maxResults: unknown, defaultMax = 50, cap = 1000): PageWindow => ({
  startAt: intParam(startAt, 0, Number.MAX_SAFE_INTEGER),
  maxResults: intParam(maxResults, defaultMax, cap),
});

/** A page bean; `self` is the URL of this page (the next page's URL differs in `startAt` only). */
export const pageBean = <T, U>(items: readonly T[], w: PageWindow, self: string, map: (x: T) => U) => {
  const slice = items.slice(w.startAt, w.startAt + w.maxResults);
  const isLast = w.startAt + slice.length >= items.length;
  const nextUrl = new URL(self);
  nextUrl.searchParams.set('startAt', String(w.startAt + w.maxResults));
  return {
    self,
    ...(isLast ? {} : { nextPage: nextUrl.toString() }),
    maxResults: w.maxResults,
    startAt: w.startAt,
    total: items.length,
    isLast,
    values: slice.map(map),
  };
};

/** An offset page naming its list `key` (`issues`, `comments`, `fields`, …). */
export const offsetPage = <T, U, K extends string>(items: readonly T[], w: PageWindow, key: K, map: (x: T) => U) =>
  ({ startAt: w.startAt, maxResults: w.maxResults, total: items.length, [key]: items.slice(w.startAt, w.startAt + w.maxResults).map(map) }) as {
    startAt: number;
    maxResults: number;
    total: number;
  } & Record<K, U[]>;

/** A bare array's window (the legacy user lists). */
export const arrayPage = <T>(items: readonly T[], w: PageWindow): T[] => items.slice(w.startAt, w.startAt + w.maxResults);

/** The `nextPageToken` of a token page that goes on at `startAt`. */
export const pageToken = (startAt: number): string => Buffer.from(`start:${startAt}`).toString('base64url');

/** Where a `nextPageToken` this sandbox gave goes on; undefined for any other text. */
export const pageTokenStart = (token: string): number | undefined => {
  const m = /^start:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : undefined;
};
