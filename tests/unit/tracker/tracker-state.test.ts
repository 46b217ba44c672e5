import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../server/tracker/tracker.ts';
import { fixedClock, systemClock } from '../../../server/tracker/clock.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { makeTracker, trackerError } from './setup.ts';

describe('the tracker follows its state', () => {
  it('rebuilds its lookups when the configuration is replaced (e.g. after a migration)', () => {
    const t = makeTracker();
    expect(t.search('u-bob', 'status = Open').total).toBe(2);
    const config = structuredClone(t.state.config);
    config.statuses.find((s) => s.id === '1')!.name = 'To Triage';
    t.state.config = config;
    expect(t.search('u-bob', 'status = "To Triage"').total).toBe(2);
    expect(trackerError(() => t.search('u-bob', 'status = Open')).body.errorMessages).toEqual(["The value 'Open' does not exist for the field 'status'."]);
  });

  it('rebuilds its issue index when the issue list is replaced, and after invalidate()', () => {
    const t = makeTracker();
    t.state.issues = t.state.issues.filter((i) => i.project !== 'OPS');
    expect(trackerError(() => t.getIssue('u-bob', 'OPS-1')).status).toBe(404);
    t.state.issues.push({ ...structuredClone(t.state.issues[0]!), id: '99999', key: 'ACME-50' });
    t.invalidate();
    expect(t.getIssue('u-bob', 'ACME-50').id).toBe('99999');
    expect(t.createIssue('u-bob', { project: 'ACME', issueType: '10002', fields: { summary: 'next' } }).key).toBe('ACME-51');
  });

  it('shares an outbox handed in, and finds issues by id too', () => {
    const { config, issues } = tinyContent();
    const outbox = [{ id: '1', at: 'x', event: 'created' as const, issueKey: 'ACME-1', project: 'ACME', actor: null, recipient: 'u-bob', recipientEmail: 'b' }];
    const t = new Tracker({ config, issues }, { outbox, clock: fixedClock('2025-02-10T12:00:00Z') });
    t.addComment('u-erin', '10001', 'by id');
    expect(outbox.length).toBeGreaterThan(1);
    expect(outbox[1]!.id).toBe('2');
  });
});

describe('clocks', () => {
  it('a fixed clock always answers the same normalised instant', () => {
    const c = fixedClock('2025-02-10T12:00:00Z');
    expect(c.now()).toBe('2025-02-10T12:00:00.000Z');
    expect(c.now()).toBe(c.now());
  });
  it('refuses a time that is not ISO', () => {
    expect(() => fixedClock('yesterday')).toThrow(/not an ISO date-time/);
  });
  it('the system clock moves', () => {
    expect(Date.parse(systemClock.now())).toBeGreaterThan(Date.parse('2025-01-01'));
  });
});
