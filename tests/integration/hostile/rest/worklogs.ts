/** Worklogs: durations and dates that are not, estimates that make no sense, other people's logs. */
import { MALFORMED_JSON } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';
const W = `${V2}/issue/ACME-1/worklog`;

const cases: RestCase[] = [
  { name: 'add: an empty object', method: 'POST', path: W, as: 'dev', body: {}, expect: 400 },
  { name: 'add: a duration of "banana"', method: 'POST', path: W, as: 'dev', body: { timeSpent: 'banana' }, expect: 400 },
  { name: 'add: negative seconds', method: 'POST', path: W, as: 'dev', body: { timeSpentSeconds: -5 }, expect: 400 },
  { name: 'add: 1e999 seconds', method: 'POST', path: W, as: 'dev', raw: '{"timeSpentSeconds": 1e999}', expect: 400 },
  { name: 'add: seconds as a string', method: 'POST', path: W, as: 'dev', body: { timeSpentSeconds: '60' }, expect: 'no-5xx' },
  { name: 'add: 99999999999999999999w', method: 'POST', path: W, as: 'dev', body: { timeSpent: '99999999999999999999w' }, expect: 400 },
  {
    name: 'add: a start that is no date',
    method: 'POST',
    path: W,
    as: 'dev',
    body: { timeSpent: '1h', started: '2025-13-45T25:61:00.000+0000' },
    expect: 400,
  },
  { name: 'add: a start that is a number', method: 'POST', path: W, as: 'dev', body: { timeSpent: '1h', started: 1700000000 }, expect: 400 },
  {
    name: 'add: a v3 comment that is not ADF',
    method: 'POST',
    path: `${V3}/issue/ACME-1/worklog`,
    as: 'dev',
    body: { timeSpent: '1h', comment: { type: 'doc', content: 7 } },
    expect: 400,
  },
  { name: 'add: malformed JSON', method: 'POST', path: W, as: 'dev', raw: MALFORMED_JSON.singleQuotes, expect: 400 },
  { name: 'add: a body that is an array', method: 'POST', path: W, as: 'dev', body: [{ timeSpent: '1h' }], expect: 400 },
  {
    name: 'add: adjustEstimate=new without newEstimate',
    method: 'POST',
    path: `${W}?adjustEstimate=new`,
    as: 'dev',
    body: { timeSpent: '1h' },
    expect: 400,
  },
  { name: 'add: adjustEstimate=sideways', method: 'POST', path: `${W}?adjustEstimate=sideways`, as: 'dev', body: { timeSpent: '1h' }, expect: 400 },
  {
    name: 'add: reduceBy of "a lot"',
    method: 'POST',
    path: `${W}?adjustEstimate=manual&reduceBy=a%20lot`,
    as: 'dev',
    body: { timeSpent: '1h' },
    expect: 400,
  },
  {
    name: 'add: on an issue the caller cannot see',
    method: 'POST',
    path: `${V2}/issue/SEC-1/worklog`,
    as: 'dev',
    body: { timeSpent: '1h' },
    expect: 404,
  },
  {
    name: 'add: without the permission',
    method: 'POST',
    path: `${V2}/issue/OPS-1/worklog`,
    as: 'plain',
    body: { timeSpent: '1h' },
    expect: [403, 404],
  },
  { name: 'list: startedAfter=yesterday', method: 'GET', path: `${W}?startedAfter=yesterday&startAt=abc`, expect: 'no-5xx' },
  { name: 'get: a worklog that does not exist', method: 'GET', path: `${W}/999999`, expect: 404 },
  { name: 'edit: a worklog that does not exist', method: 'PUT', path: `${W}/999999`, as: 'dev', body: { timeSpent: '2h' }, expect: 404 },
  { name: 'delete: an id with a path in it', method: 'DELETE', path: `${W}/..%2F..%2F1`, as: 'dev', expect: 404 },
];

export const worklogs: RestFamily = { family: 'worklogs', cases };
