import { expect, test } from './sandbox-fixture.ts';

test('signing in as a persona shows them in the header and their projects; signing out forgets them', async ({ page, personas, signIn, sandbox }) => {
  await page.goto('/projects');
  await expect(page.getByRole('banner')).toContainText('Not signed in');
  await expect(page.getByRole('table')).toHaveCount(1);
  await expect(page.getByRole('rowheader')).toHaveCount(0);

  await signIn(personas.developer);
  await expect(page).toHaveURL(/\/$/);
  const visible = sandbox.ctx.tracker.config.projects.filter((p) => sandbox.ctx.tracker.can(personas.developer.accountId, 'BROWSE_PROJECTS', p.key));
  expect(visible.length).toBeGreaterThan(0);
  for (const p of visible) await expect(page.getByRole('rowheader', { name: p.key, exact: true })).toBeVisible();
  await expect(page.getByRole('rowheader')).toHaveCount(visible.length);
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Not signed in');
});
