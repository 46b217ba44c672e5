/**
 * Interruptions and the way back, against a sandbox playing production (the triage migration):
 * Ctrl-C between steps backs out; --no-backout stops, prints the state and the command, and
 * --resume then backs out; migrate:down --url works with the migration files gone; it refuses
 * (exit 1, saying where) when production changed since apply left it.
 */
import { EventEmitter } from 'node:events';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApplyCommand, runProductionDown } from '../../../server/apply/index.ts';
import { editProduction, makeApplyWorkspace, type ApplyWorkspace } from '../../helpers/apply-workspace.ts';
import { startFaultProxy, type FaultProxy } from '../../helpers/fault-proxy.ts';

const M1 = '20261101-090000-add-needs-triage';
const hashOf = async (url: string): Promise<string> => ((await (await fetch(`${url}/_understudy/hash`)).json()) as { hash: string }).hash;

let ws: ApplyWorkspace;
let proxy: FaultProxy;
let original: string;
beforeAll(async () => {
  ws = await makeApplyWorkspace();
  proxy = await startFaultProxy(ws.prod.url, 2);
  original = await hashOf(ws.prod.url);
});
afterAll(async () => {
  await proxy.close();
  await ws.cleanup();
});

const viaProxy = (argv: string[], deps = {}) =>
  ws.run(runApplyCommand, ['--url', proxy.url, '--report', 'report', ...argv], { transport: { baseDelayMs: 1, maxDelayMs: 2, retries: 2 }, ...deps });

describe('interruptions', () => {
  it('Ctrl-C stops after the current step and backs out what was done (exit 1)', async () => {
    const signals = new EventEmitter();
    proxy.afterWrite(proxy.writes() + 1, () => signals.emit('SIGINT'));
    const r = await viaProxy(['--yes', '--to', M1], { signals });
    expect(r.out).toMatch(/Ctrl-C: stopping after the current step, then backing out what was done/);
    expect(r.out).toMatch(/✔ \[1\/2\] create the status 'Needs Triage'/);
    expect(r.out).toMatch(/✔ backed out: 1 step\(s\) undone/);
    expect(r.code).toBe(1);
    expect(await hashOf(ws.prod.url)).toBe(original);
    expect(signals.listenerCount('SIGINT')).toBe(0);
  }, 120_000);

  it('--no-backout stops with the state and the command; --resume then backs out', async () => {
    proxy.arm('500', 2);
    const r = await viaProxy(['--yes', '--to', M1, '--no-backout']);
    proxy.disarm();
    expect(r.out).toMatch(
      /--no-backout: stopped where it was[\s\S]*#1: done[\s\S]*#2: failed[\s\S]*to back it out later: npm run apply -- --url http:\/\/127\.0\.0\.1:\d+ --resume/,
    );
    expect(r.code).toBe(1);
    expect(await hashOf(ws.prod.url)).not.toBe(original);
    const again = await viaProxy(['--yes', '--to', M1]);
    expect(again.out).toMatch(/an earlier run on .* is unfinished \(stopped/);
    expect(again.code).toBe(2);
    const back = await viaProxy(['--resume']);
    expect(back.out).toMatch(/resuming run .* \(stopped/);
    expect(back.out).toMatch(/✔ backed out/);
    expect(await hashOf(ws.prod.url)).toBe(original);
  }, 120_000);

  it('migrate:down --url refuses when production changed since apply left it, and says where', async () => {
    expect((await ws.apply(['--yes', '--to', M1])).code).toBe(0);
    const s = ws.prod.ctx.tracker.config.statuses.find((x) => x.name === 'Needs Triage')!;
    editProduction(ws.prod, () => {
      s.description = 'changed by hand';
    });
    const r = await ws.run(runProductionDown, ['--url', ws.prod.url]);
    expect(r.out).toMatch(/is no longer as apply left it after 20261101-090000-add-needs-triage[\s\S]*statuses 'Needs Triage': changed/);
    expect(r.code).toBe(1);
    editProduction(ws.prod, () => {
      s.description = 'Reported, not yet looked at by the triage group.';
    });
  }, 120_000);

  it('migrate:down --url backs out from the ledger alone, with the migration files gone', async () => {
    await rm(join(ws.dir, 'migrations'));
    const r = await ws.run(runProductionDown, ['--url', ws.prod.url]);
    expect(r.out).toMatch(/✔ backed out to http/);
    expect(r.code).toBe(0);
    expect(await hashOf(ws.prod.url)).toBe(original);
  }, 120_000);
});
