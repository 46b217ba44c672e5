/** Projects and the catalogue (types, priorities, statuses, resolutions, server info): ids that are not ids, parameters that are not parameters. */
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';

const cases: RestCase[] = [
  { name: 'project: a key of ..', method: 'GET', path: `${V2}/project/%2e%2e`, expect: 404 },
  { name: 'project: expand=__proto__,constructor', method: 'GET', path: `${V2}/project/ACME?expand=__proto__,constructor,lead`, expect: 200 },
  { name: 'project: one the caller cannot browse', method: 'GET', path: `${V2}/project/SEC`, as: 'dev', expect: 404 },
  { name: 'project search: maxResults=-1, startAt=NaN', method: 'GET', path: `${V3}/project/search?maxResults=-1&startAt=NaN`, expect: 'no-5xx' },
  {
    name: 'project search: a query of regex characters',
    method: 'GET',
    path: `${V3}/project/search?query=${encodeURIComponent('.*+?(^$[')}`,
    expect: 200,
  },
  { name: 'project search: orderBy=__proto__', method: 'GET', path: `${V3}/project/search?orderBy=__proto__`, expect: 'no-5xx' },
  { name: 'project role: an id that is not a number', method: 'GET', path: `${V2}/project/ACME/role/abc`, expect: 404 },
  { name: 'project versions: of a project that does not exist', method: 'GET', path: `${V2}/project/NOPE/versions`, expect: 404 },
  {
    name: 'project statuses: anonymously on a restricted project',
    method: 'GET',
    path: `${V2}/project/SEC/statuses`,
    as: 'anon',
    expect: [401, 404],
  },
  { name: 'priority: an id that is not one', method: 'GET', path: `${V2}/priority/abc`, expect: 404 },
  { name: 'status: NUL as a name', method: 'GET', path: `${V2}/status/%00`, expect: 404 },
  { name: 'status category: a key that does not exist', method: 'GET', path: `${V2}/statuscategory/99999`, expect: 404 },
  { name: 'issue type: an id with a path in it', method: 'GET', path: `${V2}/issuetype/..%2F10001`, expect: 404 },
  {
    name: 'resolution search: 1,000 ids',
    method: 'GET',
    path: `${V3}/resolution/search?${Array.from({ length: 1_000 }, (_, i) => `id=${i}`).join('&')}`,
    expect: 200,
  },
  { name: 'statuses search: maxResults=abc', method: 'GET', path: `${V3}/statuses/search?maxResults=abc&startAt=-1`, expect: 'no-5xx' },
  {
    name: 'server info: 5,000 query parameters',
    point: 15,
    method: 'GET',
    path: `${V2}/serverInfo?${Array.from({ length: 5_000 }, (_, i) => `q${i}=${i}`).join('&')}`,
    expect: '4xx',
  },
  {
    name: 'self links do not follow the Host header',
    point: 15,
    tags: ['always'],
    method: 'GET',
    path: `${V2}/issue/ACME-1`,
    headers: { host: 'evil.example:8443' },
    expect: 'no-5xx',
    check: (a) =>
      a.text.includes('evil.example') ? `the answer links to the Host header's site: ${a.text.match(/"self":"[^"]*"/)?.[0]}` : undefined,
  },
  { name: 'an unknown path below /rest', method: 'GET', path: '/rest/api/2/../../../../etc/passwd', expect: 404 },
  { name: 'an unknown API version', method: 'GET', path: '/rest/api/9/myself', expect: 404 },
  { name: 'a method the path does not have', method: 'PATCH', path: `${V2}/project/ACME`, body: { name: 'x' }, expect: [404, 405] },
];

export const projectsMeta: RestFamily = { family: 'projects/meta', cases };
