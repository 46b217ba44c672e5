/**
 * Applying a migration in memory, all or nothing, and reverting it from its recorded inverse.
 *
 * Operations form: op by op; when op k fails, the inverses of ops 1..k-1 are applied in reverse
 * and the canonical hash must equal the start before the error is thrown.
 * Functions form: `up` runs with a journal (function-form.ts) whose inverse is what the ledger
 * keeps. It proves itself: when `down` is given, it is run once on the result and must land on the
 * starting hash; its own journal is then reverted (and must land on the "after up" hash).
 */
import { canonicalHash } from '../model/index.ts';
import { MigrationError } from './errors.ts';
import { Journal } from './function-form.ts';
import { isOpsMigration, type Migration, type MigrationSpec } from './migration.ts';
import { opDefinition } from './ops/registry.ts';
import { applyRecorded } from './recorded.ts';
import type { OpContext, RecordedOp, Touched, TrackerState } from './types.ts';

export interface ApplyContext {
  /** The migration's id (its file name without extension). */
  migrationId: string;
  /** Frozen clock for `updated` and history entries. */
  now: string;
  /** Account id that history entries name (null: the system). */
  actor: string | null;
  /** The canonical hash of the state before, when the caller has it already (saves a pass). */
  hashBefore?: string;
  /** Functions form: run `down` once to prove the pair (default true). */
  proveDown?: boolean;
  /**
   * The caller throws the state away when the migration fails (a copy in memory): the start is then
   * not hashed beforehand unless a proof needs it, and a failure says the copy was rolled back
   * without comparing it with its prior hash. Saves a pass over every issue per migration.
   */
  discardOnFailure?: boolean;
}

export interface AppliedMigration {
  /** What undoes it, in forward order: `revertMigration` applies it last to first. */
  inverse: RecordedOp[];
  touched: Touched;
  /** One plain sentence per operation (and per direct change in the functions form). */
  sentences: string[];
  /** Lines from `ctx.log` in the functions form. */
  logs: string[];
}

const revertCtx = (migrationId: string, now: string, actor: string | null): OpContext => ({
  now,
  actor,
  restoring: true,
  site: { migrationId, position: 0, kind: 'revert' },
});

/** Applies recorded inverses last to first. Returns the inverse of the revert (to redo it). */
export const revertMigration = (
  state: TrackerState,
  inverse: readonly RecordedOp[],
  ctx: { migrationId?: string; now?: string; actor?: string | null } = {},
): RecordedOp[] => {
  const c = revertCtx(ctx.migrationId ?? '(revert)', ctx.now ?? new Date(0).toISOString(), ctx.actor ?? null);
  const redo: RecordedOp[] = [];
  for (let i = inverse.length - 1; i >= 0; i--) redo.push(...applyRecorded(state, inverse[i]!, c).inverse);
  return redo;
};

/**
 * Undoes a partial apply and says whether the hash came back to the start (undefined: no start
 * hash to compare with, the caller discards the state).
 */
const rollBack = (state: TrackerState, inverse: readonly RecordedOp[], migrationId: string, h0: string | undefined): boolean | undefined => {
  try {
    revertMigration(state, inverse, { migrationId });
    return h0 === undefined ? undefined : canonicalHash(state.config, state.issues) === h0;
  } catch {
    return false;
  }
};

export const applyMigration = (state: TrackerState, migration: MigrationSpec | Migration, ctx: ApplyContext): AppliedMigration => {
  const proves = !isOpsMigration(migration) && migration.down !== undefined && ctx.proveDown !== false;
  const h0 = ctx.hashBefore ?? (ctx.discardOnFailure && !proves ? undefined : canonicalHash(state.config, state.issues));
  return isOpsMigration(migration) ? applyOps(state, migration.ops, ctx, h0) : applyFunctions(state, migration, ctx, h0);
};

const applyOps = (
  state: TrackerState,
  ops: ReadonlyArray<{ kind: string; args: unknown }>,
  ctx: ApplyContext,
  h0: string | undefined,
): AppliedMigration => {
  const inverse: RecordedOp[] = [];
  const issueIds = new Set<string>();
  const fields = new Set<string>();
  const sentences: string[] = [];
  ops.forEach((call, i) => {
    const site = { migrationId: ctx.migrationId, position: i + 1, kind: call.kind };
    try {
      const def = opDefinition(call.kind);
      if (!def || def.internal) throw new Error(`unknown op kind '${call.kind}'`);
      const sentence = def.describe(call.args, state);
      const applied = def.apply(state, call.args, { now: ctx.now, actor: ctx.actor, site });
      inverse.push(...applied.inverse);
      for (const id of applied.touched.issueIds) issueIds.add(id);
      for (const f of applied.touched.fields) fields.add(f);
      sentences.push(sentence);
    } catch (e) {
      throw new MigrationError(ctx.migrationId, i + 1, call.kind, e, rollBack(state, inverse, ctx.migrationId, h0));
    }
  });
  return { inverse, touched: { issueIds: [...issueIds], fields: [...fields] }, sentences, logs: [] };
};

const applyFunctions = (
  state: TrackerState,
  m: Extract<MigrationSpec, { up: unknown }>,
  ctx: ApplyContext,
  h0: string | undefined,
): AppliedMigration => {
  const base = { now: ctx.now, actor: ctx.actor, migrationId: ctx.migrationId };
  const up = new Journal(state, base, 'up');
  try {
    up.run((c) => m.up(c));
  } catch (e) {
    up.checkpoint();
    throw new MigrationError(ctx.migrationId, undefined, 'up', upError(e), rollBack(state, up.inverse, ctx.migrationId, h0));
  }
  up.checkpoint();
  if (m.down && ctx.proveDown !== false && h0 !== undefined) {
    const h1 = canonicalHash(state.config, state.issues);
    const down = new Journal(state, base, 'down');
    let failure: unknown;
    try {
      down.run((c) => m.down!(c));
    } catch (e) {
      failure = new Error(`down() threw: ${e instanceof Error ? e.message : String(e)}`);
    }
    down.checkpoint();
    if (!failure && canonicalHash(state.config, state.issues) !== h0)
      failure = new Error(
        'down() does not undo up(): after up then down the canonical hash differs from the start; fix down() or drop it (the recorded inverse is used for rollbacks)',
      );
    const backToUp = rollBack(state, down.inverse, ctx.migrationId, h1);
    if (failure || !backToUp) {
      const restored = backToUp === true && rollBack(state, up.inverse, ctx.migrationId, h0) === true;
      const proofFailed = failure !== undefined && !/^down\(\) threw/.test((failure as Error).message);
      throw new MigrationError(
        ctx.migrationId,
        undefined,
        'down',
        failure ?? new Error('undoing down() did not restore the state after up()'),
        restored,
        proofFailed,
      );
    }
  }
  return {
    inverse: up.inverse,
    touched: { issueIds: [...up.touched.issueIds], fields: [...up.touched.fields] },
    sentences: up.sentences,
    logs: up.logs,
  };
};

const upError = (e: unknown): unknown =>
  e instanceof Error && !/^(up|down)\(\)/.test(e.message) ? Object.assign(new Error(`up() threw: ${e.message}`), { cause: e }) : e;

/** The sentences a migration will produce, without applying it (the plan and the notices). */
export const describeMigration = (migration: MigrationSpec | Migration, state: TrackerState): string[] => {
  if (!isOpsMigration(migration)) {
    return [`Runs custom code (up${migration.down ? '/down' : ''}): ${migration.description}`];
  }
  return migration.ops.map((call) => opDefinition(call.kind)?.describe(call.args, state) ?? `Unknown operation '${call.kind}'.`);
};
