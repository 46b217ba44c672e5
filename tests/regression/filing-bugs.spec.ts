/** Example: the people who file most bugs can still do it, in the browser and through REST. */
import { expect, test } from './fixtures.ts';

test('a developer files a bug in Storefront Web through the create form', async ({ as }) => {
  const page = await as('group:developers');
  await page.goto('/secure/CreateIssue?pid=WEB&issuetype=1');
  await page.getByLabel('Summary').fill('Checkout button does nothing on Safari');
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page).toHaveURL(/\/browse\/WEB-\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout button does nothing on Safari');
});

test('the error monitor files a bug through REST v2 with only summary and priority', async ({ sandbox, observe }) => {
  const res = await sandbox.api('Sentry Error Monitor', 'POST', '/rest/api/2/issue', {
    fields: { project: { key: 'WEB' }, issuetype: { name: 'Bug' }, summary: 'TypeError in cart.js:212', priority: { name: 'High' } },
  });
  observe('status of the create', res.status);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
});
