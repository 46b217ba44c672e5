/** The rollback proven in memory before any browser: hashes of up, down, up again; a functions-form pair whose down forgets something fails as the engine says. */
import { describe, expect, it } from 'vitest';
import { defineMigration, MigrationError, op, type LoadedMigration } from '../../../../server/migrate/index.ts';
import { proveInMemory } from '../../../../server/rehearse/memory-proof.ts';
import { tinyContent } from '../../../helpers/tiny-snapshot.ts';

const NOW = '2026-01-01T00:00:00.000Z';
const loaded = (id: string, migration: ReturnType<typeof defineMigration>): LoadedMigration =>
  ({ id, file: `${id}.ts`, checksum: 'sha256:x', migration }) as LoadedMigration;

describe('proveInMemory', () => {
  it('an operations migration: after down is the baseline, up again is the first up; the baseline is left as it was', () => {
    const { config, issues } = tinyContent();
    const before = JSON.stringify({ config, issues });
    const p = proveInMemory(
      { config, issues },
      [loaded('20260101-000000-rename', defineMigration({ description: 'x', ops: [op.renameStatus({ from: 'Open', to: 'New' })] }))],
      NOW,
    );
    expect(p.afterUp).not.toBe(p.baseline);
    expect(p.afterDown).toBe(p.baseline);
    expect(p.afterUpAgain).toBe(p.afterUp);
    expect(p.after.config.statuses.some((s) => s.name === 'New')).toBe(true);
    // The after-down phase observes a copy taken after down: the baseline's content, not the state up again changed.
    expect(JSON.stringify(p.afterDownState)).toBe(before);
    expect(p.afterDownState).not.toBe(p.after);
    expect(JSON.stringify({ config, issues })).toBe(before);
  });

  it('no migration: every hash is the baseline', () => {
    const { config, issues } = tinyContent();
    const p = proveInMemory({ config, issues }, [], NOW);
    expect(new Set([p.afterUp, p.afterDown, p.afterUpAgain])).toEqual(new Set([p.baseline]));
  });

  it("a hand-written down that does not undo its up: the engine's MigrationError, exit 1", () => {
    const { config, issues } = tinyContent();
    const m = defineMigration({
      description: 'rename, and forget it on the way back',
      up(ctx) {
        ctx.config.statuses[0]!.name = 'Renamed';
      },
      down() {},
    });
    let err: unknown;
    try {
      proveInMemory({ config, issues }, [loaded('20260101-000000-forgetful', m)], NOW);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).exitCode).toBe(1);
    expect((err as MigrationError).migrationId).toBe('20260101-000000-forgetful');
  });
});
