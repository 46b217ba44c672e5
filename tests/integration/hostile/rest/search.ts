/** Search and JQL: every search route with queries that are deep, huge, slow to match, or not JQL at all. */
import { long, REDOS_TERM } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';
const enc = encodeURIComponent;

const deepParens = (n: number) => `${'('.repeat(n)}project = ACME${')'.repeat(n)}`;
const manyNots = (n: number) => `${'NOT '.repeat(n)}project = ACME`;
const unbalanced = (n: number) => `${'('.repeat(n)}project = ACME`;
const redos = (terms: number) => Array.from({ length: terms }, () => `summary ~ "${REDOS_TERM}"`).join(' OR ');

const cases: RestCase[] = [
  {
    name: 'POST search/jql: five backtracking ~ terms over 200 a’s',
    point: 1,
    tags: ['always'],
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: redos(5), fields: ['summary'] },
    expect: [200, 400],
  },
  {
    name: 'GET search: one backtracking ~ term',
    point: 1,
    method: 'GET',
    path: `${V2}/search?jql=${enc(`summary ~ "${REDOS_TERM}"`)}`,
    expect: [200, 400],
  },
  {
    name: 'POST search: a ~ term of 100,000 characters',
    point: 1,
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: `summary ~ "${long(100_000, 'ab*')}"` },
    expect: [200, 400],
  },
  {
    name: 'POST search/jql: a text ~ term of 100,000 wildcards',
    point: 1,
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: `text ~ "${long(100_000, '?*')}"` },
    expect: [200, 400],
  },
  {
    name: 'POST approximate-count: backtracking ~ terms',
    point: 1,
    method: 'POST',
    path: `${V3}/search/approximate-count`,
    body: { jql: redos(3) },
    expect: [200, 400],
  },
  {
    name: 'POST search/jql: 50,000 nested (',
    point: 3,
    tags: ['always'],
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: deepParens(50_000) },
    expect: 400,
  },
  { name: 'POST search: 50,000 NOT', point: 3, method: 'POST', path: `${V2}/search`, body: { jql: manyNots(50_000) }, expect: 400 },
  { name: 'POST search/jql: 5,000 unbalanced (', point: 3, method: 'POST', path: `${V3}/search/jql`, body: { jql: unbalanced(5_000) }, expect: 400 },
  {
    name: 'GET search/jql: 4,500 unbalanced ( in the URL',
    point: 3,
    method: 'GET',
    path: `${V3}/search/jql?jql=${enc(unbalanced(4_500))}`,
    expect: 400,
  },
  {
    name: 'POST approximate-count: 50,000 nested (',
    point: 3,
    method: 'POST',
    path: `${V3}/search/approximate-count`,
    body: { jql: deepParens(50_000) },
    expect: 400,
  },
  {
    name: 'GET search: 5,000 query parameters',
    point: 15,
    tags: ['always'],
    method: 'GET',
    path: `${V2}/search?${Array.from({ length: 5_000 }, (_, i) => `p${i}=1`).join('&')}`,
    expect: '4xx',
  },
  { name: 'POST search/jql: jql is a number', method: 'POST', path: `${V3}/search/jql`, body: { jql: 42 }, expect: 400 },
  { name: 'POST search/jql: jql is an object', method: 'POST', path: `${V3}/search/jql`, body: { jql: { project: 'ACME' } }, expect: 400 },
  { name: 'POST search/jql: a body that is an array', method: 'POST', path: `${V3}/search/jql`, body: ['project = ACME'], expect: 400 },
  {
    name: 'POST search/jql: fields is an object',
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: 'project = ACME', fields: { a: 1 } },
    expect: 400,
  },
  {
    name: 'POST search/jql: maxResults is a string',
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: 'project = ACME', maxResults: 'all' },
    expect: 400,
  },
  {
    name: 'POST search/jql: a nextPageToken that is no token',
    method: 'POST',
    path: `${V3}/search/jql`,
    body: { jql: 'project = ACME', nextPageToken: '../../etc/passwd' },
    expect: 400,
  },
  { name: 'GET search: NUL in the JQL', method: 'GET', path: `${V2}/search?jql=${enc('summary ~ "a\u0000b"')}`, expect: [200, 400] },
  { name: 'GET search: an unknown function', method: 'GET', path: `${V2}/search?jql=${enc('assignee = constructor()')}`, expect: 400 },
  { name: 'GET search: __proto__ as a field', method: 'GET', path: `${V2}/search?jql=${enc('__proto__ = 1')}`, expect: 400 },
  {
    name: 'GET search: constructor and toString as fields',
    method: 'GET',
    path: `${V2}/search?jql=${enc('constructor = 1 OR toString ~ x ORDER BY hasOwnProperty')}`,
    expect: 400,
  },
  { name: 'GET search: an unterminated string', method: 'GET', path: `${V2}/search?jql=${enc('summary ~ "open')}`, expect: 400 },
  { name: 'GET search: a lone backslash', method: 'GET', path: `${V2}/search?jql=${enc('summary ~ "\\"')}`, expect: 400 },
  {
    name: 'GET search: maxResults=-1 and startAt=-5',
    method: 'GET',
    path: `${V2}/search?jql=project%3DACME&maxResults=-1&startAt=-5`,
    expect: 'no-5xx',
  },
  { name: 'GET search: maxResults=1e309', method: 'GET', path: `${V2}/search?jql=project%3DACME&maxResults=1e309`, expect: 'no-5xx' },
  { name: 'GET search: validateQuery=banana', method: 'GET', path: `${V2}/search?jql=project%3DACME&validateQuery=banana`, expect: 'no-5xx' },
  {
    name: 'GET search: expand=__proto__ and fields=*all,-*all',
    method: 'GET',
    path: `${V2}/search?jql=project%3DACME&expand=__proto__,names,schema&fields=*all,-*all`,
    expect: 200,
  },
  {
    name: 'POST search: key in 10,000 keys',
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: `key in (${Array.from({ length: 10_000 }, (_, i) => `ACME-${i}`).join(',')})` },
    expect: [200, 400],
  },
  {
    name: 'POST search: a string literal of 1,000,000 characters',
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: `summary = "${long(1_000_000)}"` },
    expect: [200, 400],
  },
  {
    name: 'POST search: ORDER BY 5,000 fields',
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: `project = ACME ORDER BY ${Array.from({ length: 5_000 }, () => 'created').join(', ')}` },
    expect: [200, 400],
  },
  {
    name: 'POST search: 20,000 OR clauses',
    point: 1,
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: Array.from({ length: 20_000 }, (_, i) => `summary ~ "w${i}"`).join(' OR ') },
    expect: [200, 400],
  },
  { name: 'POST search: a ~ term of only wildcards', method: 'POST', path: `${V2}/search`, body: { jql: 'summary ~ "*"' }, expect: [200, 400] },
  {
    name: 'POST search: relative dates with absurd offsets',
    method: 'POST',
    path: `${V2}/search`,
    body: { jql: 'created > startOfDay(-99999999999d) AND updated < endOfDay(1e308w)' },
    expect: [200, 400],
  },
  {
    name: 'GET search: legacy search as anonymous on a restricted project',
    method: 'GET',
    path: `${V2}/search?jql=project%3DSEC`,
    as: 'anon',
    expect: [200, 400],
  },
  {
    name: 'GET createmeta: an issue type that does not exist',
    method: 'GET',
    path: `${V3}/issue/createmeta/ACME/issuetypes/99999`,
    expect: [400, 404],
  },
  { name: 'GET createmeta: a project key with NUL', method: 'GET', path: `${V3}/issue/createmeta/AC%00ME/issuetypes`, expect: [400, 404] },
  {
    name: 'GET createmeta: projectKeys of 1,000 keys',
    method: 'GET',
    path: `${V2}/issue/createmeta?projectKeys=${Array.from({ length: 1_000 }, (_, i) => `K${i}`).join(',')}&expand=projects.issuetypes.fields`,
    expect: 200,
  },
];

export const search: RestFamily = { family: 'search/JQL', cases };
