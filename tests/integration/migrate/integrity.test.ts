/**
 * What the ledger and the folder say about each other: an applied migration edited afterwards is
 * refused by up and status (naming it and both checksums) until re-baselined; down still reverts it
 * from the recorded inverse when the file was edited or deleted, or the folder does not load; a new
 * migration sorting before the last applied one is refused unless --out-of-order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { output, runMigrate } from '../../helpers/migrate-cli.ts';
import {
  diskState,
  entryOf,
  makeInstance,
  migrationsFolder,
  opsSource,
  removeTemp,
  tempRoot,
  type MigrationsFolder,
} from '../../helpers/migrate-fixture.ts';

const A = '20250101-000000-rename-review';
const B = '20250102-000000-drop-story-points';
const EARLY = '20250101-120000-late-arrival';
const FILES = {
  [`${A}.ts`]: opsSource(`op.renameStatus({ from: 'In Review', to: 'Code Review' })`),
  [`${B}.ts`]: opsSource(`op.removeField({ field: 'Story Points' })`),
};

const folders: MigrationsFolder[] = [];
let root: string;
beforeAll(async () => void (root = await tempRoot()));
afterAll(async () => {
  for (const f of folders) f.remove();
  await removeTemp(root);
});

/** A tiny instance with A and B applied; returns its args and the hashes before and after. */
const applied = async () => {
  const folder = migrationsFolder(FILES);
  folders.push(folder);
  const inst = await makeInstance('fixtures/tiny', `${root}/${folders.length}`);
  const h0 = (await diskState(inst)).hash;
  const args = ['--instance', inst, '--migrations', folder.dir];
  const up = await runMigrate('up', args);
  expect(up.code, output(up)).toBe(0);
  return { folder, inst, args, h0, s: await diskState(inst) };
};

describe('changed applied migrations', () => {
  it('up and status refuse an edited file naming it and both checksums; --rebaseline accepts it; down uses the recorded inverse', async () => {
    const { folder, inst, args, s } = await applied();
    const recorded = entryOf(s, B)!.checksum;
    folder.write(`${B}.ts`, opsSource(`op.removeField({ field: 'Target Date' })`));
    for (const sub of ['up', 'status']) {
      const r = await runMigrate(sub, args);
      expect(r.code, output(r)).toBe(2);
      expect(r.stderr).toMatch(/an applied migration was changed after being applied/);
      expect(r.stderr).toMatch(new RegExp(`${B}\\.ts: applied with ${recorded}, the file is now sha256:[0-9a-f]{64}`));
      expect(r.stderr).toMatch(/--rebaseline <id>/);
    }
    expect((await runMigrate('status', args)).stdout).toMatch(new RegExp(`^changed +${B} .*applied with ${recorded}, the file is now sha256:`, 'm'));
    expect((await diskState(inst)).hash).toBe(s.hash);

    const wrong = await runMigrate('up', [...args, '--rebaseline', A]);
    expect(wrong.code, output(wrong)).toBe(2);
    expect(wrong.stderr).toMatch(new RegExp(`--rebaseline ${A}: no applied migration with that id has changed`));

    const rebased = await runMigrate('up', [...args, '--rebaseline', B]);
    expect(rebased.code, output(rebased)).toBe(0);
    const after = await diskState(inst);
    expect(after.hash).toBe(s.hash);
    expect(entryOf(after, B)!.checksum).not.toBe(recorded);
    expect(entryOf(after, B)!.log.map((l) => l.action)).toEqual(['applied', 'rebaselined']);
    expect((await runMigrate('status', args)).code).toBe(0);

    // The edit would remove another field; down reverts what was applied (Story Points) from the ledger.
    folder.write(`${B}.ts`, opsSource(`op.removeField({ field: 'Root Cause' })`));
    const down = await runMigrate('down', args);
    expect(down.code, output(down)).toBe(0);
    expect(down.stdout).toMatch(new RegExp(`note: ${B}: its file was edited since it was applied; reverting from the inverse recorded then`));
    expect((await diskState(inst)).hash).toBe(entryOf(s, B)!.hashBefore);
  }, 90_000);

  it('down reverts a migration whose file was deleted, and status lists it as missing first', async () => {
    const { folder, inst, args, h0 } = await applied();
    folder.unlink(`${B}.ts`);
    const st = await runMigrate('status', args);
    expect(st.code, output(st)).toBe(0);
    expect(st.stdout).toMatch(new RegExp(`^missing +${B} .*file \\S+${B}\\.ts is gone; migrate:down can still revert it from the ledger`, 'm'));
    const down = await runMigrate('down', [...args, '--steps', '2']);
    expect(down.code, output(down)).toBe(0);
    expect(down.stdout).toMatch(new RegExp(`note: ${B}: its file \\S+ is gone; reverting from the inverse recorded when it was applied`));
    expect((await diskState(inst)).hash).toBe(h0);
  }, 60_000);

  it('down works when the folder does not load at all (a broken new file)', async () => {
    const { folder, inst, args, s } = await applied();
    folder.write('20250103-000000-broken.ts', 'export default defineMigration({ ops: [ });\n');
    expect((await runMigrate('up', args)).code).toBe(2);
    const down = await runMigrate('down', args);
    expect(down.code, output(down)).toBe(0);
    expect(down.stdout).toMatch(/note: the migrations folder cannot be loaded \(.*20250103-000000-broken\.ts: syntax error/);
    expect((await diskState(inst)).hash).toBe(entryOf(s, B)!.hashBefore);
  }, 60_000);
});

describe('out-of-order migrations', () => {
  it('a new migration sorting before the last applied one is refused unless --out-of-order', async () => {
    const { folder, inst, args, s } = await applied();
    folder.write(`${EARLY}.ts`, opsSource(`op.addStatus({ name: 'Parked', category: 'todo' })`));
    const refused = await runMigrate('up', args);
    expect(refused.code, output(refused)).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`${EARLY} sorts before the last applied migration ${B}`));
    expect(refused.stderr).toMatch(/--out-of-order/);
    expect((await diskState(inst)).generation).toBe(s.generation);
    expect((await runMigrate('status', args)).stdout).toMatch(
      new RegExp(`^pending +${EARLY} +— out of order: sorts before the last applied migration`, 'm'),
    );

    const forced = await runMigrate('up', [...args, '--out-of-order']);
    expect(forced.code, output(forced)).toBe(0);
    const after = await diskState(inst);
    expect(after.ledger.map((e) => e.id)).toEqual([A, B, EARLY]);
    // down reverts in the order applied, so the late arrival goes first.
    const down = await runMigrate('down', args);
    expect(down.stdout).toMatch(new RegExp(`reverted ${EARLY} in`));
    expect((await diskState(inst)).hash).toBe(s.hash);
  }, 60_000);
});
