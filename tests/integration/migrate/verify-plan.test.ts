/**
 * migrate:verify and migrate:plan agree with migrate:up: what up refuses, they report (exit 1), and
 * neither ever writes the instance. Then the shipped change set on the bundled snapshot: it must
 * plan, verify, apply and revert green (PRODUCT.md: "every shipped migration rehearses green").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { output, runMigrate } from '../../helpers/migrate-cli.ts';
import {
  diskState,
  functionSource,
  makeInstance,
  migrationsFolder,
  opsSource,
  removeTemp,
  tempRoot,
  type MigrationsFolder,
} from '../../helpers/migrate-fixture.ts';

const folders: MigrationsFolder[] = [];
let root: string;
beforeAll(async () => void (root = await tempRoot()));
afterAll(async () => {
  for (const f of folders) f.remove();
  await removeTemp(root);
});

const GOOD = opsSource(`op.renameStatus({ from: 'In Review', to: 'Code Review' })`);
const INVALID = functionSource(`ctx.config.workflows[0]!.transitions[1]!.to = '999';`);
const NOT_UNDONE = functionSource(`ctx.op.renameStatus({ from: 'Done', to: 'Finished' });`, `ctx.log('forgot to undo');`);

const CASES: { name: string; files: Record<string, string>; code: 0 | 1; verify: RegExp; plan: RegExp }[] = [
  {
    name: 'a good migration',
    code: 0,
    files: { '1-good.ts': GOOD },
    verify: /^ok +1-good: up \d+ ms, down \d+ ms; down == start, up again == first up$/m,
    plan: /^1-good — test migration\n {2}• Rename the status 'In Review'/m,
  },
  {
    name: 'a result the rules refuse (after a good one)',
    code: 1,
    files: { '1-good.ts': GOOD, '2-invalid.ts': INVALID },
    verify: /^ok +1-good[\s\S]*^FAILED +2-invalid: leaves the instance invalid \(\d+ problems?; migrate:up refuses it\): config\.json: workflows/m,
    plan: /^2-invalid — [^\n]*\n {2}CANNOT APPLY: leaves the instance invalid/m,
  },
  {
    name: 'a down() that does not undo up()',
    code: 1,
    files: { '1-not-undone.ts': NOT_UNDONE },
    verify: /^FAILED +1-not-undone: migration 1-not-undone failed: down\(\) does not undo up\(\)/m,
    plan: /^1-not-undone — /m,
  },
];

describe('verify and plan never write, and agree with up', () => {
  it.each(CASES)(
    '$name',
    async (c) => {
      const folder = migrationsFolder(c.files);
      folders.push(folder);
      const inst = await makeInstance('fixtures/tiny', `${root}/${folders.length}`);
      const before = await diskState(inst);
      const args = ['--instance', inst, '--migrations', folder.dir];
      const v = await runMigrate('verify', args);
      expect(v.code, output(v)).toBe(c.code);
      expect(v.stdout, output(v)).toMatch(c.verify);
      const p = await runMigrate('plan', args);
      expect(p.stdout, output(p)).toMatch(c.plan);
      const after = await diskState(inst);
      expect([after.hash, after.generation, after.ledger]).toEqual([before.hash, before.generation, []]);
      // up gives the same verdict: 0 when verify passed, non-zero when it did not.
      const up = await runMigrate('up', args);
      expect(up.code === 0, output(up)).toBe(c.code === 0);
    },
    60_000,
  );
});

describe('the shipped change set on fixtures/acme', () => {
  it('verifies, applies and reverts to the exact starting hash', async () => {
    const args = ['--instance', `${root}/acme`, '--snapshot', 'fixtures/acme', '--migrations', 'migrations', '--now', '2026-11-01T09:00:00Z'];
    const v = await runMigrate('verify', args);
    expect(v.code, output(v)).toBe(0);
    const h0 = (await diskState(`${root}/acme`)).hash;
    const up = await runMigrate('up', args);
    expect(up.code, output(up)).toBe(0);
    const down = await runMigrate('down', [...args, '--steps', '99']);
    expect(down.code, output(down)).toBe(0);
    expect((await diskState(`${root}/acme`)).hash).toBe(h0);
  }, 120_000);
});
