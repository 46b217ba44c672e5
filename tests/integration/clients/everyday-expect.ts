/** What every language's everyday script must have seen (the scripts print the same keys). */
import { expect } from 'vitest';
import type { Harness } from '../http/harness.ts';

export const expectEveryday = (out: Record<string, any>, h: Harness): void => {
  expect(out.connect).toEqual({ deploymentType: 'Cloud', me: 'u-bob' });
  expect(out.search).toEqual({
    total: 7,
    pages: [
      ['ACME-1', 'ACME-2', 'ACME-3'],
      ['ACME-4', 'ACME-5', 'ACME-6'],
    ],
  });
  expect(out.get).toEqual({ key: 'ACME-3', histories: 2, hasNames: true });
  expect(out.createmeta.required).toEqual(expect.arrayContaining(['summary']));
  expect(out.create.summary).toMatch(/^Edited by /);
  expect(out.comment).toEqual({ seen: 'second words', after: [] });
  expect(out.transition).toEqual({ status: 'In Progress', assignee: 'u-bob' });
  expect(out.watchers).toEqual({ 'after add': 1, 'after remove': 0 });
  expect(out.links).toEqual({ made: ['Blocks'], left: 0 });
  expect(out.attachments).toEqual({ size: 16, content: 'build 42 passed\n', listed: ['build.log'], after: 0 });
  expect(out.worklogs).toEqual({ logged: [['1h 30m', 'pairing']], after: 0, field: 0 });
  expect(out.remote).toEqual(['Build 42']);
  expect(out.votes).toBe(1);
  expect(out.filters).toEqual({ jql: 'project = ACME AND issuetype = Bug AND status != Done ORDER BY priority DESC', favourites: [] });
  expect(out.boards).toEqual(['OPS board']);
  expect(out.versions).toEqual({ one: '1.0', all: ['1.0', '2.0'], component: 'Backend' });
  expect(out.group).toEqual(['u-alice', 'u-bob', 'u-carol']);
  expect(out.permissions).toEqual({ CREATE_ATTACHMENTS: true, DELETE_ALL_ATTACHMENTS: false, WORK_ON_ISSUES: true });
  expect(out.error.status).toBe(404);
  expect(out.error.text).toMatch(/Issue does not exist or you do not have permission to see it/);
  // The sandbox recorded what the script did: history of the new issue, and the notifications.
  const issue = h.ctx.tracker.issues.find((i) => i.key === out.create.key)!;
  expect(issue.history.flatMap((e) => e.items.map((i) => i.field))).toEqual(
    expect.arrayContaining(['summary', 'status', 'assignee', 'Link', 'Attachment', 'timespent', 'RemoteIssueLink']),
  );
};
