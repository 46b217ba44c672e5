import { expect, test } from './sandbox-fixture.ts';

test('a summary of <script>alert(1)</script> is text on every page that shows it, and never runs', async ({ page, personas, signIn, sandbox }) => {
  const summary = '<script>alert(1)</script>';
  const issue = sandbox.ctx.tracker.issues.find((i) => i.summary === summary)!;
  expect(issue).toBeDefined();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await signIn(personas.admin);

  await page.goto(`/browse/${issue.key}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(summary);
  await expect(page).toHaveTitle(`[${issue.key}] ${summary} · ${sandbox.ctx.tracker.config.tracker.title}`);

  await page.goto(`/issues/?jql=${encodeURIComponent(`key = ${issue.key}`)}`);
  await expect(page.getByRole('table').getByRole('link', { name: summary })).toBeVisible();

  // The JQL itself carries markup into the textarea and the error message.
  await page.goto(`/issues/?jql=${encodeURIComponent(`summary ~ "</textarea><script>alert(2)</script>`)}`);
  await expect(page.getByLabel('JQL query')).toHaveValue(`summary ~ "</textarea><script>alert(2)</script>`);

  const board = sandbox.ctx.tracker.config.boards.find((b) => b.project === issue.project)!;
  await page.goto(`/secure/RapidBoard.jspa?rapidView=${board.id}`);
  await expect(page.getByRole('article', { name: issue.key })).toContainText(summary);

  expect(await page.locator('script').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
