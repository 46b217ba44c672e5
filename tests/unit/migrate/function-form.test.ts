/** The functions form: a journal captures ctx.op calls, direct config changes and editIssue; down is proven by hash. */
import { describe, expect, it } from 'vitest';
import { applyMigration, revertMigration } from '../../../server/migrate/apply.ts';
import { defineMigration } from '../../../server/migrate/api.ts';
import { MigrationError } from '../../../server/migrate/errors.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

const upEdits = defineMigration({
  description: 'Copy Severity into a new label and rename a status',
  up(ctx) {
    ctx.op.renameStatus({ from: 'Open', to: 'New' });
    ctx.config.tracker.title = 'Renamed tracker';
    for (const i of ctx.issues) {
      if (i.customFields.customfield_10010 === 'opt-sev-1') ctx.editIssue(i.key, (d) => void d.labels.push('critical'));
    }
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
});

describe('functions form', () => {
  it('applies, proves down, and its recorded inverse restores the exact start (twice)', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const r = applyMigration(s, upEdits, CTX);
    expect(s.config.statuses[0]!.name).toBe('New');
    expect(s.issues.find((i) => i.key === 'ACME-1')!.labels).toContain('critical');
    expect(r.logs).toEqual(['done']);
    expect(r.sentences.join('\n')).toMatch(/Rename the status 'Open'.*\n.*Changed the configuration directly.*\n.*Edited 1 issue/);
    const h1 = hashOf(s);
    revertMigration(s, JSON.parse(JSON.stringify(r.inverse)));
    expect(hashOf(s)).toBe(h0);
    const again = applyMigration(s, upEdits, CTX);
    expect(hashOf(s)).toBe(h1);
    revertMigration(s, again.inverse);
    expect(hashOf(s)).toBe(h0);
  });

  it('refuses a direct write to an issue and restores the state', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = defineMigration({
      description: 'bad',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Open', to: 'New' });
        (ctx.issues[0] as { summary: string }).summary = 'x';
      },
    });
    expect(() => applyMigration(s, m, CTX)).toThrow(/wrote to an issue directly.*ctx\.editIssue/);
    expect(hashOf(s)).toBe(h0);
  });

  it('an up that throws halfway leaves the state exactly as it was', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = defineMigration({
      description: 'half',
      up(ctx) {
        ctx.op.removeField({ field: 'Platforms' });
        ctx.editIssue('ACME-2', (d) => void (d.summary = 'changed'));
        ctx.config.statuses.pop();
        throw new Error('boom');
      },
    });
    let err: unknown;
    try {
      applyMigration(s, m, CTX);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).message).toMatch(/migration 20250101-000000-test failed: up\(\) threw: boom/);
    expect((err as MigrationError).restored).toBe(true);
    expect(hashOf(s)).toBe(h0);
  });

  it.each([
    { name: 'a down that does not undo up', down: () => {}, message: /down\(\) does not undo up\(\)/ },
    {
      name: 'a down that throws',
      down: () => {
        throw new Error('nope');
      },
      message: /down\(\) threw: nope/,
    },
  ])('$name is refused and the state restored', ({ down, message }) => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = defineMigration({
      description: 'pair',
      up(ctx) {
        ctx.op.renameStatus({ from: 'Open', to: 'New' });
      },
      down,
    });
    expect(() => applyMigration(s, m, CTX)).toThrow(message);
    expect(hashOf(s)).toBe(h0);
  });

  it('refuses an async up', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = defineMigration({ description: 'async', up: (async () => {}) as unknown as () => void });
    expect(() => applyMigration(s, m, CTX)).toThrow(/must be synchronous/);
    expect(hashOf(s)).toBe(h0);
  });
});

describe('defineMigration shape', () => {
  it.each([
    { spec: { ops: [] }, message: /description is required/ },
    { spec: { description: 'x' }, message: /either ops/ },
    { spec: { description: 'x', ops: [], up() {} }, message: /not both/ },
    { spec: { description: 'x', ops: [], irreversible: { reason: 'r' } }, message: /irreversible must be \{ reason, recovery \}/ },
    { spec: { description: 'x', ops: [], expect: [{ check: 'createmeta' }] }, message: /expect\[0\]\.reason/ },
    { spec: { description: 'x', ops: [], expect: [{ check: 'createmta', reason: 'r' }] }, message: /is not a check/ },
    {
      spec: { description: 'x', ops: [], expect: [{ check: 'filters', board: 'b', reason: 'r' }] },
      message: /unknown key 'board' for check 'filters'/,
    },
  ])('$message', ({ spec, message }) => {
    expect(() => defineMigration(spec as never)).toThrow(message);
  });
});
