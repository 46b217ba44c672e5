/**
 * Hostile JQL, paging and request sizes on every search route of a sandbox in its own process:
 * each answer is a 4xx in the route's own shape (Jira's under /rest, the navigator's page in the UI)
 * naming the limit; never a 5xx, a stack trace, Node's bare status line, or a hang — a health check
 * answers while a pathological text search runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxProcess, startSandboxProcess } from './helpers/sandbox-process.ts';

let s: SandboxProcess;
beforeAll(async () => {
  s = await startSandboxProcess();
  // A word a backtracking regex chokes on: `a*a*a*a*a*a*b` tried 200^6 ways over it.
  const put = await call('PUT', '/rest/api/2/issue/ACME-5', { body: { fields: { summary: 'a'.repeat(200) } } });
  expect(put.status).toBe(204);
});
afterAll(() => s?.kill());

interface Answer {
  status: number;
  text: string;
  body: any;
  type: string;
}
const call = async (method: string, path: string, o: { body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> => {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: {
      accept: 'application/json',
      authorization: s.auth('alice'),
      cookie: 'understudy_persona=u-alice',
      ...(o.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...o.headers,
    },
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await res.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body, type: res.headers.get('content-type') ?? '' };
};

const STACK = /\n\s+at |\.ts:\d+|node_modules|\/work\/|internal\/|RangeError|SyntaxError/;

/** Every route that runs a JQL query: how it takes one, and where its error message goes. */
interface Route {
  name: string;
  /** Takes the query in the URL (so only queries that fit in one). */
  get: boolean;
  send: (jql: string) => [method: string, path: string, body?: unknown];
  /** Where the message is: Jira's errorMessages, its errors.jql (filters), or the navigator's page. */
  shape: 'messages' | 'field' | 'page';
}
const q = encodeURIComponent;
const ROUTES: Route[] = [
  { name: 'GET /rest/api/2/search', get: true, send: (jql) => ['GET', `/rest/api/2/search?jql=${q(jql)}`], shape: 'messages' },
  { name: 'POST /rest/api/2/search', get: false, send: (jql) => ['POST', '/rest/api/2/search', { jql }], shape: 'messages' },
  { name: 'GET /rest/api/3/search', get: true, send: (jql) => ['GET', `/rest/api/3/search?jql=${q(jql)}`], shape: 'messages' },
  { name: 'POST /rest/api/3/search', get: false, send: (jql) => ['POST', '/rest/api/3/search', { jql }], shape: 'messages' },
  { name: 'GET /rest/api/latest/search', get: true, send: (jql) => ['GET', `/rest/api/latest/search?jql=${q(jql)}`], shape: 'messages' },
  { name: 'GET /rest/api/2/search/jql', get: true, send: (jql) => ['GET', `/rest/api/2/search/jql?jql=${q(jql)}`], shape: 'messages' },
  { name: 'GET /rest/api/3/search/jql', get: true, send: (jql) => ['GET', `/rest/api/3/search/jql?jql=${q(jql)}`], shape: 'messages' },
  {
    name: 'POST /rest/api/3/search/jql',
    get: false,
    send: (jql) => ['POST', '/rest/api/3/search/jql', { jql, fields: ['summary'] }],
    shape: 'messages',
  },
  { name: 'POST /rest/api/latest/search/jql', get: false, send: (jql) => ['POST', '/rest/api/latest/search/jql', { jql }], shape: 'messages' },
  {
    name: 'POST /rest/api/3/search/approximate-count',
    get: false,
    send: (jql) => ['POST', '/rest/api/3/search/approximate-count', { jql }],
    shape: 'messages',
  },
  {
    name: 'GET /rest/agile/1.0/board/1/issue',
    get: true,
    send: (jql) => ['GET', `/rest/agile/1.0/board/1/issue?jql=${q(jql)}`],
    shape: 'messages',
  },
  {
    name: 'DELETE /rest/api/3/field/…/option/…/issue (replace an option where jql finds it)',
    get: true,
    send: (jql) => [
      'DELETE',
      `/rest/api/3/field/customfield_10010/context/ctx-sev-global/option/opt-sev-1/issue?replaceWith=opt-sev-2&jql=${q(jql)}`,
    ],
    shape: 'messages',
  },
  { name: 'POST /rest/api/2/filter', get: false, send: (jql) => ['POST', '/rest/api/2/filter', { name: 'hostile', jql }], shape: 'field' },
  { name: 'PUT /rest/api/3/filter/10100', get: false, send: (jql) => ['PUT', '/rest/api/3/filter/10100', { jql }], shape: 'field' },
  { name: 'GET /issues/ (the navigator)', get: true, send: (jql) => ['GET', `/issues/?jql=${q(jql)}`], shape: 'page' },
];

