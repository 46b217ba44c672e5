/** Comments: bodies of the wrong type and size, ADF that is not ADF, visibility that is not visibility, other people's comments. */
import { deepObjects, long, MALFORMED_JSON, ODD_TEXT, protoBody } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const V3 = '/rest/api/3';
const adf = (content: unknown) => ({ body: { type: 'doc', version: 1, content } });

const cases: RestCase[] = [
  { name: 'add: an empty object', method: 'POST', path: `${V2}/issue/ACME-1/comment`, body: {}, expect: 400 },
  { name: 'add: a body that is a number', method: 'POST', path: `${V2}/issue/ACME-1/comment`, body: { body: 42 }, expect: 400 },
  { name: 'add: malformed JSON', method: 'POST', path: `${V2}/issue/ACME-1/comment`, raw: MALFORMED_JSON.comment, expect: 400 },
  { name: 'add: an empty string', method: 'POST', path: `${V2}/issue/ACME-1/comment`, body: { body: '' }, expect: 400 },
  {
    name: 'add: v3 with a wiki string where ADF belongs',
    method: 'POST',
    path: `${V3}/issue/ACME-1/comment`,
    body: { body: { type: 'doc', content: 'not a list' } },
    expect: 400,
  },
  {
    name: 'add: v3 ADF text node holding an object',
    point: 7,
    method: 'POST',
    path: `${V3}/issue/ACME-1/comment`,
    body: adf([{ type: 'paragraph', content: [{ type: 'text', text: { evil: 1 } }] }]),
    expect: 400,
  },
  {
    name: 'add: v3 ADF nested 20,000 deep',
    method: 'POST',
    path: `${V3}/issue/ACME-1/comment`,
    raw: `{"body": ${deepObjects(20_000, 'content')}}`,
    expect: 400,
  },
  {
    name: 'add: visibility naming a role that does not exist',
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    body: { body: 'x', visibility: { type: 'role', value: 'Nobody At All' } },
    expect: 400,
  },
  {
    name: 'add: visibility that is a string',
    point: 7,
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    body: { body: 'x', visibility: 'private' },
    expect: 400,
  },
  {
    name: 'add: visibility of a type Jira does not have',
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    body: { body: 'x', visibility: { type: 'everyone', value: 'x' } },
    expect: 400,
  },
  {
    name: 'add: a body of 1,000,000 characters',
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    body: { body: long(1_000_000) },
    expect: [201, 400],
  },
  {
    name: 'add: NUL, controls and bidi text',
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    body: { body: `${ODD_TEXT.nul} ${ODD_TEXT.controls} ${ODD_TEXT.bidi}` },
    expect: [201, 400],
  },
  {
    name: 'add: prototype keys beside the body',
    method: 'POST',
    path: `${V2}/issue/ACME-1/comment`,
    raw: protoBody('"body": "hello"'),
    expect: 'no-5xx',
  },
  { name: 'add: on an issue the caller cannot see', method: 'POST', path: `${V2}/issue/SEC-1/comment`, as: 'dev', body: { body: 'x' }, expect: 404 },
  { name: 'add: anonymously', method: 'POST', path: `${V2}/issue/ACME-1/comment`, as: 'anon', body: { body: 'x' }, expect: '4xx' },
  { name: 'list: orderBy=__proto__', method: 'GET', path: `${V2}/issue/ACME-1/comment?orderBy=__proto__&expand=constructor`, expect: 'no-5xx' },
  { name: 'list: startAt=abc', method: 'GET', path: `${V2}/issue/ACME-1/comment?startAt=abc&maxResults=-3`, expect: 'no-5xx' },
  { name: 'get: an id with a path in it', method: 'GET', path: `${V2}/issue/ACME-1/comment/..%2Fc-1`, expect: 404 },
  {
    name: 'edit: someone else’s comment',
    method: 'PUT',
    path: `${V2}/issue/ACME-1/comment/c-1`,
    as: 'carol',
    body: { body: 'taken over' },
    expect: [403, 404],
  },
  { name: 'edit: a comment that does not exist', method: 'PUT', path: `${V2}/issue/ACME-1/comment/c-999`, body: { body: 'x' }, expect: 404 },
  {
    name: 'edit: a body that is an array',
    point: 7,
    method: 'PUT',
    path: `${V2}/issue/ACME-1/comment/c-1`,
    as: 'dev',
    body: [{ body: 'x' }],
    expect: 400,
  },
  { name: 'edit: a body that is null', method: 'PUT', path: `${V2}/issue/ACME-1/comment/c-1`, as: 'dev', body: { body: null }, expect: 400 },
  { name: 'delete: someone else’s comment', method: 'DELETE', path: `${V2}/issue/ACME-3/comment/c-2`, as: 'carol', expect: [403, 404] },
  { name: 'delete: a comment of another issue', method: 'DELETE', path: `${V2}/issue/ACME-1/comment/c-4`, expect: 404 },
];

export const comments: RestFamily = { family: 'comments', cases };
