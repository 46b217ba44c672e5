/** People, users and groups: lookups of no one, pickers fed regexes, credentials of every broken kind, reads people may not make. */
import { long } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';

const cases: RestCase[] = [
  { name: 'user: an empty accountId', method: 'GET', path: `${V3}/user?accountId=`, expect: [400, 404] },
  { name: 'user: an accountId of 5,000 characters', method: 'GET', path: `${V3}/user?accountId=${long(5_000)}`, expect: 404 },
  { name: 'user: accountId given twice', method: 'GET', path: `${V3}/user?accountId=u-bob&accountId=u-carol`, expect: 'no-5xx' },
  { name: 'assignable: neither project nor issue', method: 'GET', path: `${V3}/user/assignable/search`, expect: 400 },
  {
    name: 'assignable: of a project the caller cannot browse',
    point: 6,
    method: 'GET',
    path: `${V3}/user/assignable/search?project=SEC`,
    as: 'dev',
    expect: 'no-5xx',
    check: (a) => (Array.isArray(a.body) && a.body.length ? `lists ${a.body.length} assignees of a project the caller cannot browse` : undefined),
  },
  { name: 'user groups: NUL as the account', method: 'GET', path: `${V3}/user/groups?accountId=%00`, expect: 404 },
  { name: 'group member: a group name that climbs out', method: 'GET', path: `${V3}/group/member?groupname=..%2F..%2Fetc`, expect: 404 },
  { name: 'group bulk: maxResults=-1', method: 'GET', path: `${V3}/group/bulk?maxResults=-1&startAt=-1`, expect: 'no-5xx' },
  { name: 'groups picker: a regex as the query', method: 'GET', path: `${V3}/groups/picker?query=${encodeURIComponent('(a+)+$')}`, expect: 200 },
  { name: 'group: create with an empty name', method: 'POST', path: `${V3}/group`, body: { name: '' }, expect: 400 },
  { name: 'group: create with a name that is an object', method: 'POST', path: `${V3}/group`, body: { name: { a: 1 } }, expect: 400 },
  {
    name: 'group: add a user whose id is a number',
    method: 'POST',
    path: `${V3}/group/user?groupname=developers`,
    body: { accountId: 42 },
    expect: [400, 404],
  },
  {
    name: 'group: delete the administrators as a developer',
    method: 'DELETE',
    path: `${V3}/group?groupname=jira-administrators`,
    as: 'dev',
    expect: 403,
  },
  { name: 'roles: read by a non-admin', point: 6, method: 'GET', path: `${V3}/role`, as: 'dev', expect: 403 },
  { name: 'roles: read anonymously', point: 6, method: 'GET', path: `${V3}/role`, as: 'anon', expect: 401 },
  {
    name: 'project role: add actors given as a string',
    method: 'POST',
    path: `${V3}/project/ACME/role/10001`,
    body: { user: 'u-bob' },
    expect: [200, 400],
  },
  {
    name: 'myself: a persona cookie alone is not a credential',
    point: 6,
    tags: ['always'],
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { cookie: 'understudy_persona=u-alice' },
    expect: 401,
  },
  {
    name: 'myself: Bearer with trailing garbage',
    point: 6,
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { authorization: 'Bearer $TOKEN:admin garbage' },
    expect: 401,
  },
  {
    name: 'myself: Basic that is not base64',
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { authorization: 'Basic %%%not-base64%%%' },
    expect: 401,
  },
  {
    name: 'myself: Basic of 8,000 characters',
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { authorization: `Basic ${Buffer.from(`a@b:${long(6_000)}`).toString('base64')}` },
    expect: 401,
  },
  {
    name: 'myself: a scheme that is not one',
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { authorization: 'Negotiate YII=' },
    expect: 401,
  },
  {
    name: 'myself: a session cookie of garbage',
    method: 'GET',
    path: `${V2}/myself`,
    as: 'anon',
    headers: { cookie: 'JSESSIONID=%; understudy_persona=%E0%A4%A' },
    expect: 401,
  },
];

export const people: RestFamily = { family: 'people/users/groups', cases };
