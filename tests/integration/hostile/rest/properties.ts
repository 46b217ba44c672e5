/** Entity properties of issues, projects and users: keys and values that are too long, too deep, not JSON, or someone else's. */
import { deepArrays, long, MALFORMED_JSON } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';
const IP = `${V3}/issue/ACME-1/properties`;

const cases: RestCase[] = [
  { name: 'issue: a value of malformed JSON', method: 'PUT', path: `${IP}/probe`, as: 'dev', raw: MALFORMED_JSON.truncated, expect: 400 },
  { name: 'issue: a key of 300 characters', method: 'PUT', path: `${IP}/${long(300)}`, as: 'dev', body: { a: 1 }, expect: 400 },
  { name: 'issue: a value nested 10,000 deep', method: 'PUT', path: `${IP}/deep`, as: 'dev', raw: deepArrays(10_000), expect: 400 },
  { name: 'issue: a value of 1 MB', method: 'PUT', path: `${IP}/big`, as: 'dev', body: { v: long(1_000_000) }, expect: 400 },
  { name: 'issue: __proto__ as the key', method: 'PUT', path: `${IP}/__proto__`, as: 'dev', body: { polluted: true }, expect: 'no-5xx' },
  {
    name: 'issue: a value of prototype keys',
    method: 'PUT',
    path: `${IP}/proto`,
    as: 'dev',
    raw: '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"x": 1}}}',
    expect: 'no-5xx',
  },
  { name: 'issue: an empty body', point: 7, method: 'PUT', path: `${IP}/empty`, as: 'dev', raw: '', expect: 400 },
  {
    name: 'issue: on an issue the caller cannot see',
    method: 'PUT',
    path: `${V3}/issue/SEC-1/properties/probe`,
    as: 'dev',
    body: { a: 1 },
    expect: 404,
  },
  { name: 'issue: get a key with NUL in it', method: 'GET', path: `${IP}/a%00b`, expect: 404 },
  { name: 'issue: delete a property that does not exist', method: 'DELETE', path: `${IP}/nothing-here`, as: 'dev', expect: 404 },
  { name: 'issue: list them on a key that climbs out', method: 'GET', path: `${V3}/issue/..%2F..%2FACME-1/properties`, expect: 404 },
  {
    name: 'project: without administering it',
    method: 'PUT',
    path: `${V3}/project/OPS/properties/probe`,
    as: 'plain',
    body: { a: 1 },
    expect: [403, 404],
  },
  {
    name: 'project: a value that is a bare string',
    method: 'PUT',
    path: `${V2}/project/ACME/properties/s`,
    raw: '"just text"',
    expect: [200, 201, 400],
  },
  {
    name: 'user: someone else’s',
    method: 'PUT',
    path: `${V3}/user/properties/probe?accountId=u-bob`,
    as: 'carol',
    body: { a: 1 },
    expect: [403, 404],
  },
  { name: 'user: without saying whose', method: 'PUT', path: `${V3}/user/properties/probe`, as: 'dev', body: { a: 1 }, expect: 'no-5xx' },
  { name: 'user: of no one', method: 'GET', path: `${V3}/user/properties?accountId=u-nobody`, expect: 404 },
];

export const properties: RestFamily = { family: 'properties', cases };
