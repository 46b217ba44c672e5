/** Agile boards: ids that are not boards, JQL through the board's issues, paging that is not paging, the column write. */
import { REDOS_TERM } from '../kit/payloads.ts';
import type { RestCase, RestFamily } from '../kit/types.ts';

const AG = '/rest/agile/1.0';
const GH = '/rest/greenhopper/1.0/rapidviewconfig/columns';
const enc = encodeURIComponent;

const cases: RestCase[] = [
  { name: 'board: an id that is not a number', method: 'GET', path: `${AG}/board/abc`, expect: [400, 404] },
  { name: 'board: an id that does not exist', method: 'GET', path: `${AG}/board/99999`, expect: 404 },
  {
    name: 'board issues: 4,500 unbalanced ( in the JQL',
    point: 3,
    method: 'GET',
    path: `${AG}/board/1/issue?jql=${enc(`${'('.repeat(4_500)}status = 2`)}`,
    expect: 400,
  },
  {
    name: 'board issues: a backtracking ~ term',
    point: 1,
    method: 'GET',
    path: `${AG}/board/1/issue?jql=${enc(`summary ~ "${REDOS_TERM}" OR summary ~ "${REDOS_TERM}"`)}`,
    expect: [200, 400],
  },
  { name: 'board issues: startAt=abc, maxResults=-1', method: 'GET', path: `${AG}/board/1/issue?startAt=abc&maxResults=-1`, expect: 'no-5xx' },
  { name: 'board issues: fields=__proto__', method: 'GET', path: `${AG}/board/1/issue?fields=__proto__,constructor&expand=__proto__`, expect: 200 },
  { name: 'boards: maxResults=1e309 and a NUL name', method: 'GET', path: `${AG}/board?maxResults=1e309&name=%00`, expect: 'no-5xx' },
  { name: 'boards: projectKeyOrId that climbs out', method: 'GET', path: `${AG}/board?projectKeyOrId=..%2F..%2FOPS`, expect: 'no-5xx' },
  {
    name: 'board configuration: for someone its filter is not shared with',
    method: 'GET',
    path: `${AG}/board/1/configuration`,
    as: 'plain',
    expect: 'no-5xx',
  },
  { name: 'columns: malformed JSON', method: 'PUT', path: GH, raw: '{"rapidViewId": 1, "mappedColumns": [', expect: 400 },
  { name: 'columns: mappedColumns that is an object', method: 'PUT', path: GH, body: { rapidViewId: 1, mappedColumns: { name: 'x' } }, expect: 400 },
  { name: 'columns: a board that does not exist', method: 'PUT', path: GH, body: { rapidViewId: 99999, mappedColumns: [] }, expect: [400, 404] },
  { name: 'columns: by a developer', method: 'PUT', path: GH, as: 'dev', body: { rapidViewId: 1, mappedColumns: [] }, expect: [400, 403] },
  {
    name: 'columns: 10,000 columns',
    point: 8,
    method: 'PUT',
    path: GH,
    body: { rapidViewId: 1, mappedColumns: Array.from({ length: 10_000 }, (_, i) => ({ name: `c${i}`, mappedStatuses: [] })) },
    expect: [200, 204, 400],
  },
  { name: 'an unknown agile path', method: 'GET', path: `${AG}/sprint/../../../etc`, expect: 404 },
];

export const agile: RestFamily = { family: 'agile boards', cases };
