import { describe, expect, it } from 'vitest';
import type { ProjectPermission } from '../../../server/model/schema/vocab.ts';
import { makeTracker, trackerError } from './setup.ts';

describe('permissions from the permission scheme', () => {
  const tracker = makeTracker();
  const cases: Array<[string | null, string, ProjectPermission, string | undefined, boolean, string]> = [
    [null, 'ACME', 'BROWSE_PROJECTS', undefined, false, 'anonymous is not loggedIn'],
    ['u-erin', 'ACME', 'BROWSE_PROJECTS', undefined, true, 'loggedIn grant'],
    ['u-frank', 'ACME', 'BROWSE_PROJECTS', undefined, false, 'inactive users hold nothing'],
    ['u-erin', 'ACME', 'CREATE_ISSUES', undefined, true, 'role held as a user actor'],
    ['u-bob', 'ACME', 'CREATE_ISSUES', undefined, true, 'role held through a group actor'],
    ['u-dave', 'ACME', 'CREATE_ISSUES', undefined, false, 'not in the role'],
    ['u-bob', 'ACME', 'DELETE_ISSUES', undefined, true, 'project lead'],
    ['u-carol', 'ACME', 'DELETE_ISSUES', undefined, false, 'lead of another project'],
    ['u-carol', 'OPS', 'DELETE_ISSUES', undefined, true, 'project lead of OPS'],
    ['u-bob', 'SEC', 'BROWSE_PROJECTS', undefined, false, 'group grant not held'],
    ['u-dave', 'SEC', 'BROWSE_PROJECTS', undefined, true, 'group grant'],
    ['u-alice', 'SEC', 'BROWSE_PROJECTS', undefined, true, 'single-user grant'],
    ['u-bob', 'ACME', 'RESOLVE_ISSUES', 'ACME-1', true, 'assignee grant on his issue'],
    ['u-carol', 'ACME', 'RESOLVE_ISSUES', 'ACME-1', false, 'assignee grant on another issue'],
    ['u-bob', 'ACME', 'RESOLVE_ISSUES', undefined, false, 'issue-level grant without an issue'],
    ['u-erin', 'ACME', 'ASSIGNABLE_USER', undefined, true, 'assignable through the role'],
    ['u-frank', 'ACME', 'ASSIGNABLE_USER', undefined, false, 'inactive users are never assignable'],
    ['u-bob', 'ACME', 'LINK_ISSUES', undefined, false, 'permission granted to nobody'],
  ];
  it.each(cases)('%s in %s: %s on %s → %s (%s)', (actor, project, permission, issueKey, expected) => {
    const issue = issueKey ? tracker.issues.find((i) => i.key === issueKey) : undefined;
    expect(tracker.can(actor, permission, project, issue)).toBe(expected);
    expect(tracker.permissionsOf(actor, project, issue).has(permission)).toBe(expected);
  });

  it('global ADMINISTER implies administering every project; others need a grant', () => {
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants = c.permissionSchemes[0]!.grants.filter((g) => g.permission !== 'ADMINISTER_PROJECTS');
    });
    expect(t.isAdmin('u-alice')).toBe(true);
    expect(t.can('u-alice', 'ADMINISTER_PROJECTS', 'ACME')).toBe(true);
    expect(t.can('u-bob', 'ADMINISTER_PROJECTS', 'ACME')).toBe(false);
    expect(t.isAdmin('u-bob')).toBe(false);
  });

  it('archived projects are read-only: browse stays, everything that writes goes', () => {
    const t = makeTracker((c) => {
      c.projects[0]!.archived = true;
    });
    const perms = t.permissionsOf('u-bob', 'ACME');
    expect(perms.has('BROWSE_PROJECTS')).toBe(true);
    for (const p of ['CREATE_ISSUES', 'EDIT_ISSUES', 'TRANSITION_ISSUES', 'ADD_COMMENTS', 'DELETE_ISSUES'] as const) {
      expect(perms.has(p)).toBe(false);
      expect(t.can('u-bob', p, 'ACME')).toBe(false);
    }
    expect(trackerError(() => t.editIssue('u-bob', 'ACME-1', { summary: 'x' })).status).toBe(403);
  });

  it('a reporter grant of CREATE_ISSUES holds at creation (the creator becomes the reporter)', () => {
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'CREATE_ISSUES', holder: { type: 'reporter' } });
    });
    expect(t.can('u-dave', 'CREATE_ISSUES', 'ACME')).toBe(true);
  });
});

describe('an issue the actor cannot browse is a 404', () => {
  const tracker = makeTracker();
  const cases: Array<[string | null, string]> = [
    ['u-bob', 'SEC-1'],
    [null, 'ACME-1'],
    ['u-frank', 'ACME-1'],
    ['u-bob', 'ACME-999'],
    ['u-bob', 'NOPE-1'],
  ];
  it.each(cases)('%s reading %s', (actor, key) => {
    for (const call of [
      () => tracker.getIssue(actor, key),
      () => tracker.editIssue(actor, key, { summary: 'x' }),
      () => tracker.transitions(actor, key),
      () => tracker.addComment(actor, key, 'hi'),
      () => tracker.assign(actor, key, null),
      () => tracker.editMeta(actor, key),
      () => tracker.doTransition(actor, key, 't-start'),
      () => tracker.deleteIssue(actor, key),
    ]) {
      const e = trackerError(call);
      expect(e.status).toBe(404);
      expect(e.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
  });

  it('search never returns what the actor cannot browse', () => {
    expect(tracker.search('u-bob', 'priority = Highest').issues.map((i) => i.key)).toEqual(['ACME-1']);
    expect(tracker.search('u-dave', 'project = SEC').total).toBe(2);
    expect(tracker.search(null, '').total).toBe(0);
  });

  it('reporter-only browse grants decide per issue, in get and in search', () => {
    const t = makeTracker((c, issues) => {
      c.permissionSchemes[1]!.grants.push({ id: 'x', permission: 'BROWSE_PROJECTS', holder: { type: 'reporter' } });
      issues.find((i) => i.key === 'SEC-2')!.reporter = 'u-erin';
    });
    expect(t.getIssue('u-erin', 'SEC-2').key).toBe('SEC-2');
    expect(trackerError(() => t.getIssue('u-erin', 'SEC-1')).status).toBe(404);
    expect(t.search('u-erin', 'project = SEC').issues.map((i) => i.key)).toEqual(['SEC-2']);
  });
});
