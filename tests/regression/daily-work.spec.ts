/** Example: what people look at every morning keeps showing the same issues. */
import { expect, test } from './fixtures.ts';

test('the triage queue shows untriaged bugs to the triage group', async ({ sandbox, observe }) => {
  const res = await sandbox.api('group:triage', 'POST', '/rest/api/3/search/jql', {
    jql: 'project = WEB AND issuetype = Bug AND status = Open ORDER BY created ASC',
    fields: ['key'],
    maxResults: 100,
  });
  expect(res.status).toBe(200);
  observe(
    'open WEB bugs',
    res.body.issues.map((i: { key: string }) => i.key),
  );
});

test('an admin sees the workflows page with a diagram', async ({ as }) => {
  const page = await as('admin');
  await page.goto('/secure/admin/workflows/ListWorkflows.jspa');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
