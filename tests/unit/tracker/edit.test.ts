import { describe, expect, it } from 'vitest';
import type { Config } from '../../../server/model/types.ts';
import { NOW, makeTracker, trackerError } from './setup.ts';

const NOT_ON_SCREEN = (id: string) => `Field '${id}' cannot be set. It is not on the appropriate screen, or unknown.`;
const grantAssign = (c: Config) => {
  c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'ASSIGN_ISSUES', holder: { type: 'projectRole', value: '10001' } });
};
const notify = (event: 'updated' | 'assigned' | 'deleted') => (c: Config) => {
  c.notificationSchemes[0]!.events.push({ event, recipients: [{ type: 'currentAssignee' }, { type: 'reporter' }, { type: 'currentUser' }] });
};

describe('edit: refusals', () => {
  const cases: Array<[string, string, string, Record<string, unknown>, number, string, string]> = [
    ['hidden field', 'u-bob', 'ACME-1', { environment: 'prod' }, 400, 'environment', NOT_ON_SCREEN('environment')],
    [
      'field not on the edit screen',
      'u-bob',
      'OPS-1',
      { customfield_10010: 'opt-sev-1' },
      400,
      'customfield_10010',
      NOT_ON_SCREEN('customfield_10010'),
    ],
    ['required custom field emptied', 'u-bob', 'ACME-1', { customfield_10010: null }, 400, 'customfield_10010', 'Severity is required.'],
    ['summary emptied', 'u-bob', 'ACME-1', { summary: '' }, 400, 'summary', 'You must specify a summary of the issue.'],
    ['invalid option', 'u-bob', 'ACME-1', { customfield_10011: ['opt-sev-1'] }, 400, 'customfield_10011', "Option id 'opt-sev-1' is not valid"],
    ['assignee without ASSIGN_ISSUES', 'u-bob', 'ACME-1', { assignee: 'u-carol' }, 400, 'assignee', 'You do not have permission to assign issues.'],
  ];
  it.each(cases)('%s', (_n, actor, key, fields, status, field, message) => {
    const t = makeTracker();
    const before = structuredClone(t.getIssue(actor, key));
    const e = trackerError(() => t.editIssue(actor, key, fields));
    expect(e.status).toBe(status);
    expect(e.body.errors[field]).toBe(message);
    expect(t.getIssue(actor, key)).toEqual(before);
  });

  it('without EDIT_ISSUES: 403', () => {
    const e = trackerError(() => makeTracker().editIssue('u-dave', 'ACME-1', { summary: 'x' }));
    expect(e.status).toBe(403);
    expect(e.body.errorMessages).toEqual(['You do not have permission to edit issues in this project.']);
  });
});

describe('edit: history, updated, events', () => {
  it('records one history entry with Jira changelog items', () => {
    const t = makeTracker(notify('updated'));
    const issue = t.editIssue('u-carol', 'ACME-1', {
      summary: 'SSO login fails',
      customfield_10010: 'opt-sev-2',
      labels: ['sso'],
      fixVersions: ['ver-2'],
    });
    expect(issue.updated).toBe(NOW);
    expect(issue.history).toHaveLength(1);
    expect(issue.history[0]).toMatchObject({ author: 'u-carol', created: NOW });
    expect(issue.history[0]!.items).toEqual([
      { field: 'summary', fieldId: 'summary', from: null, fromString: 'Login fails with SSO', to: null, toString: 'SSO login fails' },
      { field: 'Severity', fieldId: 'customfield_10010', from: 'opt-sev-1', fromString: 'Critical', to: 'opt-sev-2', toString: 'Major' },
      { field: 'labels', fieldId: 'labels', from: 'sso,login', fromString: 'sso login', to: 'sso', toString: 'sso' },
      { field: 'Fix Version', fieldId: 'fixVersions', from: null, fromString: null, to: 'ver-2', toString: '2.0' },
    ]);
    expect(t.outbox.map((o) => [o.event, o.recipient])).toEqual([
      ['updated', 'u-bob'],
      ['updated', 'u-erin'],
      ['updated', 'u-carol'],
    ]);
  });

  it('a no-op edit changes nothing and notifies nobody', () => {
    const t = makeTracker(notify('updated'));
    const issue = t.editIssue('u-carol', 'ACME-1', { summary: 'Login fails with SSO' });
    expect(issue.history).toEqual([]);
    expect(issue.updated).not.toBe(NOW);
    expect(t.outbox).toEqual([]);
  });

  it('changing the assignee raises assigned, and tells the previous assignee too', () => {
    const t = makeTracker((c) => {
      grantAssign(c);
      notify('assigned')(c);
    });
    t.editIssue('u-carol', 'ACME-1', { assignee: 'u-erin' });
    expect(t.outbox.map((o) => [o.event, o.recipient])).toEqual([
      ['assigned', 'u-erin'],
      ['assigned', 'u-bob'],
      ['assigned', 'u-carol'],
    ]);
  });

  it('editMeta: the edit screen minus hidden fields; nothing without EDIT_ISSUES', () => {
    const t = makeTracker();
    const meta = t.editMeta('u-bob', 'ACME-1').map((m) => m.fieldId);
    expect(meta).not.toContain('environment');
    expect(meta).toContain('customfield_10017');
    expect(t.editMeta('u-bob', 'ACME-2').map((m) => m.fieldId)).toContain('environment');
    expect(t.editMeta('u-dave', 'ACME-1')).toEqual([]);
  });
});

