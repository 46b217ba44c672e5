import { expect, test } from './sandbox-fixture.ts';

test('a saved filter opens in the navigator with its own results', async ({ page, personas, signIn, sandbox }) => {
  const tracker = sandbox.ctx.tracker;
  const filter = tracker.config.filters.find((f) => f.name === 'Open web bugs')!;
  const expected = tracker.search(personas.admin.accountId, filter.jql, { maxResults: 50 });
  expect(expected.total).toBeGreaterThan(0);
  await signIn(personas.admin);

  await page.goto('/issues/');
  await page.getByRole('navigation', { name: 'Saved filters' }).getByRole('link', { name: filter.name, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`filter=${filter.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(filter.name);
  await expect(page.getByLabel('JQL query')).toHaveValue(filter.jql);
  await expect(page.getByRole('table').getByRole('caption')).toHaveText(`1–${expected.issues.length} of ${expected.total} issues`);
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(expected.issues.map((i) => i.key));
});
