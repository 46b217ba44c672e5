import { expect, test } from './sandbox-fixture.ts';

test("a page requested with the API's Basic or Bearer credentials is served as that persona", async ({ page, personas }) => {
  const p = personas.developer;
  const basic = `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
  for (const authorization of [`Bearer ${p.token}`, basic]) {
    await page.setExtraHTTPHeaders({ authorization });
    await page.goto('/projects');
    await expect(page.getByTestId('current-persona')).toHaveText(p.displayName);
  }
});
