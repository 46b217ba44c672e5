import { expect, test } from './sandbox-fixture.ts';

test('a board reports the statuses no column maps, with their issues', async ({ page, personas, signIn, writable }) => {
  const tracker = writable.ctx.tracker;
  // Drop the board's last column in this test's copy: its statuses become unmapped.
  await writable.ctx.write(() =>
    tracker.updateConfig((config) => {
      const board = config.boards.find((b) => b.id === '1')!;
      board.columns = board.columns.slice(0, -1);
    }),
  );
  const view = tracker.board(personas.admin.accountId, '1');
  expect(view.unmapped.length).toBeGreaterThan(0);
  await signIn(personas.admin);
  await page.goto('/secure/RapidBoard.jspa?rapidView=1');
  const report = page.getByRole('status');
  await expect(report.getByRole('heading')).toHaveText('Issues in statuses no column maps');
  for (const u of view.unmapped) await expect(report.getByRole('listitem').filter({ hasText: u.statusName })).toContainText(`(${u.issues.length})`);
});