const DEEP =
  /^Error in the JQL Query: The query nests parentheses and NOT more than 200 levels deep\. Write it with fewer nested groups\. \(line 1, character \d+\)$/;
const LONG = /^Error in the JQL Query: The query is \d+ characters long; at most 100000 are allowed\. Split it into smaller queries\.$/;
const LIST = /^Error in the JQL Query: Expecting either a value or function but got a list\. \(line 1, character 12\)$/;
const TERM = /^The text to search for in the field 'summary' is \d+ characters long; at most 1000 are allowed\. Search for fewer or shorter words\.$/;

/** Hostile queries: each was a 500 (stack overflow, a regex too large) or a 200 before the limits. */
const QUERIES: Array<{ name: string; jql: string; message: RegExp; words: string }> = [
  { name: '5,000 unbalanced (', jql: `${'('.repeat(5_000)}project = ACME`, message: DEEP, words: 'more than 200 levels deep' },
  { name: '8,000 !', jql: `${'!'.repeat(8_000)}project = ACME`, message: DEEP, words: 'more than 200 levels deep' },
  { name: 'a list of 5,000 (', jql: `status in ${'('.repeat(5_000)}Open`, message: LIST, words: 'but got a list' },
  { name: 'a 5,000-character ~ term', jql: `summary ~ "${'a'.repeat(5_000)}"`, message: TERM, words: 'at most 1000 are allowed' },
  { name: '50,000 (', jql: '('.repeat(50_000), message: DEEP, words: 'more than 200 levels deep' },
  { name: '20,000 NOT', jql: `${'NOT '.repeat(20_000)}project = ACME`, message: DEEP, words: 'more than 200 levels deep' },
  { name: '50,000 NOT', jql: `${'NOT '.repeat(50_000)}project = ACME`, message: LONG, words: 'at most 100000 are allowed' },
  { name: 'a 100,000-character ~ term', jql: `summary ~ "${'a'.repeat(100_000)}"`, message: LONG, words: 'at most 100000 are allowed' },
];
const fitsUrl = (jql: string) => q(jql).length < 12_000;
const cases = ROUTES.flatMap((route) =>
  QUERIES.filter((x) => !route.get || fitsUrl(x.jql)).map((x) => ({ ...x, route, label: `${route.name}: ${x.name}` })),
);

describe('hostile JQL is a 400 naming the limit, on every search route', () => {
  it.each(cases)('$label', async ({ route, jql, message, words }) => {
    const [method, path, body] = route.send(jql);
    const r = await call(method, path, { body });
    expect(r.status).toBe(400);
    expect(r.text).not.toMatch(STACK);
    if (route.shape === 'messages') expect(r.body).toEqual({ errorMessages: [expect.stringMatching(message)], errors: {} });
    else if (route.shape === 'field') expect(r.body).toEqual({ errorMessages: [], errors: { jql: expect.stringMatching(message) } });
    else {
      expect(r.type).toMatch(/^text\/html/);
      expect(r.text).toContain(words);
      expect(r.text).toMatch(/role="alert"/);
    }
  });
});

describe("paging numbers that are not numbers are Jira's 400", () => {
  const NAN = /^The value (.+) of the parameter '(startAt|maxResults)' is not a valid integer\.$/;
  const paging: Array<[string, string, unknown?]> = [
    ['GET /rest/api/2/search?maxResults=abc', '/rest/api/2/search?jql=&maxResults=abc'],
    ['GET /rest/api/3/search?startAt=x1', '/rest/api/3/search?startAt=x1'],
    ['GET /rest/api/3/search?maxResults=1.5', '/rest/api/3/search?maxResults=1.5'],
    ['GET /rest/api/3/search?maxResults=abc&maxResults=5 (the first counts)', '/rest/api/3/search?maxResults=abc&maxResults=5'],
    ['GET /rest/api/3/search?startAt=99999999999999999999', '/rest/api/3/search?startAt=99999999999999999999'],
    ['GET /rest/api/3/search/jql?maxResults=ten', '/rest/api/3/search/jql?jql=project%3DACME&maxResults=ten'],
    ['GET /rest/api/latest/search?maxResults=0x10', '/rest/api/latest/search?maxResults=0x10'],
    ['POST /rest/api/3/search {maxResults: "abc"}', '/rest/api/3/search', { maxResults: 'abc' }],
    ['POST /rest/api/3/search {startAt: []}', '/rest/api/3/search', { startAt: [] }],
    ['POST /rest/api/2/search {maxResults: {}}', '/rest/api/2/search', { maxResults: {} }],
    ['POST /rest/api/3/search/jql {maxResults: [10]}', '/rest/api/3/search/jql', { jql: 'project = ACME', maxResults: [10] }],
    ['POST /rest/api/3/search/jql {maxResults: true}', '/rest/api/3/search/jql', { maxResults: true }],
    ['GET /rest/agile/1.0/board/1/issue?maxResults=abc', '/rest/agile/1.0/board/1/issue?maxResults=abc'],
    ['GET /rest/agile/1.0/board/1/issue?startAt=-', '/rest/agile/1.0/board/1/issue?startAt=-'],
  ];
  it.each(paging)('%s', async (_name, path, body) => {
    const r = await call(body === undefined ? 'GET' : 'POST', path, { body });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ errorMessages: [expect.stringMatching(NAN)], errors: {} });
  });
});

