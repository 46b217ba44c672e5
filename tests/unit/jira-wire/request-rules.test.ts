/**
 * The rules a request's body and values obey before a route reads them (issue 17, point 7):
 * forbidden keys with their path, the shape Jira takes for a value of each field type, and ADF read
 * strictly. The helpers are new (none existed before the fix); the ADF rows marked `held` were
 * already read as now, every other ADF row was stored as '[object Object]' or read as empty before.
 */
import { describe, expect, it } from 'vitest';
import { AdfError, forbiddenKey, fromAdf, valueShapeProblem } from '../../../server/jira-wire/index.ts';

describe('forbiddenKey', () => {
  it.each([
    ['{"fields":{"__proto__":{"x":1}}}', { key: '__proto__', path: 'fields.__proto__' }],
    ['{"update":{"labels":[{"add":"x"},{"add":{"constructor":1}}]}}', { key: 'constructor', path: 'update.labels[1].add.constructor' }],
    ['[{"prototype":1}]', { key: 'prototype', path: '[0].prototype' }],
    ['{"__proto__":1}', { key: '__proto__', path: '__proto__' }],
    ['{"fields":{"summary":"constructor","labels":["__proto__"]}}', undefined],
    ['"__proto__"', undefined],
    ['null', undefined],
  ])('%s', (json, expected) => {
    expect(forbiddenKey(JSON.parse(json))).toEqual(expected);
  });
  it('walks a body nested 100,000 levels deep without overflowing the stack', () => {
    let v: unknown = { __proto__x: 1 };
    for (let i = 0; i < 100_000; i++) v = { a: [v] };
    expect(forbiddenKey(v)).toBeUndefined();
  });
});

describe('valueShapeProblem', () => {
  const rows: Array<[type: string, value: unknown, ok: boolean]> = [
    ['priority', { id: '1' }, true],
    ['priority', { name: 'High' }, true],
    ['priority', '3', true],
    ['priority', 3, true],
    ['priority', { nested: 1 }, false],
    ['priority', [null], false],
    ['priority', '', false],
    ['priority', { id: {} }, false],
    ['priority', { id: '' }, false],
    ['select', { value: 'Major' }, true],
    ['select', { nested: 1 }, false],
    ['select', true, false],
    ['user', { accountId: 'u-bob' }, true],
    ['user', { accountId: null }, true],
    ['user', {}, false],
    ['user', [], false],
    ['multi-user', { accountId: null }, false],
    ['cascading-select', { id: 'p', child: { id: 'c' } }, true],
    ['cascading-select', { id: 'p', child: null }, true],
    ['cascading-select', { id: 'p', child: { x: 1 } }, false],
    ['cascading-select', 'p', false],
    ['text', 'x', true],
    ['text', '', true],
    ['text', { a: 1 }, false],
    ['number', 5, true],
    ['number', '', false],
    ['number', '5', false],
    ['number', Number.NaN, false],
    ['labels', 'x', true],
    ['labels', {}, false],
  ];
  it.each(rows)('%s %j → ok: %s', (type, value, ok) => {
    const problem = valueShapeProblem(type, value);
    if (ok) expect(problem).toBeUndefined();
    else expect(problem).toMatch(/Expected|must be/);
  });
});

describe('fromAdf reads ADF strictly', () => {
  const doc = (...content: unknown[]) => ({ type: 'doc', version: 1, content });
  const para = (...content: unknown[]) => ({ type: 'paragraph', content });
  it.each([
    ['a text node holding an object', doc(para({ type: 'text', text: { a: 1 } })), 'content[0].content[0].text must be a string'],
    ['a text node holding a number', doc(para({ type: 'text', text: 42 })), 'content[0].content[0].text must be a string'],
    ['a text node without text', doc(para({ type: 'text' })), 'content[0].content[0].text must be a string'],
    ['a node without a type', doc({ text: 'x' }), 'content[0].type must be a string'],
    ['a node that is a string', doc('x'), 'content[0] must be a node object'],
    ['content that is no list', { type: 'doc', content: 'x' }, 'doc.content must be a list of nodes'],
    ['a mention whose text is an object', doc(para({ type: 'mention', attrs: { text: {} } })), 'content[0].content[0].attrs.text must be a string'],
    ['no doc at all', { type: 'paragraph' }, 'not an Atlassian Document Format document'],
  ])('%s is refused', (_name, value, message) => {
    expect(() => fromAdf(value)).toThrow(AdfError);
    expect(() => fromAdf(value)).toThrow(message);
  });
  it('a document nested deeper than 100 levels is refused', () => {
    let node: unknown = { type: 'text', text: 'x' };
    for (let i = 0; i < 150; i++) node = { type: 'blockquote', content: [node] };
    expect(() => fromAdf(doc(node))).toThrow(/nested deeper than 100 levels/);
  });
  it.each([
    [
      'paragraphs, marks, hard breaks, mentions and emoji (held)',
      doc(
        para({ type: 'text', text: 'a', marks: [{ type: 'strong' }] }, { type: 'hardBreak' }, { type: 'mention', attrs: { text: '@Bob' } }),
        para({ type: 'emoji', attrs: { shortName: ':ok:' } }),
      ),
      'a\n@Bob\n\n:ok:',
    ],
    ['an empty document (held)', doc(), ''],
    ['a plain string (held)', 'just text', 'just text'],
    ['unknown node types with a node shape (held)', doc(para({ type: 'status', attrs: { text: 'DONE' } }, { type: 'text', text: 'x' })), 'x'],
  ])('%s is read', (_name, value, text) => {
    expect(fromAdf(value)).toBe(text);
  });
});
