/**
 * The package's public API: what a migration file imports.
 *
 * ```ts
 * import { defineMigration, op } from 'understudy';
 * export default defineMigration({
 *   description: 'Rename "In Review" to "Code Review" to match the team\'s wording',
 *   ops: [op.renameStatus({ from: 'In Review', to: 'Code Review' })],
 * });
 * ```
 */
import { checkSpec, MIGRATION, type FunctionMigrationSpec, type Migration, type OpCall, type OpsMigrationSpec } from './migration.ts';
import type { OpArgs, OpKind } from './ops/registry.ts';

export type { OpArgs, OpKind } from './ops/registry.ts';
export type { OpCall, Migration, MigrationContext, OpsMigrationSpec, FunctionMigrationSpec, Irreversible } from './migration.ts';
export type { ExpectedDifference } from './expect.ts';
export type { HolderInput, RecipientInput } from './ops/holders.ts';

/**
 * Declares a migration. Default-export what it returns. Two forms:
 * - `{ description, ops: [op.renameStatus({ from, to }), ...] }`: each operation knows its inverse
 *   and captures what it destroys;
 * - `{ description, up(ctx), down(ctx) }`: for what no operation covers; `ctx.op.*` applies
 *   operations, `ctx.config` may be changed directly, issues through `ctx.editIssue`.
 * Either may add `expect` (intended regression differences, each with a reason) and
 * `irreversible: { reason, recovery }`.
 */
export function defineMigration(spec: OpsMigrationSpec): Migration;
export function defineMigration(spec: FunctionMigrationSpec): Migration;
export function defineMigration(spec: OpsMigrationSpec | FunctionMigrationSpec): Migration {
  checkSpec(spec);
  return Object.freeze({ ...spec, [MIGRATION]: true as const });
}

type Builders = { readonly [K in OpKind]: (args: OpArgs[K]) => OpCall<K> };

/**
 * The operations, one builder each: `op.removeStatus({ status: 'Blocked', mapTo: 'Open' })`.
 * Name things as you see them in the tracker (display names, project keys); ids work too.
 * An unknown name (`op.renameStats`) still builds a call, so loading the file reports it clearly.
 */
export const op: Builders = new Proxy({} as Builders, {
  // 'then' stays undefined so that awaiting `op` by mistake does not call a builder.
  get: (_t, kind) => (typeof kind === 'string' && kind !== 'then' ? (args: unknown) => ({ kind, args }) : undefined),
});
