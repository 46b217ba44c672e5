/**
 * Issue 17, points 7 and 8: bad input never destroys data, and one request cannot hold the server.
 * Every row is a refused write: 400 in Jira's shape naming the field (when one is at fault), no
 * stack or path on the wire, the canonical hash unchanged, Object.prototype untouched.
 * Rows marked `held` already answered 400 before the fix (kept so they stay that way); every other
 * row answered 204/201 (or ran for many seconds) before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { everydayGrants } from '../everyday/tiny-grants.ts';
import { startSandbox, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { patch: everydayGrants });
});
afterAll(async () => {
  await h.close();
});

const hash = async (): Promise<string> => (await h.call('GET', '/_understudy/hash')).body.hash;

interface Row {
  name: string;
  method?: 'PUT' | 'POST';
  path: string;
  body?: unknown;
  /** A raw body (sent as application/json). */
  raw?: string;
  /** The key expected in `errors` (none: an `errorMessages` entry). */
  field?: string;
  held?: boolean;
}

const adfWith = (text: unknown) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
const create = (fields: Record<string, unknown>) => ({
  fields: { project: { key: 'ACME' }, issuetype: { id: '10002' }, summary: 'hostile', ...fields },
});
const many = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

const ROWS: Row[] = [
  // PUT …/assignee: the body is a user object; accountId null unassigns, "-1" is the default assignee.
  { name: 'assignee: an array', path: '/rest/api/2/issue/ACME-1/assignee', body: [], field: 'assignee' },
  { name: 'assignee: an empty body', path: '/rest/api/2/issue/ACME-1/assignee', raw: '', field: 'assignee' },
  { name: 'assignee: {}', path: '/rest/api/2/issue/ACME-1/assignee', body: {}, field: 'assignee' },
  { name: 'assignee: a number', path: '/rest/api/2/issue/ACME-1/assignee', raw: '5', field: 'assignee' },
  { name: 'assignee: null', path: '/rest/api/2/issue/ACME-1/assignee', raw: 'null', field: 'assignee' },
  { name: 'assignee: a bare string', path: '/rest/api/2/issue/ACME-1/assignee', raw: '"u-carol"', field: 'assignee' },
  { name: 'assignee: accountId an object', path: '/rest/api/3/issue/ACME-1/assignee', body: { accountId: { nested: 1 } }, field: 'assignee' },
  { name: 'assignee: accountId a number (held)', path: '/rest/api/3/issue/ACME-1/assignee', body: { accountId: 7 }, field: 'assignee', held: true },
  { name: 'assignee: accountId an empty string', path: '/rest/api/3/issue/ACME-1/assignee', body: { accountId: '' }, field: 'assignee' },
  { name: 'assignee: __proto__ key', path: '/rest/api/3/issue/ACME-1/assignee', raw: '{"__proto__":{"polluted":1},"accountId":"u-carol"}' },

  // PUT /issue/KEY: wrong shapes of fields, answered per field.
  { name: 'edit: priority {"nested":1}', path: '/rest/api/2/issue/ACME-1', body: { fields: { priority: { nested: 1 } } }, field: 'priority' },
  { name: 'edit: priority [null]', path: '/rest/api/2/issue/ACME-1', body: { fields: { priority: [null] } }, field: 'priority' },
  { name: 'edit: priority ""', path: '/rest/api/2/issue/ACME-1', body: { fields: { priority: '' } }, field: 'priority' },
  {
    name: 'edit: priority {"id": {}} (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { priority: { id: {} } } },
    field: 'priority',
    held: true,
  },
  {
    name: 'edit: priority an unknown id (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { priority: { id: '99' } } },
    field: 'priority',
    held: true,
  },
  {
    name: 'edit: select {"nested":1}',
    path: '/rest/api/2/issue/ACME-2',
    body: { fields: { customfield_10010: { nested: 1 } } },
    field: 'customfield_10010',
  },
  { name: 'edit: select [null]', path: '/rest/api/2/issue/ACME-2', body: { fields: { customfield_10010: [null] } }, field: 'customfield_10010' },
  { name: 'edit: select ""', path: '/rest/api/2/issue/ACME-2', body: { fields: { customfield_10010: '' } }, field: 'customfield_10010' },
  { name: 'edit: select by its name', path: '/rest/api/2/issue/ACME-2', body: { fields: { Severity: { nested: 1 } } }, field: 'customfield_10010' },
  {
    name: 'edit: multi-select [{"nested":1}] (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10011: [{ nested: 1 }] } },
    field: 'customfield_10011',
    held: true,
  },
  {
    name: 'edit: multi-select [null] (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10011: [null] } },
    field: 'customfield_10011',
    held: true,
  },
  { name: 'edit: cascading ""', path: '/rest/api/2/issue/ACME-1', body: { fields: { customfield_10012: '' } }, field: 'customfield_10012' },
  {
    name: 'edit: cascading child {"x":1} (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10012: { id: 'opt-loc-eu', child: { x: 1 } } } },
    field: 'customfield_10012',
    held: true,
  },
  {
    name: 'edit: user {"nested":1}',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10013: { nested: 1 } } },
    field: 'customfield_10013',
  },
  { name: 'edit: user []', path: '/rest/api/2/issue/ACME-1', body: { fields: { assignee: [] } }, field: 'assignee' },
  { name: 'edit: number ""', path: '/rest/api/2/issue/ACME-2', body: { fields: { customfield_10014: '' } }, field: 'customfield_10014' },
  {
    name: 'edit: number "5" (held)',
    path: '/rest/api/2/issue/ACME-2',
    body: { fields: { customfield_10014: '5' } },
    field: 'customfield_10014',
    held: true,
  },
  { name: 'edit: labels {"x":1} (held)', path: '/rest/api/2/issue/ACME-1', body: { fields: { labels: { x: 1 } } }, field: 'labels', held: true },
  { name: 'edit: labels [null] (held)', path: '/rest/api/2/issue/ACME-1', body: { fields: { labels: [null] } }, field: 'labels', held: true },
  {
    name: 'edit: components [{"nested":1}] (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { components: [{ nested: 1 }] } },
    field: 'components',
    held: true,
  },
  {
    name: 'edit: fixVersions [""] (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { fixVersions: [''] } },
    field: 'fixVersions',
    held: true,
  },
  { name: 'edit: summary an object (held)', path: '/rest/api/2/issue/ACME-1', body: { fields: { summary: { a: 1 } } }, field: 'summary', held: true },
  {
    name: 'edit: description ADF text an object',
    path: '/rest/api/3/issue/ACME-1',
    body: { fields: { description: adfWith({ a: 1 }) } },
    field: 'description',
  },
  {
    name: 'edit: description ADF text a number',
    path: '/rest/api/3/issue/ACME-1',
    body: { fields: { description: adfWith(42) } },
    field: 'description',
  },
  {
    name: 'edit: description ADF content a string (held)',
    path: '/rest/api/3/issue/ACME-1',
    body: { fields: { description: { type: 'doc', content: 'x' } } },
    field: 'description',
    held: true,
  },
  {
    name: 'edit: description ADF node without type',
    path: '/rest/api/3/issue/ACME-1',
    body: { fields: { description: { type: 'doc', version: 1, content: [{ text: 'x' }] } } },
    field: 'description',
  },
  {
    name: 'edit: fields.__proto__',
    path: '/rest/api/2/issue/ACME-1',
    raw: '{"fields":{"__proto__":{"summary":"x","polluted":1}}}',
    field: '__proto__',
  },
  {
    name: 'edit: fields.constructor (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { constructor: 'x' } },
    field: 'constructor',
    held: true,
  },
  {
    name: 'edit: fields.prototype (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { prototype: { a: 1 } } },
    field: 'prototype',
    held: true,
  },
  {
    name: 'edit: __proto__ deep in a value',
    path: '/rest/api/2/issue/ACME-1',
    raw: '{"fields":{"summary":"ok","customfield_10012":{"id":"opt-loc-eu","__proto__":{"polluted":1}}}}',
  },
  { name: 'edit: a top-level __proto__', path: '/rest/api/2/issue/ACME-1', raw: '{"__proto__":{"polluted":1},"fields":{"summary":"ok"}}' },
  { name: 'edit: fields an array', path: '/rest/api/2/issue/ACME-1', body: { fields: [] }, field: 'fields' },
  { name: 'edit: fields a string', path: '/rest/api/2/issue/ACME-1', body: { fields: 'summary' }, field: 'fields' },
  { name: 'edit: update an array', path: '/rest/api/2/issue/ACME-1', body: { update: [] }, field: 'update' },
  { name: 'edit: body an array', path: '/rest/api/2/issue/ACME-1', body: [{ fields: { summary: 'x' } }] },
  { name: 'edit: body a string', path: '/rest/api/2/issue/ACME-1', raw: '"summary"' },
  { name: 'edit: body a number', path: '/rest/api/2/issue/ACME-1', raw: '5' },
  { name: 'edit: body null', path: '/rest/api/2/issue/ACME-1', raw: 'null' },

  // update operations.
  {
    name: 'update: labels add {} (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { labels: [{ add: {} }] } },
    field: 'labels',
    held: true,
  },
  { name: 'update: labels add null', path: '/rest/api/2/issue/ACME-1', body: { update: { labels: [{ add: null }] } }, field: 'labels' },
  {
    name: 'update: labels an op with two verbs',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { labels: [{ add: 'x', remove: 'sso' }] } },
    field: 'labels',
  },
  {
    name: 'update: labels an op without a verb (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { labels: [{}] } },
    field: 'labels',
    held: true,
  },
  {
    name: 'update: priority set {"nested":1}',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { priority: [{ set: { nested: 1 } }] } },
    field: 'priority',
  },
  {
    name: 'update: select set ""',
    path: '/rest/api/2/issue/ACME-2',
    body: { update: { customfield_10010: [{ set: '' }] } },
    field: 'customfield_10010',
  },
  { name: 'update: __proto__', path: '/rest/api/2/issue/ACME-1', raw: '{"update":{"__proto__":[{"set":"x"}]}}', field: '__proto__' },
  {
    name: 'update: ops not a list (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { labels: { add: 'x' } } },
    field: 'labels',
    held: true,
  },

  // POST /issue: the same rules on create.
  { name: 'create: priority {"nested":1}', method: 'POST', path: '/rest/api/2/issue', body: create({ priority: { nested: 1 } }), field: 'priority' },
  { name: 'create: priority [null]', method: 'POST', path: '/rest/api/2/issue', body: create({ priority: [null] }), field: 'priority' },
  { name: 'create: select ""', method: 'POST', path: '/rest/api/2/issue', body: create({ customfield_10010: '' }), field: 'customfield_10010' },
  {
    name: 'create: user {"nested":1}',
    method: 'POST',
    path: '/rest/api/2/issue',
    body: create({ customfield_10013: { nested: 1 } }),
    field: 'customfield_10013',
  },
  {
    name: 'create: description ADF text an object',
    method: 'POST',
    path: '/rest/api/3/issue',
    body: create({ description: adfWith({}) }),
    field: 'description',
  },
  {
    name: 'create: fields.__proto__',
    method: 'POST',
    path: '/rest/api/2/issue',
    raw: JSON.stringify(create({})).replace('"fields":{', '"fields":{"__proto__":{"polluted":1},'),
    field: '__proto__',
  },
  { name: 'create: body an array (held)', method: 'POST', path: '/rest/api/2/issue', body: [create({})], held: true },
  { name: 'create: fields an array', method: 'POST', path: '/rest/api/2/issue', body: { fields: [] }, field: 'fields' },
  {
    name: 'create: project {"key": {}} (held)',
    method: 'POST',
    path: '/rest/api/2/issue',
    body: create({ project: { key: {} } }),
    field: 'project',
    held: true,
  },
  {
    name: 'create: issuetype {"id": []} (held)',
    method: 'POST',
    path: '/rest/api/2/issue',
    body: create({ issuetype: { id: [] } }),
    field: 'issuetype',
    held: true,
  },

  // Transitions: fields, update and comment go through the same path.
  { name: 'transition: body an array (held)', method: 'POST', path: '/rest/api/2/issue/ACME-1/transitions', body: [] },
  {
    name: 'transition: fields.__proto__',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/transitions',
    raw: '{"transition":{"id":"11"},"fields":{"__proto__":{"polluted":1}}}',
    field: '__proto__',
  },
  {
    name: 'transition: fields an array',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/transitions',
    body: { transition: { id: '11' }, fields: [] },
    field: 'fields',
  },
  {
    name: 'transition: transition id an object',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/transitions',
    body: { transition: { id: { x: 1 } } },
    field: 'transition',
  },
  {
    name: 'transition: comment ADF text an object',
    method: 'POST',
    path: '/rest/api/3/issue/ACME-1/transitions',
    body: { transition: { id: '11' }, update: { comment: [{ add: { body: adfWith({}) } }] } },
    field: 'comment',
  },

  // Comments.
  {
    name: 'comment: ADF text an object',
    method: 'POST',
    path: '/rest/api/3/issue/ACME-1/comment',
    body: { body: adfWith({ a: 1 }) },
    field: 'comment',
  },
  { name: 'comment: body an array (held)', method: 'POST', path: '/rest/api/2/issue/ACME-1/comment', body: [] },
  {
    name: 'comment: visibility a string',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    body: { body: 'meant for developers', visibility: 'Developers' },
    field: 'visibility',
  },
  {
    name: 'comment: visibility value an object',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    body: { body: 'x', visibility: { type: 'role', value: {} } },
    field: 'visibility',
  },
  { name: 'comment: __proto__', method: 'POST', path: '/rest/api/2/issue/ACME-1/comment', raw: '{"body":"x","__proto__":{"polluted":1}}' },
  { name: 'comment edit: body an array', method: 'PUT', path: '/rest/api/2/issue/ACME-3/comment/COMMENT', body: [] },
  {
    name: 'comment edit: ADF text an object',
    method: 'PUT',
    path: '/rest/api/3/issue/ACME-3/comment/COMMENT',
    body: { body: adfWith([]) },
    field: 'comment',
  },

  // Worklogs.
  { name: 'worklog: body an array (held)', method: 'POST', path: '/rest/api/2/issue/ACME-1/worklog', body: [], held: true },
  {
    name: 'worklog: visibility a string',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/worklog',
    body: { timeSpent: '1h', visibility: 'Developers' },
    field: 'visibility',
  },
  {
    name: 'worklog: comment ADF text an object',
    method: 'POST',
    path: '/rest/api/3/issue/ACME-1/worklog',
    body: { timeSpent: '1h', comment: adfWith({}) },
    field: 'comment',
  },
  { name: 'worklog: __proto__', method: 'POST', path: '/rest/api/2/issue/ACME-1/worklog', raw: '{"timeSpent":"1h","__proto__":{"polluted":1}}' },

  // Entity properties: the key comes from the path.
  { name: 'property: the key __proto__', path: '/rest/api/2/issue/ACME-1/properties/__proto__', body: { a: 1 } },
  { name: 'property: the key constructor', path: '/rest/api/2/issue/ACME-1/properties/constructor', body: { a: 1 } },
  { name: 'property: a value holding __proto__', path: '/rest/api/2/issue/ACME-1/properties/ok', raw: '{"__proto__":{"polluted":1}}' },

  // Filters (admin's bodyObj already refused non-objects).
  { name: 'filter: body an array (held)', method: 'POST', path: '/rest/api/2/filter', body: [], held: true },
  { name: 'filter: __proto__', method: 'POST', path: '/rest/api/2/filter', raw: '{"name":"f","jql":"project = ACME","__proto__":{"polluted":1}}' },
  {
    name: 'filter: name an object (held)',
    method: 'POST',
    path: '/rest/api/2/filter',
    body: { name: { a: 1 }, jql: 'project = ACME' },
    field: 'filterName',
    held: true,
  },

  // Bulk edit (Cloud): values are read before the task starts.
  {
    name: 'bulk edit: rich text with an object in a text node',
    method: 'POST',
    path: '/rest/api/3/bulk/issues/fields',
    body: {
      selectedIssueIdsOrKeys: ['ACME-1'],
      selectedActions: ['description'],
      editedFieldsInput: { richTextFields: [{ fieldId: 'description', richText: { adfValue: adfWith({ a: 1 }) } }] },
    },
    field: 'description',
  },
  {
    name: 'bulk edit: a label that is an object without a name',
    method: 'POST',
    path: '/rest/api/3/bulk/issues/fields',
    body: {
      selectedIssueIdsOrKeys: ['ACME-1'],
      selectedActions: ['labels'],
      editedFieldsInput: { labelsFields: [{ fieldId: 'labels', labels: [{}], bulkEditMultiSelectFieldOption: 'ADD' }] },
    },
    field: 'labels',
  },

  // Point 8: limits per field, stated and named, checked before any work on the values.
  {
    name: 'limits: 100,000 labels on create',
    method: 'POST',
    path: '/rest/api/2/issue',
    body: create({ labels: many(100_000, (i) => `l${i}`) }),
    field: 'labels',
  },
  {
    name: 'limits: 1,001 labels on edit',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { labels: many(1001, (i) => `l${i}`) } },
    field: 'labels',
  },
  {
    name: 'limits: 100,000 copies of one label',
    method: 'POST',
    path: '/rest/api/2/issue',
    body: create({ labels: many(100_000, () => 'same') }),
    field: 'labels',
  },
  {
    name: 'limits: 100,000 label add operations',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: { labels: many(100_000, (i) => ({ add: `l${i}` })) } },
    field: 'labels',
  },
  {
    name: 'limits: 1,001 components',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { components: many(1001, () => ({ id: 'cmp-1' })) } },
    field: 'components',
  },
  {
    name: 'limits: 1,001 multi-select options',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10011: many(1001, () => ({ id: 'opt-plat-linux' })) } },
    field: 'customfield_10011',
  },
  {
    name: 'limits: 300,000 keys in fields',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: Object.fromEntries(many(300_000, (i) => [`k${i}`, 1] as const)) },
    field: 'fields',
  },
  {
    name: 'limits: 300,000 keys in update',
    path: '/rest/api/2/issue/ACME-1',
    body: { update: Object.fromEntries(many(300_000, (i) => [`k${i}`, [{ set: 1 }]] as const)) },
    field: 'update',
  },
  {
    name: 'limits: a label of 256 characters (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { labels: ['x'.repeat(256)] } },
    field: 'labels',
    held: true,
  },
  {
    name: 'limits: a label with a space (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { labels: ['a b'] } },
    field: 'labels',
    held: true,
  },
  {
    name: 'limits: a summary of 256 characters (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { summary: 's'.repeat(256) } },
    field: 'summary',
    held: true,
  },
  {
    name: 'limits: a description of 32,768 characters',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { description: 'd'.repeat(32_768) } },
    field: 'description',
  },
  {
    name: 'limits: an environment of 32,768 characters',
    path: '/rest/api/2/issue/ACME-2',
    body: { fields: { environment: 'e'.repeat(32_768) } },
    field: 'environment',
  },
  {
    name: 'limits: a comment of 32,768 characters',
    method: 'POST',
    path: '/rest/api/2/issue/ACME-1/comment',
    body: { body: 'c'.repeat(32_768) },
    field: 'comment',
  },
  {
    name: 'limits: a text custom field of 256 characters (held)',
    path: '/rest/api/2/issue/ACME-1',
    body: { fields: { customfield_10017: 'r'.repeat(256) } },
    field: 'customfield_10017',
    held: true,
  },
];

