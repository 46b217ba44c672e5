/** What every admin operation works with: a fresh view of the tracker, the records, the task runner. */
import type { Ctx } from '../context.ts';
import type { Actor } from '../types.ts';
import type { AuditSource } from './audit.ts';
import type { AdminRecords } from './records.ts';
import type { TaskRunner } from './tasks.ts';
import { change, type ChangeOptions, type Tx } from './tx.ts';

export interface AdminEnv {
  /** The tracker as it is now (indexes over the current configuration). */
  ctx(): Ctx;
  records(): AdminRecords;
  tasks: TaskRunner;
  source: AuditSource;
}

/** Runs one configuration change through the transaction (see tx.ts). */
export const write = <T>(env: AdminEnv, actor: Actor, fn: (tx: Tx) => T, options?: ChangeOptions): T =>
  change({ ctx: env.ctx(), records: env.records(), source: env.source }, actor, fn, options);

/** Checks a change fully (Jira's checks, the model's rules) without committing it. */
export const dryRun = <T>(env: AdminEnv, actor: Actor, fn: (tx: Tx) => T): T => write(env, actor, fn, { dryRun: true });
