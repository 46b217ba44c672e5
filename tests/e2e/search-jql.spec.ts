import { expect, test } from './sandbox-fixture.ts';

test('the navigator runs JQL, sorts by a column header and pages through the results', async ({ page, personas, signIn, sandbox }) => {
  const tracker = sandbox.ctx.tracker;
  const jql = 'project = WEB AND issuetype = Bug ORDER BY key ASC';
  const expected = tracker.search(personas.admin.accountId, jql, { maxResults: 50 });
  expect(expected.total).toBeGreaterThan(50);
  await signIn(personas.admin);

  await page.goto('/issues/');
  await page.getByLabel('JQL query').fill(jql);
  await page.getByRole('button', { name: 'Search' }).click();
  const results = page.getByRole('table');
  await expect(results.getByRole('caption')).toHaveText(`1–50 of ${expected.total} issues`);
  await expect(results.getByRole('rowheader')).toHaveText(expected.issues.map((i) => i.key));

  await results.getByRole('link', { name: 'Created' }).click();
  await expect(page.getByLabel('JQL query')).toHaveValue('project = WEB AND issuetype = Bug ORDER BY created ASC');
  await expect(results.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
  const byCreated = tracker.search(personas.admin.accountId, 'project = WEB AND issuetype = Bug ORDER BY created ASC', { maxResults: 50 });
  await expect(results.getByRole('rowheader').first()).toHaveText(byCreated.issues[0]!.key);

  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
  const second = tracker.search(personas.admin.accountId, 'project = WEB AND issuetype = Bug ORDER BY created ASC', { startAt: 50, maxResults: 50 });
  await expect(results.getByRole('caption')).toHaveText(`51–${50 + second.issues.length} of ${second.total} issues`);
  await expect(results.getByRole('rowheader')).toHaveText(second.issues.map((i) => i.key));
});
