/**
 * Runs the migrations' code for a `migrate:*` command in a supervised worker thread (worker.ts),
 * so that user code cannot end, hang or crash the command that holds the instance's lock: each
 * import and each run of `up`/`down` has a time limit (`--migration-timeout`), after which the
 * worker is stopped; the worker's heap is bounded; a crash of the worker is a message. The command
 * keeps the lock, the state and every write: it receives operations as data and, for the functions
 * form, a trace of what `up`/`down` did, which the engine replays (trace.ts).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { UserError } from '../../common/errors.ts';
import { defineMigration } from '../api.ts';
import { checkOps, type LoadedMigration, type PrepareContext } from '../load.ts';
import type { FunctionMigrationSpec, MigrationContext } from '../migration.ts';
import type { TrackerState } from '../types.ts';
import type { MigrationData, Phase, Reply, Request } from './protocol.ts';
import { errorFrom } from './error-data.ts';
import { replay, type TraceStep } from './trace.ts';

export const DEFAULT_MIGRATION_TIMEOUT_S = 60;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export interface RunnerOptions {
  /** The longest an import, an `up` or a `down` may run. */
  timeoutMs: number;
}

/** The worker's source: tsx is registered first (a worker does not inherit the command's loader), then worker.ts. */
const workerSource = (): string => {
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); })`;
};

/** Half the command's heap (at least 1 GB): a migration that allocates without end fails, the command does not. */
const heapLimitMb = (): number => Math.max(1024, Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20 / 2));

interface Pending {
  resolve: (r: Reply) => void;
  reject: (e: Error) => void;
  phase: Phase;
  timer?: NodeJS.Timeout;
  file: string;
  /** The user's code has begun (the worker said so): the time limit runs from then. */
  begun: boolean;
}

/** How long the worker may take to start and load the engine before the user's code begins (a loaded machine is slow). */
const STARTUP_MS = 120_000;

/** What a stopped import or run of `up`/`down` says. */
const stoppedWords = (phase: Phase, why: string): string => (phase === 'import' ? `importing it ${why}` : `${phase}() ${why}`);

export class MigrationRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private late: string | undefined;

  constructor(private readonly o: RunnerOptions) {}

  private get seconds(): string {
    return String(Math.round(this.o.timeoutMs / 100) / 10);
  }

  private start(): Worker {
    const w = new Worker(workerSource(), {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: heapLimitMb() },
      // The command's flags (--import tsx) are for the command; the worker registers tsx itself.
      execArgv: [],
    });
    w.on('message', (r: Reply) => this.onReply(w, r));
    w.on('error', (e: Error) => this.stop(w, (p) => this.crashed(p, e)));
    w.on('exit', (code) =>
      this.stop(w, (p) => new UserError(`${p.file}: ${stoppedWords(p.phase, `stopped the worker it runs in (exit code ${code})`)}`)),
    );
    w.unref();
    return w;
  }

  private crashed(p: Pending, e: Error): Error {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (the limit is ${heapLimitMb()} MB)` : `crashed: ${e.message}`;
    return new UserError(`${p.file}: ${stoppedWords(p.phase, why)}`);
  }

  /** Fails every pending request of `w` with `error` and forgets the worker. */
  private stop(w: Worker, error: (p: Pending) => Error): void {
    if (this.worker === w) this.worker = undefined;
    for (const [id, p] of this.pending) {
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(error(p));
    }
  }

  private arm(w: Worker, id: number, p: Pending): void {
    clearTimeout(p.timer);
    p.timer = setTimeout(
      () => {
        void w.terminate();
        this.stop(w, (q) =>
          !q.begun
            ? new UserError(`${q.file}: the worker that runs the migrations' code did not start within ${STARTUP_MS / 1000} s`, {
                details: ['the machine may be overloaded: try again'],
              })
            : // An import names the file (as every load error does); up()/down() are named by the engine's MigrationError.
              new UserError(
                `${q.phase === 'import' ? `${q.file}: ` : ''}${stoppedWords(q.phase, `did not finish within ${this.seconds} s (--migration-timeout); it was stopped`)}`,
                {
                  details: [
                    `an endless loop ${q.phase === 'import' ? 'at the top of the file' : `in ${q.phase}()`}? if it is only slow, allow more: --migration-timeout SECONDS`,
                  ],
                },
              ),
        );
      },
      p.begun ? this.o.timeoutMs : STARTUP_MS + this.o.timeoutMs,
    );
    this.pending.set(id, p);
  }

  private onReply(w: Worker, r: Reply): void {
    if (r.type === 'late') {
      this.late ??= r.message;
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.type === 'begin') {
      p.phase = r.phase;
      p.begun = true;
      this.arm(w, r.id, p);
      return;
    }
    clearTimeout(p.timer);
    this.pending.delete(r.id);
    if (!this.pending.size) w.unref();
    p.resolve(r);
  }

  private send(req: WithoutId<Request>, phase: Phase, file: string): Promise<Reply> {
    if (this.late !== undefined) {
      const late = this.late;
      this.late = undefined;
      return Promise.reject(
        new UserError(`a migration run earlier by this command left asynchronous work behind that failed: ${late}`, {
          details: ['migration code must be synchronous (no timers, promises or callbacks); nothing of this migration was applied'],
        }),
      );
    }
    this.worker ??= this.start();
    const w = this.worker;
    const id = this.nextId++;
    return new Promise<Reply>((resolve, reject) => {
      this.arm(w, id, { resolve, reject, phase, file, begun: false });
      w.ref();
      try {
        w.postMessage({ ...req, id } as Request);
      } catch (e) {
        clearTimeout(this.pending.get(id)?.timer);
        this.pending.delete(id);
        if (!this.pending.size) w.unref();
        reject(e);
      }
    });
  }

  /** Has the worker load the engine now (in the background), for functions-form runs to come. */
  warm(): void {
    this.worker?.postMessage({ id: this.nextId++, type: 'warm' } satisfies Request);
  }

  /** Imports a migration file in the worker; what the command works with (operations as data, functions as replays). */
  async load(id: string, file: string): Promise<LoadedMigration> {
    const r = await this.send({ type: 'load', migrationId: id, file }, 'import', file);
    if (r.type === 'failed') throw errorFrom(r.error);
    if (r.type !== 'loaded') throw new Error(`unexpected answer '${r.type}' to loading ${file}`);
    return this.loadedOf(id, file, r.checksum, r.migration);
  }

  private loadedOf(id: string, file: string, checksum: string, data: MigrationData): LoadedMigration {
    const base = {
      description: data.description,
      ...(data.expect ? { expect: data.expect } : {}),
      ...(data.irreversible ? { irreversible: data.irreversible } : {}),
    };
    // The registry's checks run here, where the registry is loaded (the worker stays light).
    if (data.ops) return checkOps({ id, file, checksum, migration: defineMigration({ ...base, ops: data.ops }) });
    // What the next `up`/`down` replays: set by prepare, which the engine awaits before applying.
    let prepared: { up: TraceStep[]; down?: TraceStep[] } | undefined;
    const take = (phase: 'up' | 'down'): TraceStep[] => {
      const steps = prepared?.[phase];
      if (!steps) throw new Error(`${phase}() of ${file} was run without being prepared (a bug in Understudy)`);
      return steps;
    };
    const spec: FunctionMigrationSpec = {
      ...base,
      up: (ctx) => replay(ctx, take('up')),
      ...(data.functions?.down ? { down: (ctx: MigrationContext) => replay(ctx, take('down')) } : {}),
    };
    const migration = defineMigration(spec);
    const prepare = async (state: TrackerState, ctx: PrepareContext): Promise<void> => {
      try {
        const r = await this.send(
          { type: 'trace', migrationId: id, file, config: state.config, issues: state.issues, ctx: { migrationId: id, ...ctx } },
          'up',
          file,
        );
        if (r.type === 'failed') throw errorFrom(r.error);
        if (r.type !== 'traced') throw new Error(`unexpected answer '${r.type}' to running ${file}`);
        prepared = { up: r.up, ...(r.down ? { down: r.down } : {}) };
      } catch (e) {
        // A stopped or crashed run fails the migration the way a throw in up() does: the engine records and reports it.
        if (!(e instanceof UserError)) throw e;
        prepared = { up: [{ kind: 'throw', error: { message: e.message, userError: true, details: [...e.details] } }] };
      }
    };
    return { id, file, checksum, migration, prepare };
  }

  /** Stops the worker (what it still runs is abandoned). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
