/**
 * A tracker over a copy of another's issues may take that tracker's counters instead of scanning
 * (sandbox forks, the suite plan's scratch copies): it must number new issues, comments and history
 * exactly as one that scanned would — and, like the source, never reuse a deleted issue's key.
 */
import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../server/tracker/tracker.ts';
import { fixedClock } from '../../../server/tracker/clock.ts';
import { forkState } from '../../../server/http/forks.ts';
import { makeTracker, NOW } from './setup.ts';

const copyOf = (t: Tracker, seeded: boolean) =>
  new Tracker(forkState({ config: t.config, issues: t.issues }, true), {
    clock: fixedClock(NOW),
    ...(seeded ? { issueCounters: t.issueCounters() } : {}),
  });

const writeSome = (t: Tracker) => {
  const created = t.createIssue('u-bob', { project: 'ACME', issueType: '10002', fields: { summary: 'next' } });
  const comment = t.addComment('u-bob', created.key, 'a comment');
  return { key: created.key, id: created.id, comment: comment.id, history: t.getIssue('u-bob', created.key).history.map((h) => h.id) };
};

describe('issue counters of a copy', () => {
  it('a seeded copy numbers what it writes as a copy that scanned does', () => {
    const base = makeTracker();
    expect(writeSome(copyOf(base, true))).toEqual(writeSome(copyOf(base, false)));
  });

  it('a seeded copy is not a view: what it writes stays out of its source', () => {
    const base = makeTracker();
    const before = base.issues.length;
    const copy = copyOf(base, true);
    const { key } = writeSome(copy);
    expect(base.issues.length).toBe(before);
    expect(() => base.getIssue('u-bob', key)).toThrow();
  });

  it('a copy taken after a delete continues past the deleted key, as its source does', () => {
    const base = makeTracker();
    const last = writeSome(base);
    base.deleteIssue('u-bob', last.key);
    const seeded = writeSome(copyOf(base, true));
    expect(seeded.key).toBe(writeSome(base).key);
    expect(seeded.key).not.toBe(last.key);
  });

  it('the counters are used for the list they came with only: a replaced list is scanned', () => {
    const base = makeTracker();
    const copy = copyOf(base, true);
    copy.replaceState({ issues: copy.issues.filter((i) => i.project !== 'ACME') });
    expect(copy.createIssue('u-bob', { project: 'OPS', issueType: '10002', fields: { summary: 'x' } }).key).toBe(
      makeTracker().createIssue('u-bob', { project: 'OPS', issueType: '10002', fields: { summary: 'x' } }).key,
    );
  });
});
