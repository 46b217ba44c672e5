/** Issue links and remote links: missing parts, unknown types and issues, URLs of every kind. */
import { long } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const link = (o: Record<string, unknown>) => ({ type: { name: 'Blocks' }, inwardIssue: { key: 'ACME-2' }, outwardIssue: { key: 'ACME-3' }, ...o });
const R = `${V2}/issue/ACME-1/remotelink`;

const cases: RestCase[] = [
  { name: 'link: an empty object', method: 'POST', path: `${V2}/issueLink`, as: 'dev', body: {}, expect: 400 },
  {
    name: 'link: a type that does not exist',
    method: 'POST',
    path: `${V2}/issueLink`,
    as: 'dev',
    body: link({ type: { name: 'Devours' } }),
    expect: [400, 404],
  },
  { name: 'link: the type as a string', method: 'POST', path: `${V2}/issueLink`, as: 'dev', body: link({ type: 'Blocks' }), expect: 400 },
  {
    name: 'link: an issue that does not exist',
    method: 'POST',
    path: `${V2}/issueLink`,
    as: 'dev',
    body: link({ outwardIssue: { key: 'ACME-999' } }),
    expect: [400, 404],
  },
  {
    name: 'link: to an issue the caller cannot see',
    method: 'POST',
    path: `${V2}/issueLink`,
    as: 'dev',
    body: link({ outwardIssue: { key: 'SEC-1' } }),
    expect: [400, 404],
  },
  { name: 'link: a comment that is a number', method: 'POST', path: `${V2}/issueLink`, as: 'dev', body: link({ comment: { body: 7 } }), expect: 400 },
  { name: 'link: a body that is an array', method: 'POST', path: `${V2}/issueLink`, as: 'dev', body: [link({})], expect: 400 },
  { name: 'link: get one with NUL in its id', method: 'GET', path: `${V2}/issueLink/l-1%00`, expect: 404 },
  { name: 'link: delete one that does not exist', method: 'DELETE', path: `${V2}/issueLink/999999`, as: 'dev', expect: 404 },
  { name: 'link type: an id that is not one', method: 'GET', path: `${V2}/issueLinkType/..%2F10000`, expect: 404 },
  { name: 'remote: an empty object', method: 'POST', path: R, as: 'dev', body: {}, expect: 400 },
  { name: 'remote: object is a string', method: 'POST', path: R, as: 'dev', body: { object: 'https://example.com' }, expect: 400 },
  {
    name: 'remote: a url of 100,000 characters',
    method: 'POST',
    path: R,
    as: 'dev',
    body: { object: { url: `https://example.com/${long(100_000)}`, title: 't' } },
    expect: [201, 400],
  },
  {
    name: 'remote: a javascript: url is stored as data',
    method: 'POST',
    path: R,
    as: 'dev',
    body: { object: { url: 'javascript:alert(1)', title: 'click' } },
    expect: [201, 400],
  },
  {
    name: 'remote: a title that is an object',
    method: 'POST',
    path: R,
    as: 'dev',
    body: { object: { url: 'https://example.com', title: { a: 1 } } },
    expect: 400,
  },
  {
    name: 'remote: update one that does not exist',
    method: 'PUT',
    path: `${R}/999999`,
    as: 'dev',
    body: { object: { url: 'https://example.com', title: 't' } },
    expect: 404,
  },
  { name: 'remote: delete by globalId without one', method: 'DELETE', path: R, as: 'dev', expect: 400 },
  { name: 'remote: get with a path as id', method: 'GET', path: `${R}/..%2F..%2F1`, expect: 404 },
];

export const links: RestFamily = { family: 'links', cases };
