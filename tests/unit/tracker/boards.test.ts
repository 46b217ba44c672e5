import { describe, expect, it } from 'vitest';
import { makeTracker, trackerError } from './setup.ts';

const view = (b: ReturnType<ReturnType<typeof makeTracker>['board']>) => ({
  columns: b.columns.map((c) => [c.name, c.issues.map((i) => i.key)]),
  unmapped: b.unmapped.map((u) => [u.statusName, u.issues.map((i) => i.key)]),
});

describe('boards', () => {
  it("places the filter's issues in the column mapping their status", () => {
    expect(view(makeTracker().board('u-bob', '1'))).toEqual({
      columns: [
        ['Backlog', ['OPS-3']],
        ['In Progress', ['OPS-1']],
        ['Closed', ['OPS-2']],
      ],
      unmapped: [],
    });
  });

  it('reports issues in a status no column maps', () => {
    const t = makeTracker((c) => {
      c.boards[0]!.columns = c.boards[0]!.columns.filter((col) => col.name !== 'Closed');
    });
    expect(view(t.board('u-bob', '1'))).toEqual({
      columns: [
        ['Backlog', ['OPS-3']],
        ['In Progress', ['OPS-1']],
      ],
      unmapped: [['Closed', ['OPS-2']]],
    });
  });

  it('shows only what the actor may browse', () => {
    const t = makeTracker((c) => {
      c.filters.push({ id: '10102', name: 'All', owner: 'u-alice', jql: 'ORDER BY key ASC', shares: [] });
      c.boards.push({ id: '2', name: 'Everything', type: 'kanban', filter: '10102', columns: [{ name: 'Doing', statuses: ['2'] }] });
    });
    expect(view(t.board('u-dave', '2')).columns).toEqual([['Doing', ['ACME-2', 'OPS-1', 'SEC-1']]]);
    expect(view(t.board('u-bob', '2')).columns).toEqual([['Doing', ['ACME-2', 'OPS-1']]]);
    expect(view(t.board('u-bob', '2')).unmapped.map(([s]) => s)).toEqual(['Open', 'Done', 'Closed', 'Backlog', 'In Review']);
  });

  it('an unknown board is a 404; a board whose filter no longer parses is a 400 naming it', () => {
    expect(trackerError(() => makeTracker().board('u-bob', '99')).status).toBe(404);
    const t = makeTracker((c) => {
      c.filters[1]!.jql = 'project = OPS AND Sevrity = Major';
    });
    const e = trackerError(() => t.board('u-bob', '1'));
    expect(e.status).toBe(400);
    expect(e.body.errorMessages[0]).toBe(
      "The filter of board 'OPS board' (Ops board) fails: Field 'Sevrity' does not exist or you do not have permission to view it.",
    );
  });
});

describe('saved filters of the tiny snapshot', () => {
  it('all parse and run', () => {
    const t = makeTracker();
    for (const f of t.config.filters) expect(t.validateJql(f.owner, f.jql)).toEqual([]);
    expect(t.searchAll('u-bob', t.config.filters[0]!.jql).map((i) => i.key)).toEqual(['ACME-1', 'ACME-6']);
  });
});