describe("requests Node or express refused without Jira's shape are Jira-shaped 400s", () => {
  const many = (n: number, name = (i: number) => `p${i}=${i}`) => Array.from({ length: n }, (_, i) => name(i)).join('&');
  const HEADERS = /^The request line and headers are larger than the 16 KB the sandbox accepts\. /;
  const PARAMS = /^The request has more than 1000 query parameters\. Send at most 1000 /;
  const rows: Array<[string, string, Record<string, string>, RegExp, 'jira' | 'control']> = [
    ['5,000 query parameters (a URL over 16 KB)', `/rest/api/3/search?jql=project%3DACME&${many(5_000)}`, {}, HEADERS, 'jira'],
    ['3,000 query parameters in 6 KB', `/rest/api/3/search?${many(3_000, () => 'a')}`, {}, PARAMS, 'jira'],
    ['1,001 query parameters', `/rest/api/2/search/jql?${many(1_001)}`, {}, PARAMS, 'jira'],
    ['a 20 KB cookie', '/rest/api/3/myself', { cookie: `x=${'c'.repeat(20_000)}` }, HEADERS, 'jira'],
    ['a 20 KB header on the control API', '/_understudy/health', { 'x-padding': 'h'.repeat(20_000) }, HEADERS, 'jira'],
    ['3,000 query parameters on the control API', `/_understudy/health?${many(3_000, () => 'a')}`, {}, PARAMS, 'control'],
  ];
  it.each(rows)('%s', async (_name, path, headers, message, shape) => {
    const r = await call('GET', path, { headers });
    expect(r.status).toBe(400);
    expect(r.type).toMatch(/^application\/json/);
    if (shape === 'jira') expect(r.body).toEqual({ errorMessages: [expect.stringMatching(message)], errors: {} });
    else expect(r.body).toEqual({ error: { code: 'too_many_parameters', message: expect.stringMatching(message) } });
  });
});

// Last: before the matcher, the first of these held the sandbox's event loop for hours.
describe('a pathological text search answers, and the sandbox answers others meanwhile', () => {
  it('a health request answers while a pathological query runs', { timeout: 30_000 }, async () => {
    const terms = Array(50).fill('a*a*a*a*a*a*a*b').join(' ');
    const slow = call('POST', '/rest/api/3/search/jql', { body: { jql: `text ~ "${terms}" OR summary ~ "a?a*a?a*a?a*a*a*b"` } });
    const health = fetch(`${s.url}/_understudy/health`);
    const [h, answered] = await Promise.all([health, slow]);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ issues: [], isLast: true });
  });

  const searching = ROUTES.filter((r) => r.shape !== 'field');
  it.each(searching)('$name: summary ~ "a*a*a*a*a*a*b" over a 200-a summary answers', { timeout: 10_000 }, async (route) => {
    const [method, path, body] = route.send('summary ~ "a*a*a*a*a*a*b"');
    const r = await call(method, path, { body });
    expect(r.status).toBeLessThan(300);
    expect(r.text).not.toMatch(STACK);
  });
});

describe('within the limits paging reads as Jira reads it', () => {
  it('clamps maxResults, counts a repeated parameter once and a negative one as the default', async () => {
    expect((await call('GET', '/rest/api/3/search?maxResults=100000')).body).toMatchObject({ maxResults: 1000 });
    expect((await call('GET', '/rest/api/3/search?maxResults=2&maxResults=abc')).body).toMatchObject({ maxResults: 2 });
    expect((await call('GET', '/rest/api/3/search?maxResults=-5&startAt=-3')).body).toMatchObject({ maxResults: 50, startAt: 0 });
    expect((await call('POST', '/rest/api/3/search', { body: { maxResults: '3', startAt: 1 } })).body).toMatchObject({ maxResults: 3, startAt: 1 });
    const agile = await call('GET', '/rest/agile/1.0/board/1/issue?jql=summary%20~%20renew&maxResults=5');
    expect(agile.body).toMatchObject({ maxResults: 5, total: 1, issues: [{ key: 'OPS-2' }] });
  });
});
