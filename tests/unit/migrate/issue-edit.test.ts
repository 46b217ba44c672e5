/** editIssue's bookkeeping: the stored issue shares nothing with the edit's code, and the restore record is exact and small. */
import { describe, expect, it } from 'vitest';
import { canonicalJson, classify, READY, sortedClone } from '../../../server/model/canonical-json.ts';
import { restoreIssue } from '../../../server/migrate/issue-changes.ts';
import { deepEqual as sameData } from '../../../server/migrate/config-diff.ts';
import { draftOf, settleEdit } from '../../../server/migrate/issue-edit.ts';
import { readOnly } from '../../../server/migrate/read-only.ts';
import type { Issue } from '../../../server/model/types.ts';
import { tinyState } from './helpers.ts';

const anIssue = (): Issue =>
  sortedClone(tinyState().issues.find((i) => i.history.length > 0 && Object.keys(i.customFields).length > 0) ?? tinyState().issues[0]!) as Issue;

const edit = (original: Issue, fn: (d: Issue) => void) => {
  const { draft, target } = draftOf(original);
  fn(draft);
  return { draft: target as unknown as Issue, ...settleEdit(original, target, undefined) };
};

describe('deepEqual', () => {
  it.each([
    [1, 1, true],
    ['a', 'a', true],
    [null, null, true],
    [[1, [2]], [1, [2]], true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: 1, b: 2 }, { a: 1 }, false],
    [[1, 2], [1, 2, 3], false],
    [[1], { 0: 1 }, false],
    [NaN, NaN, false],
    [new Date(0), new Date(0), false],
    [0, -0, true],
    [null, undefined, false],
    ['1', 1, false],
    [{ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'y' }] } }, false],
    [Object.create(null), {}, false],
  ])('%j vs %j → %s', (a, b, same) => expect(sameData(a, b)).toBe(same));
});

describe('settleEdit', () => {
  it('keeps unchanged values of the original, copies changed ones, sorts keys, and records only what changed', () => {
    const o = anIssue();
    const added: string[] = ['x'];
    const { issue, restore, draft } = edit(o, (d) => {
      (d as unknown as Record<string, unknown>).environment = 'stamped';
      d.labels = added;
      d.summary = 'changed';
    });
    expect(Object.keys(issue)).toEqual(Object.keys(issue).sort());
    expect(classify(issue)).toBe(READY);
    expect(issue.history).toBe(o.history);
    expect(issue.customFields).toBe(o.customFields);
    expect(issue.labels).toEqual(['x']);
    expect(issue.labels).not.toBe(added);
    expect(issue.labels).not.toBe(draft.labels);
    expect(restore).toEqual({
      id: o.id,
      updated: o.updated,
      historyLength: o.history.length,
      values: { labels: o.labels, summary: o.summary },
      absent: ['environment'],
    });
    const before = canonicalJson(o);
    restoreIssue(issue, JSON.parse(JSON.stringify(restore)));
    expect(canonicalJson(issue)).toBe(before);
  });

  it('a deleted key is captured with its value; a read-only view assigned by the edit does not reach the state', () => {
    const o = anIssue();
    const other = anIssue();
    const view = readOnly(other.components);
    const { issue, restore } = edit(o, (d) => {
      delete (d as Partial<Issue>).description;
      d.components = view;
    });
    expect('description' in issue).toBe(false);
    expect(restore.values.description).toBe(o.description);
    expect(issue.components).toBe(o.components); // equal data: the original's own array, not the view
    const { issue: changed } = edit(o, (d) => {
      d.components = readOnly([...other.components, 'c-extra']);
    });
    expect(() => (changed.components as string[]).push('writable')).not.toThrow();
  });

  it('a second edit of the same issue keeps the first capture of a value', () => {
    const o = anIssue();
    const first = edit(o, (d) => {
      d.summary = 'one';
    });
    const { draft: draft2, target } = draftOf(first.issue);
    draft2.summary = 'two';
    draft2.labels = ['new'];
    const second = settleEdit(first.issue, target, first.restore);
    expect(second.restore.values.summary).toBe(o.summary);
    expect(second.restore.values.labels).toEqual(o.labels);
    const before = canonicalJson(o);
    restoreIssue(second.issue, second.restore);
    expect(canonicalJson(second.issue)).toBe(before);
  });

  it('the draft copies an object value the first time it is read, so the original never changes', () => {
    const o = anIssue();
    const before = canonicalJson(o);
    const { issue, restore } = edit(o, (d) => {
      d.labels.push('pushed');
      d.history.length = 0;
      (Object.getOwnPropertyDescriptor(d, 'customFields')!.value as Record<string, unknown>).added = 1;
      const spread = { ...d };
      spread.watchers.push('u-spread'); // a shallow copy shares the draft's (copied) array, as with any object
    });
    expect(canonicalJson(o)).toBe(before);
    expect(issue.labels).toEqual([...o.labels, 'pushed']);
    expect(issue.history).toEqual([]);
    expect((issue.customFields as Record<string, unknown>).added).toBe(1);
    expect(issue.watchers).toEqual([...o.watchers, 'u-spread']);
    expect(Object.keys(restore.values).sort()).toEqual(['customFields', 'history', 'labels', 'watchers']);
    expect(issue.comments).toBe(o.comments); // never read: the original's own array
    restoreIssue(issue, restore);
    expect(canonicalJson(issue)).toBe(before);
  });

  it('an edit that changes nothing records nothing', () => {
    const o = anIssue();
    const { issue, restore } = edit(o, () => {});
    expect(restore.values).toEqual({});
    expect(restore.absent).toBeUndefined();
    expect(canonicalJson(issue)).toBe(canonicalJson(o));
  });
});
