import { expect, test } from './sandbox-fixture.ts';

test('admin pages answer 403 to a persona without the Administer permission', async ({ page, personas, signIn }) => {
  await signIn(personas.developer);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  for (const path of ['/secure/admin', '/secure/admin/workflows/ListWorkflows.jspa', '/secure/admin/ViewPermissionSchemes.jspa']) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access denied');
  }
});
