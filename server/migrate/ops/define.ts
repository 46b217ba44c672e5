/**
 * Builds a registry entry from what is particular to one operation: how it resolves its names and
 * checks its preconditions (`prepare`, which must not change anything), and how it changes the
 * state (`mutate`). The inverse is produced here, the same way for every operation: configuration
 * by diffing before and after, issues from what the IssueRecorder captured.
 */
import { q } from '../../model/index.ts';
import { OpError } from '../errors.ts';
import { applyPatches, diff } from '../config-diff.ts';
import { IssueRecorder } from '../issue-changes.ts';
import { Lookup } from '../lookup.ts';
import type { AppliedOp, OpContext, OpDefinition, OpSite, RecordedOp, TrackerState } from '../types.ts';

export interface OpImpl<A, P> {
  kind: string;
  area: string;
  required: readonly (keyof A & string)[];
  optional: readonly (keyof A & string)[];
  internal?: boolean;
  describe(args: A, state: TrackerState): string;
  prepare(state: TrackerState, args: A, look: Lookup, site: OpSite): P;
  mutate(state: TrackerState, plan: P, rec: IssueRecorder, ctx: OpContext): void;
}

export const checkSite = (kind: string): OpSite => ({ migrationId: '(check)', position: 1, kind });

export const defineOp = <A, P>(impl: OpImpl<A, P>): OpDefinition<A> => {
  const describe = (args: A, state: TrackerState): string => {
    try {
      return impl.describe(args, state);
    } catch {
      return `${impl.kind} ${JSON.stringify(args)}`;
    }
  };
  return {
    kind: impl.kind,
    area: impl.area,
    required: impl.required,
    optional: impl.optional,
    ...(impl.internal ? { internal: true } : {}),
    describe,
    check(state, args, site = checkSite(impl.kind)) {
      try {
        impl.prepare(state, args, new Lookup(state.config, site), site);
        return [];
      } catch (e) {
        if (e instanceof OpError) return [e.problem];
        throw e;
      }
    },
    apply(state, args, ctx): AppliedOp {
      const plan = impl.prepare(state, args, new Lookup(state.config, ctx.site), ctx.site);
      const sentence = describe(args, state);
      const before = structuredClone(state.config);
      const rec = new IssueRecorder(ctx);
      try {
        impl.mutate(state, plan, rec, ctx);
      } catch (e) {
        // A mutate that throws is a bug, but the state must still come back whole.
        rec.rollback();
        applyPatches(state.config, diff(state.config, before));
        throw e;
      }
      const { bulk, touched } = rec.finish();
      const patches = diff(state.config, before);
      const note = `Undo: ${sentence}`;
      const inverse: RecordedOp[] = [];
      if (patches.length) inverse.push({ kind: 'restoreConfig', args: { note, patches } });
      if (bulk.length) inverse.push({ kind: 'restoreIssues', args: { note, count: bulk.length }, bulk });
      return { inverse, touched };
    },
  };
};

/** Quoting for sentences: the model's one quoting helper, re-exported for the operations. */
export { q };
export const list = (xs: readonly unknown[]): string => xs.map(q).join(', ');
