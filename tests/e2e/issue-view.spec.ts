import { expect, test } from './sandbox-fixture.ts';

test('the issue view shows fields, comments, history, watchers, links and sub-tasks', async ({ page, personas, signIn, sandbox }) => {
  const tracker = sandbox.ctx.tracker;
  const admin = personas.admin.accountId;
  const parents = new Set(tracker.issues.filter((i) => i.parent).map((i) => i.parent));
  const issue = tracker.issues.find(
    (i) =>
      parents.has(i.key) &&
      i.links.length &&
      i.comments.length &&
      i.history.length &&
      i.watchers.length &&
      tracker.can(admin, 'BROWSE_PROJECTS', i.project, i),
  )!;
  expect(issue).toBeDefined();
  const name = (id: string) => tracker.user(id)!.displayName;
  await signIn(personas.admin);
  await page.goto(`/browse/${issue.key}`);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(issue.summary);
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(tracker.status(issue.status)!.name);
  await expect(page.getByRole('region', { name: /^Comments/ }).getByRole('article')).toHaveCount(issue.comments.length);
  await expect(page.getByRole('region', { name: 'History' }).getByRole('row')).toHaveCount(1 + issue.history.reduce((n, h) => n + h.items.length, 0));
  await expect(page.getByRole('region', { name: /^Watchers/ }).getByRole('listitem')).toHaveText(issue.watchers.map(name));
  await expect(page.getByRole('region', { name: 'Issue links' }).getByRole('link')).toHaveText(issue.links.map((l) => l.issue));
  const subtasks = tracker.issues.filter((i) => i.parent === issue.key);
  await expect(page.getByRole('region', { name: 'Sub-tasks' }).getByRole('rowheader')).toHaveText(subtasks.map((s) => s.key));
  for (const [id, value] of Object.entries(issue.customFields)) {
    if (value !== undefined) await expect(page.getByRole('region', { name: 'More fields' })).toContainText(tracker.field(id)!.name);
  }
});
