/**
 * Steps: the engine's own hash chain on the instance — migrate up (the hash must be the one the proof
 * in memory reached: the regression runs, beside this chain, observe the states kept there), down to
 * the start (the baseline's hash), up again (the first up's). A chain that breaks stops the rehearsal
 * and the regression runs beside it.
 */
import { migrateDown as down, migrateUp as up } from '../../../migrate/index.ts';
import { backoutSentences } from '../../migration-words.ts';
import { need } from '../context.ts';
import { type Step, stopHere, verdict } from '../step.ts';

export const migrateUp: Step = {
  name: 'migrate up',
  needs: ['instance', 'pending', 'proof', 'opts'],
  gives: ['applied'],
  run: async (ctx, ev) => {
    const inst = need(ctx.instance, 'the instance');
    const r = await up(inst, need(ctx.pending, 'the pending migrations'), { now: ctx.opts.now, to: ctx.opts.to });
    ctx.applied = r.applied;
    for (const e of r.applied) {
      ev.push(`${e.id}: ${e.durationMs} ms, ${e.touchedIssues} issues touched`);
      const m = ctx.result.migrations.find((x) => x.id === e.id);
      if (m) {
        m.upMs = e.durationMs;
        m.backout = backoutSentences(e);
      }
    }
    const afterUp = inst.hash();
    ctx.result.hashes.afterUp = afterUp;
    const inMemory = need(ctx.proof, 'the proof in memory').afterUp;
    ev.push(`hash after up ${afterUp} ${afterUp === inMemory ? '== in memory' : `!= in memory (${inMemory})`}`);
    if (afterUp === inMemory) return verdict(true);
    ctx.hazard({
      kind: 'rollback-hash',
      code: 'RB106',
      severity: 'error',
      ...(r.applied.length ? { migration: r.applied.at(-1)!.id } : {}),
      message: 'the engine on disk reaches a different state than the proof in memory: the regression runs observed the state in memory',
      evidence: [`on disk ${afterUp}`, `in memory ${inMemory}`],
    });
    return stopHere('the engine on disk and the proof in memory disagree');
  },
};

export const migrateDown: Step = {
  name: 'migrate down to the start',
  needs: ['instance', 'applied', 'loaded', 'opts'],
  gives: [],
  run: async (ctx, ev) => {
    const inst = need(ctx.instance, 'the instance');
    const { hashes } = ctx.result;
    const reverted = await down(
      inst,
      { steps: need(ctx.applied, 'the applied migrations').length, now: ctx.opts.now },
      need(ctx.loaded, 'the migrations'),
    );
    for (const r of reverted) {
      const m = ctx.result.migrations.find((x) => x.id === r.entry.id);
      if (m) m.downMs = r.durationMs;
      ev.push(`${r.entry.id}: reverted in ${r.durationMs} ms${r.restored ? '' : ' — its hash is NOT the one recorded before it'}`);
    }
    hashes.afterDown = inst.hash();
    ev.push(`hash after down ${hashes.afterDown} ${hashes.afterDown === hashes.baseline ? '== baseline' : '!= baseline'}`);
    if (hashes.afterDown === hashes.baseline) return verdict(true);
    ctx.hazard({
      kind: 'rollback-hash',
      code: 'RB102',
      severity: 'error',
      ...(ctx.applied?.length ? { migration: ctx.applied.at(-1)!.id } : {}),
      message: 'migrate down does not restore the baseline: the canonical hash differs',
      evidence: [`baseline ${hashes.baseline}`, `after down ${hashes.afterDown}`],
    });
    return stopHere('migrate down does not restore the baseline');
  },
};

export const migrateUpAgain: Step = {
  name: 'migrate up again',
  needs: ['instance', 'pending', 'opts'],
  gives: [],
  run: async (ctx, ev) => {
    const inst = need(ctx.instance, 'the instance');
    const { hashes } = ctx.result;
    await up(inst, need(ctx.pending, 'the pending migrations'), { now: ctx.opts.now, to: ctx.opts.to });
    hashes.afterUpAgain = inst.hash();
    ev.push(`hash after up again ${hashes.afterUpAgain} ${hashes.afterUpAgain === hashes.afterUp ? '== first up' : '!= first up'}`);
    if (hashes.afterUpAgain === hashes.afterUp) return verdict(true);
    ctx.hazard({
      kind: 'rollback-hash',
      code: 'RB103',
      severity: 'error',
      ...(ctx.applied?.length ? { migration: ctx.applied.at(-1)!.id } : {}),
      message: 'migrate up after down does not reach the same state as the first up',
      evidence: [`first up ${hashes.afterUp}`, `up again ${hashes.afterUpAgain}`],
    });
    return stopHere('migrate up after down does not reach the first up');
  },
};
