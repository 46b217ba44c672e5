/**
 * A request to Jira's REST API as data (method, path, query, JSON body), the way every reader of
 * Jira names one: the clone's transport, saved answers and the readers of pages all take it.
 */
export interface RequestLike {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  body?: unknown;
}

/** Something that answers requests with JSON (a live site, recorded answers, saved files). */
export interface Reader {
  read(req: RequestLike): Promise<unknown>;
}

/** The path with its query string, each name and value percent-encoded; undefined values left out. */
export const pathWithQuery = (req: RequestLike): string => {
  const q = Object.entries(req.query ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return q.length ? `${req.path}?${q.join('&')}` : req.path;
};
