/**
 * The worker thread that runs migrations' code for a command (runner.ts starts it): it imports
 * migration files and runs functions-form `up`/`down` on a copy of the state it is sent, recording
 * what they do (trace.ts). What user code must not do is refused here: `process.exit` (and
 * `process.abort`, or killing this process) throws instead; an error thrown by a timer or a
 * rejected promise is caught, and so is a timer or other asynchronous work still pending when the
 * code returns: migration code is synchronous, and whatever it leaves running fails the migration.
 */
import { parentPort } from 'node:worker_threads';
import { UserError } from '../../common/errors.ts';
import type { Config, Issue } from '../../model/index.ts';
import { type ImportedMigration, importMigration } from '../import-migration.ts';
import { isOpsMigration, type FunctionMigrationSpec } from '../migration.ts';
import { errorData } from './error-data.ts';
import type { MigrationData, Reply, Request, TraceContext, TraceStep } from './protocol.ts';

// Light until a functions-form migration runs: importing files needs neither the engine nor the model.
const engine = () => import('./trace.ts');

const port = parentPort!;
const post = (reply: Reply): void => port.postMessage(reply);

const refusedExit = (what: string) =>
  new Error(`${what} is not allowed in a migration: throw an Error to stop it (nothing is saved when a migration fails)`);
process.exit = ((code?: number | string | null) => {
  throw refusedExit(`process.exit(${code === undefined ? '' : JSON.stringify(code)})`);
}) as typeof process.exit;
process.abort = (() => {
  throw refusedExit('process.abort()');
}) as typeof process.abort;
const kill = process.kill.bind(process);
process.kill = ((pid: number, signal?: string | number) => {
  if (pid === process.pid || pid === 0 || pid === -process.pid) throw refusedExit(`process.kill(${pid})`);
  return kill(pid, signal);
}) as typeof process.kill;

/** Errors thrown by timers and promises that nobody handled, since the last look. */
let late: string[] = [];
const lateError = (e: unknown) => late.push(e instanceof Error ? e.message : String(e));
process.on('uncaughtException', lateError);
process.on('unhandledRejection', lateError);

/** Asynchronous work pending (timers, I/O), by kind: what the code left running is what is new after it. */
const pending = (): string[] => process.getActiveResourcesInfo().filter((r) => r !== 'MessagePort');
const newSince = (before: readonly string[], after: readonly string[]): string[] => {
  const left = [...before];
  return after.filter((r) => {
    const i = left.indexOf(r);
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
};
/** Lets what the code queued run: rejections are reported after the microtasks, zero-delay work after a turn. */
const settle = () => new Promise<void>((done) => setImmediate(done));

const SYNC = 'migration functions must be synchronous (no timers, promises or callbacks)';

/** What the code left behind: an error a timer or promise of it threw, or work still pending. */
const leftBehind = async (before: readonly string[]): Promise<{ failed?: string; running?: string }> => {
  await settle();
  const failed = late.shift();
  late = [];
  if (failed !== undefined) return { failed };
  const left = newSince(before, pending());
  return left.length ? { running: [...new Set(left)].join(', ') } : {};
};

const loaded = new Map<string, ImportedMigration>();

const load = async (req: { id: number; migrationId: string; file: string }): Promise<ImportedMigration> => {
  const have = loaded.get(req.file);
  if (have) return have;
  post({ id: req.id, type: 'begin', phase: 'import' });
  const before = pending();
  const m = await importMigration(req.migrationId, req.file);
  const { failed, running } = await leftBehind(before);
  if (failed !== undefined)
    throw new UserError(`${req.file}: a promise or timer it started at import failed: ${failed}`, {
      details: ['a migration file must not leave asynchronous work behind: define the migration and nothing else at the top level'],
    });
  if (running)
    throw new UserError(`${req.file}: it leaves asynchronous work running after its import (${running})`, {
      details: ['a migration file must not leave timers or other work behind: define the migration and nothing else at the top level'],
    });
  loaded.set(req.file, m);
  return m;
};

const dataOf = (m: ImportedMigration): MigrationData => {
  const spec = m.migration;
  const base = {
    description: spec.description,
    ...(spec.expect ? { expect: spec.expect } : {}),
    ...(spec.irreversible ? { irreversible: spec.irreversible } : {}),
  };
  return isOpsMigration(spec) ? { ...base, ops: spec.ops } : { ...base, functions: { down: typeof spec.down === 'function' } };
};

/** Runs `up` or `down` of a functions-form migration on `state`, recorded; then looks for what it left running. */
const traceOne = async (
  id: number,
  phase: 'up' | 'down',
  fn: FunctionMigrationSpec['up'],
  state: { config: Config; issues: Issue[] },
  ctx: TraceContext,
): Promise<{ steps: TraceStep[]; ok: boolean }> => {
  const { traceRun } = await engine();
  post({ id, type: 'begin', phase });
  const before = pending();
  const run = traceRun(fn, state, ctx, phase);
  const { failed, running } = await leftBehind(before);
  const problem =
    failed !== undefined
      ? `${phase}() started asynchronous work that failed after it returned: ${failed}; ${SYNC}`
      : running
        ? `${phase}() left asynchronous work running when it returned (${running}); ${SYNC}`
        : undefined;
  if (problem && run.ok) return { ok: false, steps: [...run.steps, { kind: 'throw', error: { message: problem, userError: true, details: [] } }] };
  return run;
};

const serve = async (req: Request): Promise<void> => {
  if (req.type === 'warm') {
    await engine().catch(() => undefined);
    return;
  }
  try {
    const m = await load(req);
    if (req.type === 'load') {
      const data = dataOf(m);
      post({ id: req.id, type: 'loaded', checksum: m.checksum, migration: data });
      return;
    }
    const spec = m.migration;
    if (isOpsMigration(spec)) throw new Error(`${req.file} is an operations-form migration: its operations are applied by the command`);
    const state = { config: req.config, issues: req.issues };
    const up = await traceOne(req.id, 'up', (c) => spec.up(c), state, req.ctx);
    const down = up.ok && req.ctx.proveDown && spec.down ? await traceOne(req.id, 'down', (c) => spec.down!(c), state, req.ctx) : undefined;
    post({ id: req.id, type: 'traced', up: up.steps, ...(down ? { down: down.steps } : {}) });
  } catch (e) {
    const unclonable = e instanceof Error && e.name === 'DataCloneError';
    const error = unclonable
      ? new UserError(`${req.file}: the migration holds something that is not plain data (${e.message})`, {
          details: ["operations' arguments, expect and irreversible must be text, numbers, booleans, lists and objects (no functions)"],
        })
      : e;
    post({ id: req.id, type: 'failed', error: errorData(error) });
  }
};

// One request at a time, in order: the command waits for each answer.
let busy = 0;
let queue = Promise.resolve();
port.on('message', (req: Request) => {
  busy++;
  queue = queue.then(() => serve(req)).finally(() => busy--);
});
// Between requests nothing of the migrations' code should run; if something does and fails, say so.
setInterval(() => {
  if (busy || !late.length) return;
  post({ id: 0, type: 'late', message: late.shift()! });
}, 200).unref();
