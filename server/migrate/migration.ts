/** What `defineMigration` returns, and how the engine recognises it. */
import { UserError } from '../common/errors.ts';
import type { Config, Issue } from '../model/index.ts';
import { validateExpect, type ExpectedDifference } from './expect.ts';
import type { OpArgs, OpKind } from './ops/registry.ts';

/** Marks objects made by `defineMigration` (a global symbol: survives a module loaded twice). */
export const MIGRATION = Symbol.for('understudy.migration');

/** One operation of a migration, as `op.renameStatus({ from, to })` returns it. */
export interface OpCall<K extends OpKind = OpKind> {
  kind: K;
  args: OpArgs[K];
}

/** A change that cannot be undone in production (data leaves the tracker, people are e-mailed...). */
export interface Irreversible {
  /** What cannot be undone, in a sentence. */
  reason: string;
  /** How to recover if it goes wrong, step by step; copied into the runbook. */
  recovery: string;
}

interface MigrationBase {
  /** What the change does and why, in a sentence or two: shown in the plan, the report and the notices. */
  description: string;
  /** The regression differences this change intends (see ExpectedDifference); others fail the rehearsal. */
  expect?: ExpectedDifference[];
  /** Declares that the change cannot be undone in production and how to recover. */
  irreversible?: Irreversible;
}

/** The operations form: every operation knows its inverse, so no `down` is written by hand. */
export interface OpsMigrationSpec extends MigrationBase {
  /** Applied in order, all or nothing. */
  ops: OpCall[];
}

/** What `up` and `down` of the functions form receive. */
export interface MigrationContext {
  /** The configuration: read it and change it directly; every change is captured for the rollback. */
  readonly config: Config;
  /** The issues, read-only: change one with `editIssue` (writes to these objects throw). */
  readonly issues: readonly Readonly<Issue>[];
  /** An issue by key or id, read-only. */
  issue(keyOrId: string): Readonly<Issue> | undefined;
  /** Changes one issue: `edit` gets a copy to change; it replaces the issue and the old one is captured. */
  editIssue(keyOrId: string, edit: (draft: Issue) => void): void;
  /** The operations, applied at once and recorded: `ctx.op.renameStatus({ from, to })`. */
  readonly op: { [K in OpKind]: (args: OpArgs[K]) => void };
  /** A line for the report. */
  log(message: string): void;
  /** The frozen clock: use it for any timestamp you write. */
  readonly now: string;
  /** The account id changes are made as (null: the system). */
  readonly actor: string | null;
  readonly migrationId: string;
}

/** The functions form: for what no operation covers. `up` and `down` must be synchronous. */
export interface FunctionMigrationSpec extends MigrationBase {
  up(ctx: MigrationContext): void;
  /** Undoes `up`; run once on every apply and required to land on the exact starting hash. */
  down?(ctx: MigrationContext): void;
}

export type MigrationSpec = OpsMigrationSpec | FunctionMigrationSpec;
export type Migration = MigrationSpec & { readonly [MIGRATION]: true };

export const isMigration = (v: unknown): v is Migration => typeof v === 'object' && v !== null && (v as Record<symbol, unknown>)[MIGRATION] === true;
export const isOpsMigration = (m: MigrationSpec): m is OpsMigrationSpec => 'ops' in m;

/** Shape checks that need no file name; the loader adds the file to the message. */
export const checkSpec = (spec: unknown): MigrationSpec => {
  if (!spec || typeof spec !== 'object')
    throw new UserError(`defineMigration expects an object with description and ops (or up/down), got ${JSON.stringify(spec)}`);
  const s = spec as Record<string, unknown>;
  if (typeof s.description !== 'string' || !s.description.trim())
    throw new UserError('defineMigration: description is required (say what the change does and why)');
  const hasOps = 'ops' in s;
  const hasUp = 'up' in s;
  if (hasOps === hasUp) throw new UserError('defineMigration: give either ops: [...] or up(ctx) (with down(ctx)), not both and not neither');
  if (hasOps && !Array.isArray(s.ops)) throw new UserError('defineMigration: ops must be a list of op.<kind>({ ... }) calls');
  if (hasUp && typeof s.up !== 'function') throw new UserError('defineMigration: up must be a function (ctx) => { ... }');
  if (hasUp && s.down !== undefined && typeof s.down !== 'function') throw new UserError('defineMigration: down must be a function (ctx) => { ... }');
  if (s.irreversible !== undefined) {
    const i = s.irreversible as Record<string, unknown>;
    if (!i || typeof i.reason !== 'string' || typeof i.recovery !== 'string')
      throw new UserError('defineMigration: irreversible must be { reason, recovery } (two sentences)');
  }
  validateExpect(s.expect, 'defineMigration');
  return spec as MigrationSpec;
};
