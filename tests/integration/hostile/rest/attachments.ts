/** Attachments (multipart): the XSRF header, bodies that are not multipart, broken multipart, hostile file names, sizes. */
import type { RestCase, RestFamily } from '../kit/types.ts';

const V2 = '/rest/api/2';
const A = `${V2}/issue/ACME-1/attachments`;
const file = (filename: string, content = 'hello') => ({ files: [{ field: 'file', filename, content }] });
const broken = (body: string, boundary = 'b0undary') => ({
  raw: body,
  contentType: `multipart/form-data; boundary=${boundary}`,
  headers: { 'x-atlassian-token': 'no-check' },
});

const cases: RestCase[] = [
  {
    name: 'upload: without X-Atlassian-Token',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file('a.txt'),
    headers: { 'x-atlassian-token': '' },
    expect: 403,
  },
  {
    name: 'upload: a JSON body',
    method: 'POST',
    path: A,
    as: 'dev',
    body: { file: 'a.txt' },
    headers: { 'x-atlassian-token': 'no-check' },
    expect: [400, 415],
  },
  {
    name: 'upload: multipart without a boundary',
    method: 'POST',
    path: A,
    as: 'dev',
    raw: 'x',
    contentType: 'multipart/form-data',
    headers: { 'x-atlassian-token': 'no-check' },
    expect: 400,
  },
  {
    name: 'upload: multipart cut off before its end',
    method: 'POST',
    path: A,
    as: 'dev',
    ...broken('--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhal'),
    expect: 400,
  },
  {
    name: 'upload: multipart with no file part',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: { files: [], fields: { comment: 'no file' } },
    expect: 400,
  },
  {
    name: 'upload: a part with no headers',
    method: 'POST',
    path: A,
    as: 'dev',
    ...broken('--b0undary\r\n\r\nbody\r\n--b0undary--\r\n'),
    expect: 400,
  },
  {
    name: 'upload: a file name that climbs out',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file('../../../../etc/passwd'),
    expect: [200, 400],
    check: (a) => (/"filename":"[^"]*[/\\]/.test(a.text) ? `the stored name keeps its path: ${a.text.slice(0, 200)}` : undefined),
  },
  { name: 'upload: a Windows path as the file name', method: 'POST', path: A, as: 'dev', multipart: file('..\\..\\boot.ini'), expect: [200, 400] },
  {
    name: 'upload: a file name with NUL and controls',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file('a\u0000b\u001b[31m.txt'),
    expect: [200, 400],
  },
  {
    name: 'upload: a file name of markup',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file('"><img src=x onerror=alert(1)>.html'),
    expect: [200, 400],
  },
  {
    name: 'upload: a file name of 10,000 characters',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file(`${'n'.repeat(10_000)}.txt`),
    expect: [200, 400],
  },
  { name: 'upload: an empty file name', method: 'POST', path: A, as: 'dev', multipart: file(''), expect: 400 },
  {
    name: 'upload: 500 small files at once',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: { files: Array.from({ length: 500 }, (_, i) => ({ field: 'file', filename: `f${i}.txt`, content: `${i}` })) },
    expect: [200, 400, 413],
  },
  {
    name: 'upload: a file over the size limit',
    method: 'POST',
    path: A,
    as: 'dev',
    multipart: file('big.bin', 'x'.repeat(10 * 1024 * 1024 + 10)),
    expect: 413,
  },
  {
    name: 'upload: to an issue the caller cannot see',
    method: 'POST',
    path: `${V2}/issue/SEC-1/attachments`,
    as: 'dev',
    multipart: file('a.txt'),
    expect: 404,
  },
  { name: 'upload: anonymously', method: 'POST', path: A, as: 'anon', multipart: file('a.txt'), expect: '4xx' },
  { name: 'content: an id with a path in it', method: 'GET', path: `${V2}/attachment/content/..%2F..%2Fpackage.json`, expect: 404 },
  { name: 'get: an id that is not a number', method: 'GET', path: `${V2}/attachment/abc`, expect: 404 },
  { name: 'delete: an attachment that does not exist', method: 'DELETE', path: `${V2}/attachment/999999`, expect: 404 },
  { name: 'meta: anonymously', method: 'GET', path: `${V2}/attachment/meta`, as: 'anon', expect: [200, 401] },
];

export const attachments: RestFamily = { family: 'attachments', cases };
