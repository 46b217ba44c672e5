/**
 * Step: select the pending migrations (an unknown --to is bad input) and plan them on the snapshot
 * in memory: each operation's preconditions and the model's rules after each migration. A migration
 * that cannot be applied stops the rehearsal here, before anything else runs.
 */
import { configChanges, deepEqual, planMigrations as plan, selectPending } from '../../../migrate/index.ts';
import { type Config, formatProblem, validateState } from '../../../model/index.ts';
import { createMemoryInstance } from '../../../store/index.ts';
import { changeAreas } from '../../migration-words.ts';
import type { MigrationReport } from '../../result.ts';
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

const changedWorkflows = (before: Config, after: Config): string[] => {
  const ids = new Set([...before.workflows.map((w) => w.id), ...after.workflows.map((w) => w.id)]);
  const out: string[] = [];
  for (const id of ids) {
    const b = before.workflows.find((w) => w.id === id);
    const a = after.workflows.find((w) => w.id === id);
    if (!deepEqual(b, a)) out.push((a ?? b)!.name);
  }
  return out;
};

export const planMigrations: Step = {
  name: 'plan the pending migrations',
  needs: ['snap', 'loaded', 'opts'],
  gives: ['memory', 'pending', 'plan', 'baselineWarnings', 'baselineConfig'],
  run: async (ctx, ev) => {
    const snap = need(ctx.snap, 'the snapshot');
    const { result, configs, opts } = ctx;
    const memory = createMemoryInstance({ config: snap.config!, issues: snap.issues });
    ctx.memory = memory;
    result.hashes.baseline = memory.hash();
    ctx.baselineConfig = structuredClone(memory.data.config);
    ctx.baselineWarnings = new Set(
      validateState(memory.data.config, memory.data.issues)
        .filter((p) => p.severity === 'warning')
        .map(formatProblem),
    );
    const pending = selectPending(memory, need(ctx.loaded, 'the migrations'), { to: opts.to });
    ctx.pending = pending;
    result.migrationFiles = pending.map(({ id, file, checksum }) => ({ id, file, checksum }));
    ev.push(`baseline hash ${result.hashes.baseline}`);
    // On a copy: the plan changes the state it is given, and the memory instance stays the baseline.
    const scratch = { ...memory.data, ...structuredClone({ config: memory.data.config, issues: memory.data.issues }) };
    const items = await plan(scratch, pending, opts.now, (id, before, after) => configs.set(id, { before, after }));
    ctx.plan = items;
    for (const it of items)
      ev.push(
        `${it.id}: ${it.error ? `CANNOT APPLY: ${it.error}` : `${it.sentences.length} changes, ${it.issues.total} issues touched, ${it.notifications.total} notifications`}`,
      );
    result.migrations = items.map(
      (p): MigrationReport => ({
        id: p.id,
        description: p.description,
        sentences: p.sentences,
        changes: changeAreas(pending.find((m) => m.id === p.id)?.migration, p.sentences),
        configChanges: p.configChanges,
        issues: p.issues,
        ...(configs.has(p.id) ? { backoutConfigChanges: configChanges(configs.get(p.id)!.after, configs.get(p.id)!.before) } : {}),
        notifications: p.notifications,
        sharedSchemes: p.sharedSchemes,
        ...(p.irreversible ? { irreversible: p.irreversible } : {}),
        workflowsChanged: configs.has(p.id) ? changedWorkflows(configs.get(p.id)!.before, configs.get(p.id)!.after) : [],
      }),
    );
    const failure = items.find((i) => i.error);
    if (!failure) return verdict(true);
    ctx.hazard({
      kind: 'precondition',
      code: 'PC101',
      severity: 'error',
      migration: failure.id,
      message: `${failure.id} cannot be applied to the snapshot`,
      evidence: [failure.error!],
    });
    return stopHere(`${failure.id} cannot be applied`);
  },
};
