/**
 * The supervised functions form (server/migrate/supervise/trace.ts): recording what `up`/`down` do
 * on one copy of the state and replaying it on another must give exactly what applying the
 * migration in-process gives — state, inverse, sentences, logs, and the error when it fails.
 */
import { describe, expect, it } from 'vitest';
import { defineMigration } from '../../../server/migrate/api.ts';
import { applyMigration, revertMigration } from '../../../server/migrate/apply.ts';
import type { FunctionMigrationSpec, MigrationContext } from '../../../server/migrate/migration.ts';
import { replay, traceRun } from '../../../server/migrate/supervise/trace.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

/** What applyMigration gives (or throws) for a migration. */
const outcome = (m: FunctionMigrationSpec, viaReplay: boolean) => {
  const s = tinyState();
  const h0 = hashOf(s);
  let migration = m;
  if (viaReplay) {
    // As the worker does: up on its own copy, then down on the result, each recorded.
    const copy = tinyState();
    const up = traceRun((c) => m.up(c), copy, CTX, 'up');
    const down = up.ok && m.down ? traceRun((c) => m.down!(c), copy, CTX, 'down') : undefined;
    migration = {
      description: m.description,
      up: (c: MigrationContext) => replay(c, up.steps),
      ...(m.down ? { down: (c: MigrationContext) => replay(c, down!.steps) } : {}),
    };
  }
  try {
    const r = applyMigration(s, defineMigration(migration), CTX);
    const after = hashOf(s);
    revertMigration(s, JSON.parse(JSON.stringify(r.inverse)));
    return { after, restored: hashOf(s) === h0, inverse: r.inverse, sentences: r.sentences, logs: r.logs };
  } catch (e) {
    return { error: (e as Error).message, details: (e as { details?: unknown }).details, unchanged: hashOf(s) === h0 };
  }
};

const CASES: Array<{ name: string; m: FunctionMigrationSpec }> = [
  {
    name: 'operations, direct configuration changes, issue edits and log lines, with a down',
    m: {
      description: 'mixed',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Open', to: 'New' });
        ctx.config.tracker.title = 'Renamed tracker';
        for (const i of ctx.issues) if (i.customFields.customfield_10010 === 'opt-sev-1') ctx.editIssue(i.key, (d) => void d.labels.push('critical'));
        ctx.op.addStatus({ name: 'Parked', category: 'todo' });
        ctx.log('done');
      },
      down(ctx) {
        ctx.op.removeStatus({ status: 'Parked' });
        for (const i of ctx.issues)
          if (i.labels.includes('critical')) ctx.editIssue(i.key, (d) => void (d.labels = d.labels.filter((l) => l !== 'critical')));
        ctx.config.tracker.title = 'Tiny Tracker';
        ctx.op.renameStatus({ from: 'New', to: 'Open' });
      },
    },
  },
  {
    name: 'an edit that deletes a key and one that edits the same issue twice',
    m: {
      description: 'edits',
      up(ctx) {
        const first = ctx.issues[0]!;
        ctx.editIssue(first.key, (d) => {
          d.summary = 'one';
        });
        ctx.editIssue(first.id, (d) => {
          d.summary = 'two';
          delete (d as { description?: unknown }).description;
        });
      },
    },
  },
  {
    name: 'an operation that fails and is caught by the code',
    m: {
      description: 'caught',
      up(ctx) {
        try {
          ctx.op.renameStatus({ from: 'No such status', to: 'X' });
        } catch {
          ctx.log('caught');
        }
        ctx.config.tracker.title = 'after the catch';
      },
    },
  },
  {
    name: 'an up that throws half way',
    m: {
      description: 'throws',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Open', to: 'New' });
        ctx.config.tracker.title = 'half';
        throw new Error('stop here');
      },
    },
  },
  {
    name: 'an operation whose precondition fails (its candidates in the message)',
    m: {
      description: 'bad op',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Opne', to: 'New' });
      },
    },
  },
  {
    name: 'a down that does not undo up (the proof fails)',
    m: {
      description: 'bad down',
      up(ctx) {
        ctx.config.tracker.title = 'up';
      },
      down(ctx) {
        ctx.config.tracker.title = 'not what it was';
      },
    },
  },
  {
    name: 'an up that returns a promise',
    m: {
      description: 'async',
      up: (async () => {}) as unknown as FunctionMigrationSpec['up'],
    },
  },
];

describe('supervised functions form: a recorded run replayed equals the run in-process', () => {
  for (const { name, m } of CASES) {
    it(name, () => {
      const direct = outcome(m, false);
      const replayed = outcome(m, true);
      expect(replayed).toEqual(direct);
    });
  }

  it('the cases are not vacuous: some apply, some fail', () => {
    const results = CASES.map(({ m }) => outcome(m, false));
    expect(results.filter((r) => 'after' in r).length).toBeGreaterThan(1);
    expect(results.filter((r) => 'error' in r).length).toBeGreaterThan(1);
  });
});
