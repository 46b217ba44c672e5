/**
 * Runs a function-form `up` or `down` with a journal: direct configuration changes are diffed at
 * every checkpoint (before each `ctx.op` call and at the end), `ctx.op` calls record their own
 * inverses, and `ctx.editIssue` captures the values an edit changes (issue-edit.ts). Issues are
 * read-only otherwise, so the journal is complete by construction; the caller still proves it by
 * hash (see apply.ts).
 */
import { UserError } from '../common/errors.ts';
import type { Config, Issue } from '../model/index.ts';
import { diff } from './config-diff.ts';
import type { IssueRestore } from './issue-changes.ts';
import { draftOf, settleEdit } from './issue-edit.ts';
import type { MigrationContext } from './migration.ts';
import { opDefinition, type OpArgs, type OpKind } from './ops/registry.ts';
import { readOnly } from './read-only.ts';
import type { OpContext, RecordedOp, TrackerState } from './types.ts';

export class Journal {
  readonly inverse: RecordedOp[] = [];
  readonly touched = { issueIds: new Set<string>(), fields: new Set<string>() };
  readonly sentences: string[] = [];
  readonly logs: string[] = [];
  private snapshot: Config;
  private pending = new Map<string, IssueRestore>();
  private index: Map<string, number> | undefined;
  private opCount = 0;

  constructor(
    private readonly state: TrackerState,
    private readonly base: Omit<OpContext, 'site'> & { migrationId: string },
    private readonly phase: 'up' | 'down',
  ) {
    this.snapshot = structuredClone(state.config);
  }

  /** Records direct changes made since the last checkpoint. */
  checkpoint(): void {
    const patches = diff(this.state.config, this.snapshot);
    if (patches.length) {
      this.inverse.push({ kind: 'restoreConfig', args: { note: `Undo: configuration changes made directly by ${this.phase}()`, patches } });
      this.sentences.push(`Changed the configuration directly in ${this.phase}() (${patches.length} place(s)).`);
      this.snapshot = structuredClone(this.state.config);
    }
    if (this.pending.size) {
      const bulk = [...this.pending.values()];
      this.inverse.push({
        kind: 'restoreIssues',
        args: { note: `Undo: ${bulk.length} issue(s) edited by ${this.phase}()`, count: bulk.length },
        bulk,
      });
      this.sentences.push(`Edited ${bulk.length} issue(s) in ${this.phase}().`);
      this.pending = new Map();
    }
  }

  private locate(keyOrId: string): number | undefined {
    if (!this.index) {
      this.index = new Map();
      this.state.issues.forEach((i, n) => {
        this.index!.set(i.id, n);
        this.index!.set(i.key, n);
      });
    }
    return this.index.get(keyOrId);
  }

  context(): MigrationContext {
    const { state, base } = this;
    const ops = new Proxy(
      {},
      {
        get: (_t, kind) => (args: unknown) => this.runOp(String(kind), args),
      },
    ) as { [K in OpKind]: (args: OpArgs[K]) => void };
    return {
      get config() {
        return state.config;
      },
      get issues() {
        return readOnly(state.issues as readonly Issue[]);
      },
      issue: (k) => {
        const n = this.locate(k);
        return n === undefined ? undefined : readOnly(state.issues[n]!);
      },
      editIssue: (k, edit) => {
        const n = this.locate(k);
        if (n === undefined) throw new UserError(`${this.phase}(): editIssue: there is no issue ${JSON.stringify(k)}`);
        const current = state.issues[n]!;
        const { draft, target } = draftOf(current);
        edit(draft);
        if (target.id !== current.id || target.key !== current.key)
          throw new UserError(`${this.phase}(): editIssue(${k}) changed the issue's id or key; that is not an edit`);
        const settled = settleEdit(current, target, this.pending.get(current.id));
        this.pending.set(current.id, settled.restore);
        state.issues[n] = settled.issue;
        this.touched.issueIds.add(current.id);
      },
      op: ops,
      log: (m) => void this.logs.push(String(m)),
      now: base.now,
      actor: base.actor,
      migrationId: base.migrationId,
    };
  }

  private runOp(kind: string, args: unknown): void {
    const def = opDefinition(kind);
    if (!def || def.internal) throw new UserError(`${this.phase}(): ctx.op.${kind} is not an operation`);
    this.checkpoint();
    const site = { migrationId: this.base.migrationId, position: ++this.opCount, kind };
    const sentence = def.describe(args as never, this.state);
    const applied = def.apply(this.state, args as never, { ...this.base, site });
    this.inverse.push(...applied.inverse);
    for (const id of applied.touched.issueIds) this.touched.issueIds.add(id);
    for (const f of applied.touched.fields) this.touched.fields.add(f);
    this.sentences.push(sentence);
    this.snapshot = structuredClone(this.state.config);
  }

  /** Runs `fn` with a context; a thenable result is refused (functions must be synchronous). */
  run(fn: (ctx: MigrationContext) => void): void {
    const result = fn(this.context()) as unknown;
    if (result && typeof (result as { then?: unknown }).then === 'function') {
      throw new UserError(`${this.phase}() returned a promise: migration functions must be synchronous (no async/await)`);
    }
  }
}
