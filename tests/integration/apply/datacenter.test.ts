/**
 * Data Center (a sandbox with --mimic datacenter playing production): the plan marks what DC's
 * REST API cannot write as manual; a change that mixes automatic steps (saved filters, issue
 * values) and a confirmed manual one (removing a select option: DC has no REST write for options)
 * is applied — the operator makes the manual change, apply reads it back — and backed out by
 * migrate:down --url the same way, with the issue values put back issue by issue.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalise, normalHash, runProductionDown } from '../../../server/apply/index.ts';
import type { Operator } from '../../../server/apply/run/executor.ts';
import type { Step } from '../../../server/apply/plan/types.ts';
import { editProduction, makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';
import { migrationsFolder } from '../../helpers/migrate-fixture.ts';
import { startSandbox, type Harness } from '../http/harness.ts';

const folder = migrationsFolder();
copyFileSync('migrations/20261103-090000-retire-ie11-option.ts', join(folder.dir, '20261103-090000-retire-ie11-option.ts'));

let prod: Harness;
let ws: ApplyWorkspace;
let start: string;
const browser = () => prod.ctx.tracker.config.fields.find((f) => f.name === 'Browser')!.contexts[0]!;
const ie11 = () => {
  const id = browser().options!.find((o) => o.value === 'Internet Explorer 11')?.id;
  return id === undefined ? 0 : prod.ctx.tracker.issues.filter((i) => i.customFields.customfield_10013 === id).length;
};

/** The operator at the terminal: makes the change in Jira's administration (here: in the sandbox's state) and types 'done'. */
const operator = (seen: Step[]): Operator => ({
  confirm: async (step) => {
    seen.push(step);
    editProduction(prod, () => {
      const ctx = browser();
      if (step.title.startsWith('undo')) ctx.options!.splice(4, 0, { id: '19999', value: 'Internet Explorer 11' });
      else ctx.options = ctx.options!.filter((o) => o.value !== 'Internet Explorer 11');
    });
    return 'done';
  },
});

beforeAll(async () => {
  prod = await startSandbox('fixtures/acme', { deploymentType: 'DataCenter' });
  ws = await makeApplyWorkspace({ prod, deploymentType: 'DataCenter', migrations: folder.dir });
  start = normalHash(normalise(prod.ctx.tracker.config).normal);
});
afterAll(async () => {
  await ws.cleanup();
  await prod.close();
  folder.remove();
});

describe('Data Center: automatic and confirmed manual steps', () => {
  it('applies: the filters and the 31 issues through REST, the option removal by the operator, read back', async () => {
    expect(ie11()).toBe(31);
    const seen: Step[] = [];
    const r = await ws.apply(['--yes'], { operator: operator(seen), terminal: { interactive: true, ask: async () => 'yes' } });
    expect(r.out).toMatch(/production plan for Jira Data Center/);
    expect(r.out).toMatch(/\[migrate\] automatic, with a per-issue record: set 'Browser' to 'Microsoft Edge' on every issue of WEB/);
    expect(r.out).toMatch(
      /\[contract\] MANUAL: change the field 'Browser' by hand[\s\S]*why: Jira Data Center has no REST API for custom field options/,
    );
    expect(seen.map((s) => s.class)).toEqual(['manual']);
    expect(r.out).toMatch(/✔ applied to .* every step read back as planned/);
    expect(r.code).toBe(0);
    expect(ie11()).toBe(0);
  }, 180_000);

  it('backs out with migrate:down --url: the operator puts the option back, apply the values, proven', async () => {
    const seen: Step[] = [];
    const r = await ws.run(runProductionDown, ['--url', prod.url], {
      operator: operator(seen),
      terminal: { interactive: true, ask: async () => 'done' },
    });
    expect(seen.map((s) => s.title)).toEqual([expect.stringMatching(/^undo: change the field 'Browser' by hand/)]);
    expect(r.out).toMatch(/issue values: 31 of 31 as recorded, checked issue by issue|✔ backed out to/);
    expect(r.code).toBe(0);
    expect(ie11()).toBe(31);
    expect(normalHash(normalise(prod.ctx.tracker.config).normal)).toBe(start);
  }, 180_000);
});
