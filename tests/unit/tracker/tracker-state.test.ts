import { describe, expect, it } from 'vitest';
import { Tracker } from '../../../server/tracker/tracker.ts';
import { fixedClock, systemClock } from '../../../server/tracker/clock.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';
import { makeTracker, trackerError } from './setup.ts';

describe('the tracker follows its state', () => {
  it('rebuilds its lookups when the configuration is replaced (e.g. after a migration)', () => {
    const t = makeTracker();
    expect(t.search('u-bob', 'status = Open').total).toBe(2);
    const config = structuredClone(t.config);
    config.statuses.find((s) => s.id === '1')!.name = 'To Triage';
    t.replaceState({ config });
    expect(t.search('u-bob', 'status = "To Triage"').total).toBe(2);
    expect(trackerError(() => t.search('u-bob', 'status = Open')).body.errorMessages).toEqual([
      "The value 'Open' does not exist for the field 'status'.",
    ]);
  });

  it('rebuilds its issue index when the issue list is replaced', () => {
    const t = makeTracker();
    t.replaceState({ issues: t.issues.filter((i) => i.project !== 'OPS') });
    expect(trackerError(() => t.getIssue('u-bob', 'OPS-1')).status).toBe(404);
    t.replaceState({ issues: [...t.issues, { ...structuredClone(t.issues[0]!), id: '99999', key: 'ACME-50' }] });
    expect(t.getIssue('u-bob', 'ACME-50').id).toBe('99999');
    expect(t.createIssue('u-bob', { project: 'ACME', issueType: '10002', fields: { summary: 'next' } }).key).toBe('ACME-51');
  });

  it('a configuration write through updateConfig is seen at once: the tracker rebuilds its own indexes', () => {
    const t = makeTracker();
    t.updateConfig((config) => {
      config.statuses.find((s) => s.id === '1')!.name = 'To Triage';
    });
    expect(t.status('1')!.name).toBe('To Triage');
    expect(t.statusByRef('to triage')?.id).toBe('1');
    expect(t.search('u-bob', 'status = "To Triage"').total).toBe(2);
  });

  it('changes the state it was given in place (an instance saves what the tracker serves)', () => {
    const { config, issues } = tinyContent();
    const state = { config, issues };
    const t = new Tracker(state, { clock: fixedClock('2025-02-10T12:00:00Z') });
    t.replaceState({ issues: issues.slice(1) });
    expect(state.issues).toBe(t.issues);
    t.addComment('u-erin', t.issues[0]!.key, 'kept');
    expect(state.issues[0]!.comments.at(-1)!.body).toBe('kept');
  });

  it('shares an outbox handed in, and finds issues by id too', () => {
    const { config, issues } = tinyContent();
    const outbox = [
      { id: '1', at: 'x', event: 'created' as const, issueKey: 'ACME-1', project: 'ACME', actor: null, recipient: 'u-bob', recipientEmail: 'b' },
    ];
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

describe('what the tracker writes stays valid against the model schema', () => {
  it('after create, edit, comment, assign, transitions and a reopen', async () => {
    const { validatorFor } = await import('../../../server/model/shape.ts');
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'ASSIGN_ISSUES', holder: { type: 'projectRole', value: '10001' } });
    });
    const created = t.createIssue('u-bob', {
      project: 'ACME',
      issueType: '10001',
      fields: { summary: 'Valid?', labels: ['a'], customfield_10012: { parent: 'opt-loc-eu' }, duedate: '2025-03-01' },
    });
    t.editIssue('u-bob', created.key, { description: 'now described', customfield_10011: ['opt-plat-win'], fixVersions: ['ver-2'] });
    t.addComment('u-erin', created.key, 'hello');
    t.assign('u-bob', created.key, 'u-carol');
    t.doTransition('u-bob', created.key, 't-start');
    t.doTransition('u-bob', 'ACME-3', 't-reopen');
    const validate = validatorFor('issue');
    for (const issue of t.issues) {
      const ok = validate(issue);
      expect(ok ? [] : validate.errors).toEqual([]);
    }
  });
});