const STACK = /\bat [\w.<>]+ \(|\/work\/|node_modules|\.ts:\d+/;

describe('refused writes change nothing (issue 17, points 7 and 8)', () => {
  it.each(ROWS)('$name', async (row) => {
    let path = row.path;
    if (path.includes('COMMENT')) {
      const list = (await h.call('GET', '/rest/api/2/issue/ACME-3/comment', { as: 'bob' })).body;
      path = path.replace('COMMENT', list.comments[0].id);
    }
    const before = await hash();
    const res = await h.call(row.method ?? 'PUT', path, { as: 'bob', ...(row.raw !== undefined ? { raw: row.raw } : { body: row.body }) });
    expect(res.status, res.text.slice(0, 300)).toBe(400);
    expect(res.body).toEqual({ errorMessages: expect.any(Array), errors: expect.any(Object) });
    if (row.field) expect(Object.keys(res.body.errors), res.text.slice(0, 300)).toContain(row.field);
    else expect(res.body.errorMessages.length + Object.keys(res.body.errors).length).toBeGreaterThan(0);
    expect(res.text).not.toMatch(STACK);
    expect(res.text).not.toContain('[object Object]');
    expect(await hash()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).summary).toBeUndefined();
  });
});

describe('what Jira accepts still works (held before the fix)', () => {
  it('accountId null unassigns, an account id assigns', async () => {
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-7/assignee', { as: 'bob', body: { accountId: 'u-carol' } })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/3/issue/ACME-7?fields=assignee', { as: 'bob' })).body.fields.assignee.accountId).toBe('u-carol');
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-7/assignee', { as: 'bob', body: { accountId: null } })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/3/issue/ACME-7?fields=assignee', { as: 'bob' })).body.fields.assignee).toBeNull();
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-7/assignee', { as: 'bob', body: { name: 'u-carol' } })).status).toBe(204);
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-7/assignee', { as: 'bob', body: { accountId: '-1' } })).status).toBe(204);
  });
  it('null clears a field; names, ids and plain strings still select', async () => {
    const put = (key: string, fields: Record<string, unknown>) => h.call('PUT', `/rest/api/2/issue/${key}`, { as: 'bob', body: { fields } });
    expect((await put('ACME-2', { customfield_10010: null, priority: { name: 'High' } })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-2?fields=customfield_10010', { as: 'bob' })).body.fields.customfield_10010).toBeNull();
    expect((await put('ACME-2', { customfield_10010: { value: 'Major' } })).status).toBe(204);
    expect((await put('ACME-2', { customfield_10010: { id: 'opt-sev-1' }, priority: '3' })).status).toBe(204);
    expect((await put('ACME-6', { customfield_10017: '' })).status).toBe(204);
    const f = (await h.call('GET', '/rest/api/2/issue/ACME-2?fields=priority,customfield_10010', { as: 'bob' })).body.fields;
    expect(f).toMatchObject({ priority: { id: '3' }, customfield_10010: { id: 'opt-sev-1' } });
    expect((await h.call('GET', '/rest/api/2/issue/ACME-6?fields=customfield_10017', { as: 'bob' })).body.fields.customfield_10017).toBeNull();
  });
  it('1,000 labels (the stated maximum) are taken, duplicates once, in order', async () => {
    const labels = [...many(1000, (i) => `l${i}`)];
    labels[999] = 'l0';
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-5', { as: 'bob', body: { fields: { labels } } })).status).toBe(204);
    const got = (await h.call('GET', '/rest/api/2/issue/ACME-5?fields=labels', { as: 'bob' })).body.fields.labels;
    expect(got).toEqual(labels.slice(0, 999));
    const ops = { update: { labels: [{ remove: 'l1' }, { add: 'l1' }, { add: 'extra' }, { remove: 'l0' }] } };
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-5', { as: 'bob', body: ops })).status).toBe(204);
    const after = (await h.call('GET', '/rest/api/2/issue/ACME-5?fields=labels', { as: 'bob' })).body.fields.labels;
    expect(after).toEqual([...labels.slice(2, 999), 'l1', 'extra']);
  });
  it('a description of 32,767 characters and ADF with marks, mentions and hard breaks are taken', async () => {
    expect((await h.call('PUT', '/rest/api/2/issue/ACME-4', { as: 'bob', body: { fields: { description: 'd'.repeat(32_767) } } })).status).toBe(204);
    const doc = {
      type: 'doc',
      version: 1,
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'bold', marks: [{ type: 'strong' }] },
            { type: 'hardBreak' },
            { type: 'mention', attrs: { id: 'u-bob', text: '@Bob' } },
          ],
        },
      ],
    };
    expect((await h.call('PUT', '/rest/api/3/issue/ACME-4', { as: 'bob', body: { fields: { description: doc } } })).status).toBe(204);
    expect((await h.call('GET', '/rest/api/2/issue/ACME-4?fields=description', { as: 'bob' })).body.fields.description).toBe('bold\n@Bob');
  });
});
