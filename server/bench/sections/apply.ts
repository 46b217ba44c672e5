/**
 * Bench section "apply": the bundled change set (migrations/ against fixtures/acme, 3,000 issues)
 * carried to a production played by a sandbox on loopback (Cloud), as `npm run apply` does it —
 * read production, plan, then every step journaled, written, read back — timed per step and in
 * total, as a ratio to the same migrations applied by the engine in memory (what `migrate:up`
 * does before it saves). Not sized by --sizes: production is the bundled snapshot.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../apply/index.ts';
import { readView } from '../../apply/index.ts';
import { planProduction } from '../../apply/index.ts';
import { carryOut } from '../../apply/index.ts';
import { JournalStore, type Journal } from '../../apply/index.ts';
import { createSandboxApp, createSandboxContext } from '../../http/index.ts';
import { listen } from '../../http/index.ts';
import { applyMigration } from '../../migrate/index.ts';
import { loadMigrations } from '../../migrate/index.ts';
import { readSnapshot } from '../../store/index.ts';
import { timed, type BenchSection } from '../types.ts';

const NOW = '2026-11-01T09:00:00.000Z';

export const applySection: BenchSection = {
  name: 'apply',
  run: async (ctx) => {
    const section = 'apply';
    const snap = await readSnapshot('fixtures/acme');
    const migrations = await loadMigrations('migrations');
    const size = snap.issues.length;
    // The peer: the same migrations applied in memory by the engine, each timed.
    const memory = structuredClone({ config: snap.config!, issues: snap.issues });
    const inMemory = new Map<string, number>();
    for (const m of migrations) {
      const t = await timed(() => applyMigration(memory, m.migration, { migrationId: m.id, now: NOW, actor: null, proveDown: false }));
      inMemory.set(m.id, t.seconds);
    }
    const peer = [...inMemory.values()].reduce((a, b) => a + b, 0);
    ctx.row({
      section,
      size,
      step: 'peer: migrate:up of the bundled set in memory',
      seconds: peer,
      ratio: 1,
      note: `${migrations.length} migrations`,
    });

    const sandboxCtx = createSandboxContext({
      state: structuredClone({ config: snap.config!, issues: snap.issues }),
      outbox: [],
      now: NOW,
      deploymentType: 'Cloud',
    });
    const server = await listen(await createSandboxApp({ ctx: sandboxCtx, ui: null }));
    const dir = await mkdtemp(join(tmpdir(), 'understudy-bench-apply-'));
    try {
      const admin = sandboxCtx.personas().find((p) => p.admin)!;
      const prod = await connect(server.url, { env: { JIRA_EMAIL: admin.email, JIRA_API_TOKEN: admin.token }, timeoutMs: 30_000 });
      const planned = await timed(async () => {
        const view = await readView(prod.reader, prod.url);
        return planProduction({
          base: view.config,
          issues: snap.issues,
          migrations,
          deploymentType: 'Cloud',
          now: NOW,
          boardColumns: prod.boardColumns,
        });
      });
      ctx.row({
        section,
        size,
        step: 'apply: read production and plan',
        seconds: planned.seconds,
        ratio: planned.seconds / peer,
        note: `${planned.value.plan.migrations.reduce((n, m) => n + m.steps.length, 0)} steps`,
      });
      const store = new JournalStore(dir);
      const pf = { formatVersion: 1 as const, runId: 'bench', mode: 'apply' as const, plan: planned.value.plan, states: planned.value.states };
      await store.writePlan(pf);
      const journal: Journal = {
        formatVersion: 1,
        runId: 'bench',
        mode: 'apply',
        url: prod.url,
        deploymentType: 'Cloud',
        by: { user: 'bench', account: prod.account },
        startedAt: new Date().toISOString(),
        updatedAt: '',
        state: 'applying',
        backout: true,
        steps: {},
        back: {},
        events: [],
      };
      const quiet = { out: () => undefined, err: () => undefined };
      const run = await timed(() =>
        carryOut({ prod, store, journal, io: quiet, hooks: {}, stop: { requested: false }, started: performance.now(), wrote: false }, pf, {
          applied: async () => undefined,
          reverted: async () => undefined,
        }),
      );
      for (const m of pf.plan.migrations) {
        for (const s of m.steps) {
          const r = journal.steps[s.id];
          ctx.row({
            section,
            size,
            step: `  ${s.id}`,
            seconds: r?.ms !== undefined ? r.ms / 1000 : undefined,
            note: `${s.class}: ${s.title}`.slice(0, 90),
          });
        }
        const ms = m.steps.reduce((n, s) => n + (journal.steps[s.id]?.ms ?? 0), 0) / 1000;
        const mem = inMemory.get(m.id) ?? 0;
        ctx.row({
          section,
          size,
          step: `apply: ${m.id}`,
          seconds: ms,
          ...(mem > 0 ? { ratio: ms / mem } : {}),
          note: `in memory ${(mem * 1000).toFixed(0)} ms`,
        });
      }
      ctx.row({
        section,
        size,
        step: 'apply: every step, journaled and read back',
        seconds: run.seconds,
        ratio: run.seconds / peer,
        note:
          run.value.state === 'applied'
            ? 'applied, read back as the rehearsed state ✓'
            : `NOT APPLIED: ${run.value.failure?.message ?? run.value.state}`,
      });
      ctx.row({
        section,
        size,
        step: 'apply: in total (read, plan, steps)',
        seconds: planned.seconds + run.seconds,
        ratio: (planned.seconds + run.seconds) / peer,
      });
    } finally {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
