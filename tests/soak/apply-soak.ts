/**
 * `npm run test:soak:apply`: the whole fault matrix and the kill test of `npm run apply`, against a
 * sandbox playing production (fixtures/acme, Cloud) run in this process.
 * - Faults: a clean run counts the writes; then every fault (500 persisting through the retries,
 *   429 storm, hang past --timeout, reset) at every write in turn: apply must exit 1 and production
 *   must be exactly the configuration (normalised) and issue values it was.
 * - Kills: apply is started as its own process and killed with SIGKILL at seeded random moments,
 *   then `--resume` finishes what the journal says: production must then be exactly before or
 *   exactly after (normalised configuration; the issue values the change sets, issue by issue).
 * Flags: --kills N (default 20), --seed N (default UNDERSTUDY_SEED, else the clock; printed), --to ID (a prefix of the bundled change set), --without ID,…
 * (the bundled set without those migrations), --no-faults, --no-kills.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { parseFlags, runCommand } from '../../server/cli/run.ts';
import { seedFrom } from '../helpers/seed.ts';
import { CheckFailed } from '../../server/common/errors.ts';
import { normalHash, runApplyCommand, runProductionDown } from '../../server/apply/index.ts';
import { readView } from '../../server/apply/production/read.ts';
import { HttpTransport } from '../../server/clone/transport.ts';
import { createRng } from '../../server/fixtures/prng.ts';
import { makeApplyWorkspace, type ApplyWorkspace } from '../helpers/apply-workspace.ts';
import { FAULTS, startFaultProxy } from '../helpers/fault-proxy.ts';
import { migrationsFolder } from '../helpers/migrate-fixture.ts';

const USAGE = 'npm run test:soak:apply -- [--kills N] [--seed N] [--to ID] [--without ID,…] [--no-faults] [--no-kills]';
const RETRIES = 2;

const stateOf = async (ws: ApplyWorkspace): Promise<string> => {
  const reader = new HttpTransport({
    baseUrl: ws.prod.url,
    credentials: { kind: 'basic', email: ws.env.JIRA_EMAIL!, token: ws.env.JIRA_API_TOKEN! },
  });
  const view = await readView(reader, ws.prod.url);
  // Issue values the bundled change sets: resolution, Browser, Office Location (by key, normalised by name).
  const ix = { config: ws.prod.ctx.tracker.config, issues: ws.prod.ctx.tracker.issues };
  const names = new Map(ix.config.resolutions.map((r) => [r.id, r.name]));
  const options = new Map(ix.config.fields.flatMap((f) => f.contexts.flatMap((c) => (c.options ?? []).map((o) => [o.id, o.value] as const))));
  const values = ix.issues
    .map(
      (i) =>
        `${i.key}:${names.get(i.resolution ?? '') ?? ''}:${options.get(String(i.customFields.customfield_10013 ?? '')) ?? ''}:${options.get(String(i.customFields.customfield_10045 ?? '')) ?? ''}`,
    )
    .join('\n');
  return `${normalHash(view.normal)}|${values.length}:${createHash('sha256').update(values).digest('hex')}`;
};

runCommand(async (argv, io) => {
  const { values: v } = parseFlags(
    argv,
    {
      kills: { type: 'string', default: '20' },
      seed: { type: 'string', default: String(seedFrom(Date.now() % 1_000_000)) },
      to: { type: 'string' },
      'no-faults': { type: 'boolean', default: false },
      'no-kills': { type: 'boolean', default: false },
      without: { type: 'string' },
    } as const,
    USAGE,
  );
  const without = (v.without ?? '').split(',').filter(Boolean);
  const folder = without.length ? migrationsFolder() : undefined;
  for (const f of folder ? readdirSync('migrations').filter((n) => /^\d/.test(n) && !without.some((w) => n.startsWith(w))) : [])
    copyFileSync(join('migrations', f), join(folder!.dir, f));
  const ws = await makeApplyWorkspace(folder ? { migrations: folder.dir } : {});
  // One ledger for the site whether reached directly or through the fault proxy.
  const to = [...(v.to ? ['--to', v.to] : []), '--ledger', 'soak-ledger'];
  const violations: string[] = [];
  try {
    const before = await stateOf(ws);
    const t0 = performance.now();
    const clean = await ws.apply(['--yes', ...to]);
    const cleanMs = performance.now() - t0;
    if (clean.code !== 0) throw new CheckFailed('the clean run of apply failed: the soak needs it to pass first', clean.lines.slice(-15));
    const after = await stateOf(ws);
    const applied = (clean.out.match(/production ledger: (\d+) migration/) ?? [])[1] ?? '6';
    const down = async () => {
      const r = await ws.run(runProductionDown, ['--url', ws.prod.url, '--steps', applied, '--ledger', 'soak-ledger']);
      if (r.code !== 0 || (await stateOf(ws)) !== before)
        throw new CheckFailed('migrate:down --url did not bring production back; the soak cannot go on', r.lines.slice(-15));
    };
    await down();
    io.out(`clean run: ${(cleanMs / 1000).toFixed(1)} s; down again: ok`);

    if (!v['no-faults']) {
      const proxy = await startFaultProxy(ws.prod.url, RETRIES);
      try {
        proxy.arm('500', 1_000_000);
        const counted = await ws.run(runApplyCommand, ['--url', proxy.url, '--report', 'report', '--yes', ...to]);
        const writes = proxy.writes();
        proxy.disarm();
        if (counted.code !== 0) throw new CheckFailed('the clean run through the proxy failed', counted.lines.slice(-10));
        await down();
        io.out(`fault matrix: ${FAULTS.length} faults × ${writes} writes`);
        for (const fault of FAULTS) {
          for (let n = 1; n <= writes; n++) {
            proxy.arm(fault, n);
            const r = await ws.run(runApplyCommand, ['--url', proxy.url, '--report', 'report', '--yes', '--timeout', '0.5', ...to], {
              transport: { baseDelayMs: 1, maxDelayMs: 2, retries: RETRIES },
            });
            proxy.disarm();
            const now = await stateOf(ws);
            const ok = r.code === 1 && now === before && proxy.injected() > 0;
            io.out(`  ${ok ? '✔' : '✘'} ${fault} at write ${n}: exit ${r.code}, production ${now === before ? 'as before' : 'CHANGED'}`);
            if (!ok) {
              violations.push(
                `${fault} at write ${n}: exit ${r.code}; ${r.lines
                  .filter((l) => /✘|understudy:/.test(l))
                  .slice(0, 3)
                  .join(' / ')}`,
              );
              if (now !== before) await down();
            }
          }
        }
      } finally {
        await proxy.close();
      }
    }

    if (!v['no-kills']) {
      const rng = createRng(Number(v.seed), 'apply-kills');
      const kills = Number(v.kills);
      io.out(`kills: ${kills} (seed ${v.seed}), each at a random moment of a ${(cleanMs / 1000).toFixed(1)} s run`);
      for (let k = 1; k <= kills; k++) {
        const child = spawn(
          process.execPath,
          ['--import', import.meta.resolve('tsx'), resolve('scripts/apply.ts'), '--url', ws.prod.url, '--report', 'report', '--yes', ...to],
          { cwd: ws.dir, env: { ...process.env, ...ws.env }, stdio: ['ignore', 'ignore', 'pipe'] },
        );
        let stderr = '';
        child.stderr!.on('data', (c: Buffer) => {
          stderr += c.toString();
        });
        const delay = Math.round(rng.next() * cleanMs * 1.3);
        const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        const code = await exited;
        clearTimeout(timer);
        const resumed = await ws.run(runApplyCommand, ['--url', ws.prod.url, '--report', 'report', '--resume', '--ledger', 'soak-ledger']);
        const now = await stateOf(ws);
        const where = now === before ? 'before' : now === after ? 'after' : 'BETWEEN';
        if (code !== null && code !== 0) io.out(`    (apply ended by itself before the kill: ${stderr.trim().split('\n')[0] ?? ''})`);
        io.out(
          `  ${where === 'BETWEEN' ? '✘' : '✔'} kill ${k} at ${delay} ms (${code === null ? 'killed' : `exited ${code}`}), --resume exit ${resumed.code}: production exactly ${where}`,
        );
        if (where === 'BETWEEN')
          violations.push(`kill ${k} at ${delay} ms: production is neither before nor after; ${resumed.lines.slice(-5).join(' / ')}`);
        if (where === 'after') await down();
      }
    }
    if (violations.length)
      throw new CheckFailed(`${violations.length} run(s) did not end exactly before or exactly after (seed ${v.seed})`, violations);
    io.out('✔ every run ended exactly before or exactly after');
    return 0;
  } finally {
    await ws.cleanup().catch(() => undefined);
    folder?.remove();
  }
});
