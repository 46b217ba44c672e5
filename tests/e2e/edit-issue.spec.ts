import { expect, test } from './sandbox-fixture.ts';

test('editing an issue: emptying a required field is refused beside it; a change is saved and recorded in the history', async ({
  page,
  personas,
  signIn,
  writable,
}) => {
  const tracker = writable.ctx.tracker;
  const me = personas.admin.accountId;
  const issue = tracker.issues.find((i) => i.project === 'WEB' && tracker.editMeta(me, i.key).some((m) => m.fieldId === 'summary'))!;
  await signIn(personas.admin);
  await page.goto(`/browse/${issue.key}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const summary = page.getByLabel('Summary');
  await expect(summary).toHaveValue(issue.summary);

  await summary.fill('');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toHaveAccessibleDescription('You must specify a summary of the issue.');

  await summary.fill('Checkout total ignores the voucher');
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout total ignores the voucher');
  const change = page.getByRole('region', { name: 'History' }).getByRole('row').filter({ hasText: 'Checkout total ignores the voucher' });
  await expect(change.getByRole('rowheader')).toHaveText('summary');
  expect(tracker.getIssue(me, issue.key).summary).toBe('Checkout total ignores the voucher');
  // Untouched fields are not sent back: the change records the summary alone.
  expect(
    tracker
      .getIssue(me, issue.key)
      .history.at(-1)!
      .items.map((i) => i.fieldId),
  ).toEqual(['summary']);
});
