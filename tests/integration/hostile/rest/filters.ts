/** Saved filters: names, JQL and shares of every wrong kind; filters that belong to someone else. */
import { long } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';

const cases: RestCase[] = [
  { name: 'create: an empty object', method: 'POST', path: `${V3}/filter`, as: 'dev', body: {}, expect: 400 },
  {
    name: 'create: a name of 10,000 characters',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: long(10_000), jql: 'project = ACME' },
    expect: 400,
  },
  {
    name: 'create: a name that is an array',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: ['a'], jql: 'project = ACME' },
    expect: 400,
  },
  {
    name: 'create: JQL nested 50,000 deep',
    point: 3,
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 'deep', jql: `${'('.repeat(50_000)}project = ACME${')'.repeat(50_000)}` },
    expect: 400,
  },
  {
    name: 'create: JQL that does not parse',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 'broken', jql: 'project = = ACME' },
    expect: 400,
  },
  {
    name: 'create: a share of a type Jira does not have',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 's', jql: 'project = ACME', sharePermissions: [{ type: 'planet' }] },
    expect: 400,
  },
  {
    name: 'create: sharePermissions that is an object',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 's', jql: 'project = ACME', sharePermissions: { type: 'global' } },
    expect: 400,
  },
  {
    name: 'create: a group share without the group',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 's', jql: 'project = ACME', sharePermissions: [{ type: 'group' }] },
    expect: 400,
  },
  {
    name: 'create: a name already taken by the owner',
    method: 'POST',
    path: `${V3}/filter`,
    as: 'dev',
    body: { name: 'Open ACME bugs', jql: 'project = ACME' },
    expect: 400,
  },
  {
    name: 'update: someone else’s filter',
    method: 'PUT',
    path: `${V3}/filter/10100`,
    as: 'carol',
    body: { name: 'mine now', jql: 'project = ACME' },
    expect: [400, 403, 404],
  },
  { name: 'update: a filter id that is not a number', method: 'PUT', path: `${V3}/filter/abc`, as: 'dev', body: { name: 'x' }, expect: [400, 404] },
  { name: 'update: a body that is a string', method: 'PUT', path: `${V3}/filter/10100`, as: 'dev', raw: '"Open ACME bugs"', expect: 400 },
  { name: 'delete: someone else’s filter', method: 'DELETE', path: `${V3}/filter/10101`, as: 'dev', expect: [400, 401, 403, 404] },
  {
    name: 'owner: to someone who does not exist',
    method: 'PUT',
    path: `${V3}/filter/10100/owner`,
    body: { accountId: 'u-nobody' },
    expect: [400, 404],
  },
  {
    name: 'share: a group whose name climbs out',
    method: 'POST',
    path: `${V3}/filter/10100/permission`,
    as: 'dev',
    body: { type: 'group', groupname: '../../jira-administrators' },
    expect: [400, 404],
  },
  {
    name: 'search: filterName of NUL, maxResults=-1',
    method: 'GET',
    path: `${V3}/filter/search?filterName=%00&maxResults=-1&startAt=-1`,
    expect: 'no-5xx',
  },
  {
    name: 'search: orderBy=__proto__ and expand=constructor',
    method: 'GET',
    path: `${V3}/filter/search?orderBy=__proto__&expand=constructor`,
    expect: 'no-5xx',
  },
  { name: 'get: expand=__proto__', method: 'GET', path: `${V2}/filter/10100?expand=__proto__`, expect: 200 },
  { name: 'get: a filter not shared with the caller', method: 'GET', path: `${V2}/filter/10101`, as: 'plain', expect: [400, 403, 404] },
  { name: 'favourite: anonymously', method: 'GET', path: `${V2}/filter/favourite`, as: 'anon', expect: [200, 401] },
];

export const filters: RestFamily = { family: 'filters', cases };
