/**
 * `discardOnFailure`: a plan or a proof on a copy in memory skips hashing the start; a failure still
 * rolls the copy back, and says that it was not compared with a prior hash (never "restored" when
 * nothing was compared). A functions-form pair is still proven: its proof needs the start hash.
 */
import { describe, expect, it } from 'vitest';
import { defineMigration, op } from '../../../server/migrate/api.ts';
import { applyMigration } from '../../../server/migrate/apply.ts';
import { MigrationError } from '../../../server/migrate/errors.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

const caught = (f: () => unknown): MigrationError => {
  try {
    f();
  } catch (e) {
    if (e instanceof MigrationError) return e;
    throw e;
  }
  throw new Error('expected a MigrationError');
};

describe('applyMigration with discardOnFailure', () => {
  it('a failing op: rolled back, not claimed restored, and the detail says it ran in memory only', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const e = caught(() =>
      applyMigration(
        s,
        { description: 't', ops: [op.renameStatus({ from: 'Open', to: 'New' }), op.renameStatus({ from: 'Nope', to: 'X' })] },
        {
          ...CTX,
          discardOnFailure: true,
        },
      ),
    );
    expect(e.message).toMatch(/op 2 \(renameStatus\) failed/);
    expect(e.restored).toBe(false);
    expect(e.details.join('\n')).toMatch(/ran in memory only .* rolled back and is discarded/);
    expect(e.details.join('\n')).not.toMatch(/could NOT/);
    // The rollback itself still ran.
    expect(hashOf(s)).toBe(h0);
  });

  it('without it, the same failure is compared with the start and said restored', () => {
    const s = tinyState();
    const e = caught(() => applyMigration(s, { description: 't', ops: [op.renameStatus({ from: 'Nope', to: 'X' })] }, CTX));
    expect(e.restored).toBe(true);
    expect(e.details.join('\n')).toMatch(/restored to its exact prior hash/);
  });

  it('a functions-form down that does not undo up is still refused', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = defineMigration({
      description: 'pair',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Open', to: 'New' });
      },
      down() {},
    });
    const e = caught(() => applyMigration(s, m, { ...CTX, discardOnFailure: true }));
    expect(e.message).toMatch(/down\(\) does not undo up\(\)/);
    expect(e.restored).toBe(true);
    expect(hashOf(s)).toBe(h0);
  });

  it('a success gives the same inverse and state as without it', () => {
    const a = tinyState();
    const b = tinyState();
    const m = { description: 't', ops: [op.renameStatus({ from: 'Open', to: 'New' })] };
    const ra = applyMigration(a, m, CTX);
    const rb = applyMigration(b, m, { ...CTX, discardOnFailure: true });
    expect(rb.inverse).toEqual(ra.inverse);
    expect(hashOf(b)).toBe(hashOf(a));
  });
});
