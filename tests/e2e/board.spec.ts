import { expect, keepScreenshot, test } from './sandbox-fixture.ts';

test('a board shows its columns with the issues whose status each maps', async ({ page, personas, signIn, sandbox }, testInfo) => {
  const board = sandbox.ctx.tracker.board(personas.admin.accountId, '1');
  await signIn(personas.admin);
  await page.goto('/secure/ManageRapidViews.jspa');
  await page.getByRole('link', { name: board.board.name, exact: true }).click();
  await expect(page).toHaveURL(/RapidBoard\.jspa\?rapidView=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(board.board.name);
  for (const column of board.columns) {
    const region = page.getByRole('region', { name: new RegExp(`^${column.name} ${column.issues.length}`) });
    await expect(region).toBeVisible();
    await expect(region.getByRole('article')).toHaveCount(column.issues.length);
  }
  const unmapped = page.getByRole('status');
  if (board.unmapped.length) await expect(unmapped).toContainText(board.unmapped[0]!.statusName);
  else await expect(unmapped).toHaveCount(0);
  await keepScreenshot(page, testInfo, 'board');
});