describe('comments', () => {
  it('adds a comment and notifies per the scheme, de-duplicated, inactive users excluded', () => {
    const t = makeTracker();
    const c = t.addComment('u-erin', 'ACME-1', 'Still failing.');
    expect(c).toMatchObject({ author: 'u-erin', body: 'Still failing.', created: NOW });
    expect(t.getIssue('u-erin', 'ACME-1').comments.at(-1)).toEqual(c);
    expect(t.getIssue('u-erin', 'ACME-1').updated).toBe(NOW);
    // commented → currentAssignee (bob), watchers (bob, erin), group developers (alice, bob, carol; frank is inactive)
    expect(t.outbox.map((o) => o.recipient)).toEqual(['u-bob', 'u-erin', 'u-alice', 'u-carol']);
    expect(t.outbox[0]).toEqual({
      id: '1',
      at: NOW,
      event: 'commented',
      issueKey: 'ACME-1',
      project: 'ACME',
      actor: 'u-erin',
      recipient: 'u-bob',
      recipientEmail: 'bob@tiny.example',
    });
  });

  it.each([
    [null, 'ACME-1', 'hi', 404],
    ['u-bob', 'ACME-1', '   ', 400],
  ] as const)('%s commenting %s with %j → %i', (actor, key, body, status) => {
    expect(trackerError(() => makeTracker().addComment(actor, key, body)).status).toBe(status);
  });

  it('anonymous commenters are refused with 401 where anyone may browse', () => {
    const t = makeTracker((c) => {
      c.permissionSchemes[0]!.grants.push({ id: 'x', permission: 'BROWSE_PROJECTS', holder: { type: 'anyone' } });
    });
    expect(trackerError(() => t.addComment(null, 'ACME-1', 'hi')).status).toBe(401);
  });
});

describe('assign', () => {
  it('assigns with a history item and the assigned event', () => {
    const t = makeTracker((c) => {
      grantAssign(c);
      notify('assigned')(c);
    });
    const issue = t.assign('u-carol', 'ACME-1', 'u-carol');
    expect(issue.assignee).toBe('u-carol');
    expect(issue.history.at(-1)!.items).toEqual([
      { field: 'assignee', fieldId: 'assignee', from: 'u-bob', fromString: 'Bob Builder', to: 'u-carol', toString: 'Carol Coder' },
    ]);
    expect(t.outbox.map((o) => o.recipient)).toEqual(['u-carol', 'u-bob', 'u-erin']);
  });

  it.each([
    ['u-carol', 'u-dave', 400, "User 'Dave Defender' cannot be assigned issues."],
    ['u-carol', 'u-frank', 400, "User 'u-frank' cannot be assigned issues."],
  ])('%s assigning to %s', (actor, assignee, status, message) => {
    const e = trackerError(() => makeTracker(grantAssign).assign(actor, 'ACME-1', assignee));
    expect(e.status).toBe(status);
    expect(e.body.errors.assignee).toBe(message);
  });

  it('without ASSIGN_ISSUES: 403', () => {
    expect(trackerError(() => makeTracker().assign('u-carol', 'ACME-1', null)).status).toBe(403);
  });

  it('unassigning works and is recorded', () => {
    const issue = makeTracker(grantAssign).assign('u-carol', 'ACME-1', null);
    expect(issue.assignee).toBeNull();
    expect(issue.history.at(-1)!.items[0]).toMatchObject({ from: 'u-bob', to: null, toString: null });
  });
});

describe('delete', () => {
  it('needs DELETE_ISSUES', () => {
    expect(trackerError(() => makeTracker().deleteIssue('u-carol', 'ACME-1')).status).toBe(403);
  });

  it('refuses an issue with sub-tasks unless asked, then removes them all and notifies', () => {
    const t = makeTracker(notify('deleted'));
    expect(trackerError(() => t.deleteIssue('u-bob', 'ACME-3')).status).toBe(400);
    t.deleteIssue('u-bob', 'ACME-3', true);
    expect(t.issues.map((i) => i.key).filter((k) => k.startsWith('ACME'))).toEqual(['ACME-1', 'ACME-2', 'ACME-6', 'ACME-7']);
    expect(trackerError(() => t.getIssue('u-bob', 'ACME-4')).status).toBe(404);
    expect(t.outbox.map((o) => [o.event, o.issueKey, o.recipient])).toEqual([
      ['deleted', 'ACME-3', 'u-bob'],
      ['deleted', 'ACME-3', 'u-erin'],
    ]);
  });
});
