import { expect, test } from './sandbox-fixture.ts';

test('a transition whose condition a persona fails is not offered to them, but is to one who passes', async ({ page, personas, signIn, sandbox }) => {
  const tracker = sandbox.ctx.tracker;
  const names = (who: string, key: string) => tracker.transitions(who, key).map((t) => t.name);
  // "Won't Fix" needs the triage group or project administration: the admin has it, the developer not.
  const issue = tracker.issues.find(
    (i) =>
      i.project === 'WEB' &&
      i.issueType === '1' &&
      names(personas.admin.accountId, i.key).includes("Won't Fix") &&
      !names(personas.developer.accountId, i.key).includes("Won't Fix") &&
      names(personas.developer.accountId, i.key).length > 0,
  )!;
  expect(issue).toBeDefined();
  const workflow = page.getByRole('region', { name: 'Workflow' });

  await signIn(personas.developer);
  await page.goto(`/browse/${issue.key}`);
  await expect(workflow.getByRole('button')).toHaveText(names(personas.developer.accountId, issue.key));
  await expect(page.getByRole('button', { name: "Won't Fix" })).toHaveCount(0);

  await signIn(personas.admin);
  await page.goto(`/browse/${issue.key}`);
  await expect(workflow.getByRole('button')).toHaveText(names(personas.admin.accountId, issue.key));
  await expect(page.getByRole('button', { name: "Won't Fix" })).toBeVisible();
});
