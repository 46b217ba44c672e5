import { expect, test } from './sandbox-fixture.ts';

test('a workflow without stored positions is drawn with a computed layered layout', async ({ page, personas, signIn, writable }) => {
  const tracker = writable.ctx.tracker;
  const wf = tracker.config.workflows.find((w) => w.name === 'Acme Security Workflow')!;
  await writable.ctx.write(() =>
    tracker.updateConfig(() => {
      for (const s of wf.statuses) delete s.layout;
    }),
  );
  await signIn(personas.admin);
  await page.goto(`/secure/admin/workflows/ViewWorkflowSteps.jspa?workflowName=${encodeURIComponent(wf.name)}`);
  await expect(page.getByText('layout computed')).toBeVisible();
  const boxes = page.getByRole('img', { name: `Workflow diagram: ${wf.name}` }).locator('g.status');
  await expect(boxes.locator('text')).toHaveText(wf.statuses.map((s) => tracker.status(s.status)!.name));
  // Layers: the initial status sits left of every status it leads to.
  const initial = wf.transitions.find((t) => t.type === 'initial')!.to;
  const xOf = async (statusId: string) =>
    Number(
      await boxes
        .nth(wf.statuses.findIndex((s) => s.status === statusId))
        .locator('rect')
        .getAttribute('x'),
    );
  const next = wf.transitions.filter((t) => t.type === 'directed' && t.from.includes(initial)).map((t) => t.to);
  for (const s of next) expect(await xOf(s)).toBeGreaterThan(await xOf(initial));
});
