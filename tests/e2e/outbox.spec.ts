import { expect, test } from './sandbox-fixture.ts';

test('a comment made in the UI shows up in the notification outbox, filterable by event and recipient', async ({
  page,
  personas,
  signIn,
  writable,
}) => {
  const tracker = writable.ctx.tracker;
  const me = personas.developer.accountId;
  const issue = tracker.issues.find((i) => i.project === 'WEB' && tracker.can(me, 'ADD_COMMENTS', 'WEB', i))!;
  await signIn(personas.developer);
  await page.goto(`/browse/${issue.key}`);
  await page.getByLabel('Add a comment').fill('Seen on the staging shop as well.');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(page.getByRole('article', { name: `Comment by ${personas.developer.displayName}` }).last()).toContainText(
    'Seen on the staging shop as well.',
  );

  const sent = tracker.outbox.filter((e) => e.event === 'commented' && e.issueKey === issue.key);
  expect(sent.length).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Outbox' }).click();
  await page.getByLabel('Event').selectOption('commented');
  await page.getByRole('button', { name: 'Filter' }).click();
  const rows = page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: issue.key }) });
  await expect(rows).toHaveCount(sent.length);

  const recipient = sent[0]!;
  await page.getByLabel('Recipient').selectOption(recipient.recipient);
  await page.getByRole('button', { name: 'Filter' }).click();
  // The page lists what the viewer may see (issues they may browse, no restricted comment's notifications).
  await expect(page.getByRole('table').getByRole('rowheader')).toHaveText(
    tracker
      .outboxFor(me)
      .filter((e) => e.event === 'commented' && e.recipient === recipient.recipient)
      .map((e) => e.issueKey)
      .reverse(),
  );
});
