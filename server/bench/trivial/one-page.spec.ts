/** The trivial reference test: one page, one assertion. */
import { expect, test } from '@playwright/test';

test('one page', async ({ page }) => {
  await page.setContent('<h1>Hello</h1>');
  await expect(page.getByRole('heading', { name: 'Hello' })).toBeVisible();
});
