import { describe, expect, it } from 'vitest';
import type { NotificationRecipient } from '../../../server/model/types.ts';
import { notificationsFor } from '../../../server/tracker/notifications.ts';
import { NOW, makeTracker } from './setup.ts';

const withScheme = (recipients: NotificationRecipient[]) =>
  makeTracker((c) => {
    c.notificationSchemes[0]!.events = [{ event: 'updated', recipients }];
  });

describe('notification recipients per scheme entry', () => {
  // ACME-1: assignee bob, reporter erin, component Backend (lead bob), watchers bob + erin; project lead bob.
  const cases: Array<[string, NotificationRecipient[], string, string[]]> = [
    ['currentAssignee', [{ type: 'currentAssignee' }], 'ACME-1', ['u-bob']],
    ['reporter', [{ type: 'reporter' }], 'ACME-1', ['u-erin']],
    ['currentUser', [{ type: 'currentUser' }], 'ACME-1', ['u-carol']],
    ['projectLead', [{ type: 'projectLead' }], 'ACME-1', ['u-bob']],
    ['componentLead', [{ type: 'componentLead' }], 'ACME-1', ['u-bob']],
    ['componentLead without a led component', [{ type: 'componentLead' }], 'ACME-2', []],
    ['a user', [{ type: 'user', value: 'u-dave' }], 'ACME-1', ['u-dave']],
    ['an inactive user', [{ type: 'user', value: 'u-frank' }], 'ACME-1', []],
    ['group members, inactive excluded', [{ type: 'group', value: 'g-devs' }], 'ACME-1', ['u-alice', 'u-bob', 'u-carol']],
    ['role actors through groups and users', [{ type: 'projectRole', value: '10001' }], 'ACME-1', ['u-alice', 'u-bob', 'u-carol', 'u-erin']],
    ['watchers', [{ type: 'watchers' }], 'ACME-1', ['u-bob', 'u-erin']],
    ['de-duplicated in scheme order', [{ type: 'reporter' }, { type: 'watchers' }, { type: 'currentAssignee' }], 'ACME-1', ['u-erin', 'u-bob']],
    ['only people who can see the issue', [{ type: 'group', value: 'g-devs' }, { type: 'reporter' }], 'SEC-1', ['u-alice', 'u-dave']],
    ['an unassigned issue has no current assignee', [{ type: 'currentAssignee' }], 'ACME-7', []],
  ];
  it.each(cases)('%s', (_n, recipients, key, expected) => {
    const t = withScheme(recipients);
    const issue = t.issues.find((i) => i.key === key)!;
    expect(t.notificationsFor('updated', issue, 'u-carol').map((r) => r.accountId)).toEqual(expected);
    expect(t.outbox).toEqual([]);
  });

  it('events the scheme does not list notify nobody', () => {
    const t = withScheme([{ type: 'reporter' }]);
    expect(t.notificationsFor('deleted', t.issues[0]!, 'u-bob')).toEqual([]);
  });

  it('is also a pure function of the configuration', () => {
    const t = withScheme([{ type: 'watchers' }]);
    const issue = t.issues[0]!;
    expect(notificationsFor(t.config, 'updated', issue, 'u-carol')).toEqual(t.notificationsFor('updated', issue, 'u-carol'));
    expect(notificationsFor(t.config, 'updated', issue, 'u-carol').map((r) => r.accountId)).toEqual(['u-bob', 'u-erin']);
  });

  it('carries e-mail addresses', () => {
    const t = withScheme([{ type: 'reporter' }]);
    expect(t.notificationsFor('updated', t.issues[0]!, null)).toEqual([{ accountId: 'u-erin', email: 'erin@tiny.example' }]);
  });
});

describe('the outbox', () => {
  it('records one entry per recipient and event, with continuing ids, and sends nothing', () => {
    const t = makeTracker();
    t.createIssue('u-bob', { project: 'ACME', issueType: '10002', fields: { summary: 'one' } });
    t.addComment('u-carol', 'ACME-8', 'first');
    expect(t.outbox).toEqual([
      {
        id: '1',
        at: NOW,
        event: 'created',
        issueKey: 'ACME-8',
        project: 'ACME',
        actor: 'u-bob',
        recipient: 'u-bob',
        recipientEmail: 'bob@tiny.example',
      },
      {
        id: '2',
        at: NOW,
        event: 'commented',
        issueKey: 'ACME-8',
        project: 'ACME',
        actor: 'u-carol',
        recipient: 'u-bob',
        recipientEmail: 'bob@tiny.example',
      },
      {
        id: '3',
        at: NOW,
        event: 'commented',
        issueKey: 'ACME-8',
        project: 'ACME',
        actor: 'u-carol',
        recipient: 'u-alice',
        recipientEmail: 'alice@tiny.example',
      },
      {
        id: '4',
        at: NOW,
        event: 'commented',
        issueKey: 'ACME-8',
        project: 'ACME',
        actor: 'u-carol',
        recipient: 'u-carol',
        recipientEmail: 'carol@tiny.example',
      },
    ]);
  });
});
