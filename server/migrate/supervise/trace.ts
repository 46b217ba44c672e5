/**
 * What a functions-form migration's code did, as data: the worker runs `up`/`down` against its
 * copy of the state through a recording context (`tracingContext`), and the command replays the
 * steps (`replay`) against its own state through the engine's ordinary context — configuration
 * changes as the configuration they left, issue edits as the issue they left, `ctx.op` calls as
 * calls (the engine's own, deterministic code), log lines, and the error the code threw. So the
 * command's journal, inverse, sentences and errors are the ones running the code in-process gives,
 * and the migration's code never runs in the command's thread.
 */
import type { Issue } from '../../model/index.ts';
import { deepEqual } from '../config-diff.ts';
import { Journal } from '../function-form.ts';
import type { MigrationContext } from '../migration.ts';
import type { TrackerState } from '../types.ts';
import { errorData, errorFrom } from './error-data.ts';
import type { TraceStep } from './protocol.ts';

export type { TraceStep } from './protocol.ts';

export interface Tracer {
  ctx: MigrationContext;
  steps: TraceStep[];
  /** Records direct configuration changes not yet recorded (call when the code returns or throws). */
  flush(): void;
  /** Records what the code threw, after its last changes. */
  threw(e: unknown): void;
}

/** Wraps the worker's context so that everything the code does is also recorded. */
export const tracingContext = (inner: MigrationContext, state: TrackerState): Tracer => {
  const steps: TraceStep[] = [];
  let recorded = structuredClone(state.config);
  let index: Map<string, number> | undefined;
  const flush = () => {
    if (deepEqual(state.config, recorded)) return;
    recorded = structuredClone(state.config);
    steps.push({ kind: 'config', config: recorded });
  };
  const locate = (key: string): Issue | undefined => {
    if (!index) {
      index = new Map();
      state.issues.forEach((i, n) => {
        index!.set(i.id, n);
        index!.set(i.key, n);
      });
    }
    const n = index.get(key);
    return n === undefined ? undefined : state.issues[n];
  };
  const op = new Proxy(
    {},
    {
      get: (_t, kind) => (args: unknown) => {
        flush();
        const step: TraceStep = { kind: 'op', op: String(kind), args: structuredClone(args) };
        steps.push(step);
        try {
          (inner.op as unknown as Record<string, (a: unknown) => void>)[String(kind)]!(args);
        } catch (e) {
          step.threw = true;
          throw e;
        } finally {
          // What the operation changed is replayed by the operation, not as a direct change.
          recorded = structuredClone(state.config);
          index = undefined;
        }
      },
    },
  ) as MigrationContext['op'];
  const ctx: MigrationContext = {
    get config() {
      return inner.config;
    },
    get issues() {
      return inner.issues;
    },
    issue: (key) => inner.issue(key),
    editIssue: (key, edit) => {
      const before = locate(key) as unknown as Record<string, unknown> | undefined;
      inner.editIssue(key, edit);
      const after = locate(key) as unknown as Record<string, unknown>;
      // The journal keeps the original's value wherever the edit left it equal: what differs by identity changed.
      const set: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(after)) if (v !== before?.[k]) set[k] = structuredClone(v);
      const unset = Object.keys(before ?? {}).filter((k) => before![k] !== undefined && after[k] === undefined);
      steps.push({ kind: 'edit', key, set, unset });
    },
    op,
    log: (line) => {
      steps.push({ kind: 'log', line: String(line) });
      inner.log(line);
    },
    now: inner.now,
    actor: inner.actor,
    migrationId: inner.migrationId,
  };
  return {
    ctx,
    steps,
    flush,
    threw: (e) => {
      flush();
      steps.push({ kind: 'throw', error: errorData(e) });
    },
  };
};

/**
 * Runs `fn` (a migration's `up` or `down`) on `state` through the engine's journal, as applyMigration
 * would, recorded: the steps end with a throw when it threw (a promise returned included).
 */
export const traceRun = (
  fn: (ctx: MigrationContext) => void,
  state: TrackerState,
  base: { now: string; actor: string | null; migrationId: string },
  phase: 'up' | 'down',
): { steps: TraceStep[]; ok: boolean } => {
  const journal = new Journal(state, { now: base.now, actor: base.actor, migrationId: base.migrationId }, phase);
  let tracer: Tracer | undefined;
  try {
    journal.run((inner) => {
      tracer = tracingContext(inner, state);
      // Its result goes back to the journal, which refuses a promise.
      return fn(tracer.ctx);
    });
    tracer!.flush();
    return { steps: tracer!.steps, ok: true };
  } catch (e) {
    if (!tracer) return { steps: [{ kind: 'throw', error: errorData(e) }], ok: false };
    tracer.threw(e);
    return { steps: tracer.steps, ok: false };
  }
};

/** Makes `target`'s own keys those of `source`, with its values. */
const becomes = (target: Record<string, unknown>, source: Record<string, unknown>): void => {
  for (const k of Object.keys(target)) if (!Object.hasOwn(source, k)) delete target[k];
  for (const [k, v] of Object.entries(source)) target[k] = v;
};

/** Does again, through `ctx`, what the recorded code did. */
export const replay = (ctx: MigrationContext, steps: readonly TraceStep[]): void => {
  for (const step of steps) {
    switch (step.kind) {
      // The steps are fresh copies (they came through postMessage) and each is replayed once: no copy needed.
      case 'config':
        becomes(ctx.config as unknown as Record<string, unknown>, step.config as unknown as Record<string, unknown>);
        break;
      case 'edit':
        ctx.editIssue(step.key, (draft) => {
          const d = draft as unknown as Record<string, unknown>;
          for (const k of step.unset) delete d[k];
          for (const [k, v] of Object.entries(step.set)) d[k] = v;
        });
        break;
      case 'op': {
        const call = (ctx.op as unknown as Record<string, (a: unknown) => void>)[step.op]!;
        if (!step.threw) {
          call(step.args);
          break;
        }
        let threw = false;
        try {
          call(step.args);
        } catch {
          threw = true;
        }
        if (!threw) throw new Error(`ctx.op.${step.op} threw when the migration ran, and not when it was replayed`);
        break;
      }
      case 'log':
        ctx.log(step.line);
        break;
      case 'throw':
        throw errorFrom(step.error);
    }
  }
};
