import { expect, keepScreenshot, test } from './sandbox-fixture.ts';

test('creating an issue follows the create screen: a missing required field is named beside it, then the issue is created', async ({
  page,
  personas,
  signIn,
  writable,
}, testInfo) => {
  const tracker = writable.ctx.tracker;
  const meta = tracker.createMeta(personas.admin.accountId, 'OPS', '10005');
  const risk = meta.find((m) => m.name === 'Change Risk')!;
  const defaultRisk = risk.allowedValues!.find((o) => o.id === risk.defaultValue)!;
  await signIn(personas.admin);

  await page.getByRole('link', { name: 'Create' }).click();
  await page.getByLabel('Project').selectOption({ label: 'Platform Operations (OPS)' });
  await page.getByLabel('Issue type').selectOption({ label: 'Change' });
  await page.getByRole('button', { name: 'Next' }).click();

  // The screen's fields in the screen's order, required ones marked, defaults preselected.
  const labels = await page.locator('form.issue-form').locator('label[for], legend').allInnerTexts();
  expect(labels.map((l) => l.replace(/\*.*$/s, '').trim())).toEqual(meta.map((m) => m.name));
  await expect(page.getByLabel('Rollback Plan')).toHaveAttribute('aria-required', 'true');
  await expect(page.getByRole('group', { name: /Change Risk/ }).getByLabel(defaultRisk.name)).toBeChecked();
  await expect(page.getByLabel('Reporter')).toHaveValue(personas.admin.accountId);

  await page.getByLabel('Summary').fill('Rotate the TLS certificates of the edge proxies');
  await page.getByRole('button', { name: 'Create' }).click();
  const plan = page.getByLabel('Rollback Plan');
  await expect(plan).toHaveAttribute('aria-invalid', 'true');
  await expect(plan).toHaveAccessibleDescription('Rollback Plan is required.');
  await expect(page.getByLabel('Summary')).toHaveValue('Rotate the TLS certificates of the edge proxies');
  await keepScreenshot(page, testInfo, 'create-form', true);

  await plan.fill('Restore the previous certificates from the vault.');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page).toHaveURL(/\/browse\/OPS-\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rotate the TLS certificates of the edge proxies');
  const key = page.url().split('/browse/')[1]!;
  const created = tracker.getIssue(personas.admin.accountId, key);
  expect(created.customFields.customfield_10032).toBe(defaultRisk.id);
  expect(created.reporter).toBe(personas.admin.accountId);
});
