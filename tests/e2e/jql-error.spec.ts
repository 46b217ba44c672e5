import { expect, test } from './sandbox-fixture.ts';

test("bad JQL is reported in Jira's words beside the query box", async ({ page, personas, signIn, sandbox }) => {
  const jql = 'project = NOPE AND status = Open';
  const [message] = sandbox.ctx.tracker.validateJql(personas.admin.accountId, jql);
  expect(message).toBeDefined();
  await signIn(personas.admin);
  await page.goto(`/issues/?jql=${encodeURIComponent(jql)}`);
  const box = page.getByLabel('JQL query');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription(message!);
  await expect(page.getByRole('alert')).toHaveText(message!);
  await expect(page.getByRole('table')).toHaveCount(0);
});
