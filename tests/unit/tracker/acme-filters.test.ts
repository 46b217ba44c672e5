/**
 * Every saved filter and board of the acme snapshot must parse and run with this JQL: the
 * rehearsal compares their results before and after a change. Generated in memory (the same
 * generator and seed as fixtures/acme), so the test does not depend on the files being written.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ISSUES, DEFAULT_SEED, generateAcme } from '../../../server/fixtures/generate-acme.ts';
import { Tracker } from '../../../server/tracker/tracker.ts';
import { fixedClock } from '../../../server/tracker/clock.ts';

const content = generateAcme({ seed: DEFAULT_SEED, issues: DEFAULT_ISSUES });
const tracker = new Tracker({ config: content.config, issues: [...content.issues] }, { clock: fixedClock('2026-01-15T12:00:00Z') });

describe('acme saved filters', () => {
  it('has filters to check', () => {
    expect(content.config.filters.length).toBeGreaterThan(10);
  });

  it.each(content.config.filters.map((f) => [f.id, f.name, f.jql, f.owner] as const))('%s %s', (_id, _name, jql, owner) => {
    expect(tracker.validateJql(owner, jql)).toEqual([]);
    const page = tracker.search(owner, jql, { startAt: 1, maxResults: 5 });
    const all = tracker.searchAll(owner, jql);
    expect(page.total).toBe(all.length);
    // a page is selected without sorting everything: it must be the same slice
    expect(page.issues.map((i) => i.key)).toEqual(all.slice(1, 6).map((i) => i.key));
  });

  it.each(content.config.boards.map((b) => [b.id, b.name] as const))('board %s %s opens', (id) => {
    const board = content.config.boards.find((b) => b.id === id)!;
    const owner = content.config.filters.find((f) => f.id === board.filter)!.owner;
    const view = tracker.board(owner, id);
    expect(view.columns.map((c) => c.name)).toEqual(board.columns.map((c) => c.name));
  });
});
