/** The messages between a command and the worker that runs its migrations' code (runner.ts ⇄ worker.ts). */
import type { Config, Issue } from '../../model/index.ts';
import type { ExpectedDifference } from '../expect.ts';
import type { Irreversible, OpCall } from '../migration.ts';

/** A migration as data: what crosses from the worker (its functions stay there). */
export interface MigrationData {
  description: string;
  expect?: ExpectedDifference[];
  irreversible?: Irreversible;
  /** The operations form. */
  ops?: OpCall[];
  /** The functions form: whether it has a `down`. */
  functions?: { down: boolean };
}

/** What a functions-form migration's code did, step by step (trace.ts records and replays it). */
export type TraceStep =
  /** Direct configuration changes up to here: the whole configuration as they left it. */
  | { kind: 'config'; config: Config }
  /** `ctx.editIssue(key, …)`: the top-level values the edit changed, and the keys it removed. */
  | { kind: 'edit'; key: string; set: Record<string, unknown>; unset: string[] }
  /** `ctx.op[op](args)`; `threw`: it threw in the worker, and the code caught that. */
  | { kind: 'op'; op: string; args: unknown; threw?: boolean }
  | { kind: 'log'; line: string }
  /** The code threw this: the last step. */
  | { kind: 'throw'; error: ErrorData };

/** An error as data: a UserError keeps its details and exit code. */
export interface ErrorData {
  message: string;
  userError: boolean;
  details: string[];
  exitCode?: 1 | 2;
}

export interface TraceContext {
  migrationId: string;
  now: string;
  actor: string | null;
  /** Also run `down` on the result, to prove the pair (apply.ts). */
  proveDown: boolean;
}

export type Request =
  | { id: number; type: 'load'; migrationId: string; file: string }
  /** Load the engine now, for functions-form runs to come (nothing is answered). */
  | { id: number; type: 'warm' }
  | { id: number; type: 'trace'; migrationId: string; file: string; config: Config; issues: Issue[]; ctx: TraceContext };

/** What the worker is running now: the user's code, for a time limit and for the message when it is exceeded. */
export type Phase = 'import' | 'up' | 'down';

export type Reply =
  | { id: number; type: 'begin'; phase: Phase }
  | { id: number; type: 'loaded'; checksum: string; migration: MigrationData }
  | { id: number; type: 'traced'; up: TraceStep[]; down?: TraceStep[] }
  | { id: number; type: 'failed'; error: ErrorData }
  /** Something the migrations' code left running failed while no request was being served. */
  | { id: 0; type: 'late'; message: string };
