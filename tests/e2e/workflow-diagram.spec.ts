import { expect, keepScreenshot, test } from './sandbox-fixture.ts';

test('an admin sees each workflow drawn as SVG: its statuses, and its global and conditional transitions marked', async ({
  page,
  personas,
  signIn,
  sandbox,
}, testInfo) => {
  const config = sandbox.ctx.tracker.config;
  const wf = config.workflows.find((w) => w.name === 'Acme Bug Workflow')!;
  await signIn(personas.admin);
  await page.getByRole('link', { name: 'Administration' }).click();
  await page.getByRole('link', { name: 'Workflows' }).click();
  await page.getByRole('link', { name: wf.name, exact: true }).click();

  const diagram = page.getByRole('img', { name: `Workflow diagram: ${wf.name}` });
  await expect(diagram).toBeVisible();
  const statusNames = wf.statuses.map((s) => config.statuses.find((x) => x.id === s.status)!.name);
  await expect(diagram.locator('g.status text')).toHaveText(statusNames);
  const global = wf.transitions.filter((t) => t.type === 'global').map((t) => t.name);
  expect(global.length).toBeGreaterThan(0);
  await expect(diagram.locator('g.edge.global text')).toHaveText(global);
  const conditionalEdges = wf.transitions
    .filter((t) => t.type === 'directed' && t.rules.conditions?.conditions.length)
    .flatMap((t) => t.from.map(() => t.name));
  await expect(diagram.locator('g.edge.directed.conditional text')).toHaveText(conditionalEdges);
  await expect(page.getByRole('table', { name: `Transitions of ${wf.name}` }).getByRole('rowheader')).toHaveText(wf.transitions.map((t) => t.name));
  await keepScreenshot(page.getByRole('figure'), testInfo, 'workflow-diagram');
});
