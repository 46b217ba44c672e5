/**
 * The control API (`/_understudy/`) and the rehearsal's fork hub: another site's Host or Origin
 * (DNS rebinding, cross-origin writes), bodies and queries it does not expect, fork ids and cookies
 * that are not.
 */
import { MALFORMED_JSON } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const C = '/_understudy';

const cases: RestCase[] = [
  {
    name: 'personas: asked with another site’s Host (DNS rebinding)',
    point: 2,
    tags: ['always'],
    method: 'GET',
    path: `${C}/personas`,
    headers: { host: 'attacker.example' },
    expect: '4xx',
  },
  {
    name: 'hash: asked with another site’s Host',
    point: 2,
    method: 'GET',
    path: `${C}/hash`,
    headers: { host: 'attacker.example:80' },
    expect: '4xx',
  },
  {
    name: 'restore: a cross-origin form post',
    point: 2,
    tags: ['always'],
    method: 'POST',
    path: `${C}/restore`,
    headers: { origin: 'http://attacker.example' },
    raw: 'x=1',
    contentType: 'text/plain',
    expect: 403,
  },
  {
    name: 'checkpoint: posted from another port of this machine',
    point: 2,
    method: 'POST',
    path: `${C}/checkpoint`,
    headers: { origin: 'http://127.0.0.1:1' },
    expect: 403,
  },
  {
    name: 'tasks/release: a cross-origin post',
    point: 2,
    method: 'POST',
    path: `${C}/tasks/release`,
    headers: { origin: 'http://attacker.example' },
    expect: 403,
  },
  {
    name: 'outbox: recipient given as an array',
    method: 'GET',
    path: `${C}/outbox?recipient[]=u-bob&recipient[]=u-carol&event=__proto__`,
    expect: 'no-5xx',
  },
  { name: 'outbox: NUL in the filters', method: 'GET', path: `${C}/outbox?recipient=%00&event=%00`, expect: 200 },
  { name: 'an endpoint that does not exist', method: 'GET', path: `${C}/../../package.json`, expect: 404 },
  { name: 'health: by POST', method: 'POST', path: `${C}/health`, expect: [404, 405] },
  { name: 'restore: with a malformed JSON body', method: 'POST', path: `${C}/restore`, raw: MALFORMED_JSON.truncated, expect: 400 },
  {
    name: 'checkpoint: a body in a charset the parser does not know',
    method: 'POST',
    path: `${C}/checkpoint`,
    raw: '{}',
    contentType: 'application/json; charset=koi8-r',
    expect: 415,
  },
  { name: 'a path that is only percent signs', method: 'GET', path: `${C}/%%`, expect: [400, 404] },
  {
    name: 'hub: a malformed fork cookie',
    point: 4,
    tags: ['always'],
    target: 'hub',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: { cookie: 'understudy_fork=%' },
    expect: '4xx',
  },
  {
    name: 'hub: a fork cookie of broken UTF-8',
    point: 4,
    target: 'hub',
    method: 'GET',
    path: '/rest/api/2/issue/ACME-1',
    headers: { cookie: 'understudy_fork=%E0%A4%A' },
    expect: '4xx',
  },
  {
    name: 'hub: a fork that does not exist, on a Jira path',
    point: 4,
    target: 'hub',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: { 'x-understudy-fork': 'fdeadbeef' },
    expect: 404,
  },
  {
    name: 'hub: a write without a fork, on a Jira path',
    point: 4,
    target: 'hub',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    body: { body: 'x' },
    expect: 409,
  },
  {
    name: 'hub: malformed JSON on a fork',
    target: 'hub',
    method: 'POST',
    path: '/rest/api/2/issue',
    headers: { 'x-understudy-fork': '$FORK' },
    raw: MALFORMED_JSON.truncated,
    expect: 400,
  },
  { name: 'hub: delete a fork whose id climbs out', target: 'hub', method: 'DELETE', path: `${C}/forks/..%2F..%2Fx`, expect: 404 },
  {
    name: 'hub: forks made from another site',
    point: 2,
    target: 'hub',
    method: 'POST',
    path: `${C}/forks`,
    headers: { origin: 'http://attacker.example' },
    expect: 403,
  },
  {
    name: 'hub: a fork cookie of 4,000 characters',
    point: 4,
    target: 'hub',
    method: 'GET',
    path: '/rest/api/2/myself',
    headers: { cookie: `understudy_fork=${'f'.repeat(4_000)}` },
    expect: [400, 404],
  },
];

export const control: RestFamily = { family: 'control API', cases };
