import { expect, keepScreenshot, test } from './sandbox-fixture.ts';

test('a transition with a screen is a form: its required field is enforced, then the issue moves on', async ({
  page,
  personas,
  signIn,
  writable,
}, testInfo) => {
  const tracker = writable.ctx.tracker;
  const admin = personas.admin.accountId;
  // An open incident without "Incident Start", which the Resolve transition's validator requires.
  const issue = tracker.issues.find(
    (i) =>
      i.project === 'OPS' &&
      i.issueType === '10002' &&
      ['1', '3'].includes(i.status) &&
      i.customFields.customfield_10029 === undefined &&
      tracker.transitions(admin, i.key).some((t) => t.name === 'Resolve' && t.hasScreen),
  )!;
  expect(issue, 'the snapshot has an open incident without an incident start').toBeDefined();
  const resolve = tracker.transitions(admin, issue.key).find((t) => t.name === 'Resolve')!;

  await signIn(personas.admin);
  await page.goto(`/browse/${issue.key}`);
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Resolve');
  const start = page.getByLabel('Incident Start');
  await expect(start).toHaveAttribute('aria-required', 'true');

  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(start).toHaveAttribute('aria-invalid', 'true');
  await expect(start).toHaveAccessibleDescription(/Record when impact began\./);

  await start.fill('2026-11-01T08:30');
  await page.getByLabel('Comment').fill('Impact ended after the failover.');
  await page.getByRole('button', { name: 'Resolve', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/browse/${issue.key}$`));
  await expect(page.getByRole('region', { name: 'Details' })).toContainText(resolve.to.name);
  await expect(page.getByRole('region', { name: 'History' })).toContainText(resolve.to.name);
  await expect(page.getByRole('article', { name: /Comment by/ }).last()).toContainText('Impact ended after the failover.');
  expect(tracker.getIssue(admin, issue.key).status).toBe(resolve.to.id);
  expect(tracker.getIssue(admin, issue.key).customFields.customfield_10029).toBe('2026-11-01T08:30:00.000Z');
  await keepScreenshot(page, testInfo, 'issue-view');
});
