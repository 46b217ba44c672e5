import { expect, test } from './sandbox-fixture.ts';

test('assigning an issue from its view offers the assignable people and records the change', async ({ page, personas, signIn, writable }) => {
  const tracker = writable.ctx.tracker;
  const me = personas.admin.accountId;
  const issue = tracker.issues.find((i) => i.project === 'MOB' && i.assignee !== null && tracker.can(me, 'ASSIGN_ISSUES', 'MOB', i))!;
  const assignable = tracker.config.users.filter((u) => u.active && tracker.can(u.accountId, 'ASSIGNABLE_USER', 'MOB', issue));
  const target = assignable.find((u) => u.accountId !== issue.assignee)!;
  await signIn(personas.admin);
  await page.goto(`/browse/${issue.key}`);
  const select = page.getByLabel('Assignee', { exact: true });
  await expect(select.getByRole('option')).toHaveText(['Unassigned', ...assignable.map((u) => u.displayName)]);
  await select.selectOption({ label: target.displayName });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('region', { name: 'People' })).toContainText(target.displayName);
  expect(tracker.getIssue(me, issue.key).assignee).toBe(target.accountId);
  expect(tracker.outbox.some((e) => e.event === 'assigned' && e.issueKey === issue.key)).toBe(true);
});
