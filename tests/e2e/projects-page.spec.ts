import { expect, test } from './sandbox-fixture.ts';

test('the start page lists every project of the snapshot by key and name', async ({ page, sandbox }) => {
  await page.goto(sandbox.url);
  await expect(page.getByRole('heading', { name: 'Projects' })).toBeVisible();
  const table = page.getByRole('table');
  for (const project of sandbox.config.projects) {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: project.key, exact: true }) });
    await expect(row).toContainText(project.name);
  }
  await expect(table.getByRole('row')).toHaveCount(sandbox.config.projects.length + 1);
});

test('the control API reports health and the canonical hash', async ({ request, sandbox }) => {
  const health = await request.get(`${sandbox.url}/_understudy/health`);
  expect(await health.json()).toEqual({ status: 'ok' });
  const hash = await (await request.get(`${sandbox.url}/_understudy/hash`)).json();
  expect(hash.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
});
