/**
 * Faults, a sample of the matrix (the whole of it: `npm run test:soak:apply`): a loopback proxy in
 * front of a sandbox playing production answers one write with a 500 that persists through the
 * retries, a 429 storm, no answer past the timeout, or a reset connection; apply exits 1, backs
 * out what it did, and production's canonical hash is exactly the one before. And production
 * changed behind apply's back between two steps: it stops, backs out, and says what changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editProduction, makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';
import { startFaultProxy, type Fault, type FaultProxy } from '../../helpers/fault-proxy.ts';

const M1 = '20261101-090000-add-needs-triage';
const RETRIES = 2;
const hashOf = async (url: string): Promise<string> => ((await (await fetch(`${url}/_understudy/hash`)).json()) as { hash: string }).hash;

let ws: ApplyWorkspace;
let proxy: FaultProxy;
let original: string;
beforeAll(async () => {
  ws = await makeApplyWorkspace();
  proxy = await startFaultProxy(ws.prod.url, RETRIES);
  original = await hashOf(ws.prod.url);
});
afterAll(async () => {
  await proxy.close();
  await ws.cleanup();
});

const apply = () =>
  ws.run(
    (argv, io, deps) => import('../../../server/apply/index.ts').then((m) => m.runApplyCommand(argv, io, deps)),
    ['--url', proxy.url, '--report', 'report', '--yes', '--to', M1, '--timeout', '0.5'],
    { transport: { baseDelayMs: 1, maxDelayMs: 2, retries: RETRIES } },
  );

describe('apply under faults', () => {
  it.each<[Fault, number]>([
    ['500', 1],
    ['429', 2],
    ['hang', 2],
    ['reset', 1],
  ])(
    'a %s at write %i: exit 1, backed out, production exactly as before',
    async (fault, n) => {
      proxy.arm(fault, n);
      const r = await apply();
      proxy.disarm();
      expect(proxy.injected()).toBeGreaterThan(0);
      expect(r.out).toMatch(/✘ step 20261101-090000-add-needs-triage#\d failed: /);
      expect(r.out).toMatch(/✔ backed out: \d step\(s\) undone, production is as it was before/);
      expect(r.code).toBe(1);
      expect(await hashOf(ws.prod.url)).toBe(original);
    },
    120_000,
  );

  it("production changed behind apply's back between two steps: it stops, backs out, and says what changed", async () => {
    const wf = () => ws.prod.ctx.tracker.config.workflows.find((w) => w.name === 'Acme Bug Workflow')!;
    const was = wf().description;
    proxy.afterWrite(proxy.writes() + 1, () =>
      editProduction(ws.prod, () => {
        wf().description = 'edited by someone else';
      }),
    );
    const r = await apply();
    expect(r.out).toMatch(/failed: production changed behind apply's back: workflows 'Acme Bug Workflow' is not as it was when the plan was made/);
    expect(r.out).toMatch(/✔ \[1\/1\] undo: create the status 'Needs Triage'/);
    expect(r.out).toMatch(/leaving out what was changed behind apply's back: workflows\/Acme Bug Workflow/);
    expect(r.code).toBe(1);
    editProduction(ws.prod, () => {
      wf().description = was;
    });
    expect(await hashOf(ws.prod.url)).toBe(original);
  }, 120_000);
});
