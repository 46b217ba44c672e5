/**
 * up → status → down → status through the real commands, on fixtures/tiny and fixtures/acme: the
 * ledger chains the hashes, `down` comes back to the exact recorded hash, `--steps N`, `--to ID`,
 * `down` with nothing applied, `up --to ID`, and re-applying after a revert reaches the same hashes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { output, REPO, runMigrate } from '../../helpers/migrate-cli.ts';
import {
  diskState,
  entryOf,
  functionSource,
  migrationsFolder,
  opsSource,
  removeTemp,
  tempRoot,
  type MigrationsFolder,
} from '../../helpers/migrate-fixture.ts';

const NOW = ['--now', '2026-01-01T09:00:00Z'];
const folders: MigrationsFolder[] = [];
let root: string;
beforeAll(async () => void (root = await tempRoot()));
afterAll(async () => {
  for (const f of folders) f.remove();
  await removeTemp(root);
});

const TINY: Record<string, string> = {
  '20250101-000000-rename-review.ts': opsSource(
    `op.renameStatus({ from: 'In Review', to: 'Code Review' }),\n    op.addStatus({ name: 'Parked', category: 'todo' })`,
  ),
  '20250102-000000-label-everything.ts': functionSource(
    `for (const i of ctx.issues) ctx.editIssue(i.key, (d) => { d.labels = [...d.labels, 'round-trip']; });`,
  ),
  '20250103-000000-drop-story-points.ts': opsSource(`op.removeField({ field: 'Story Points' })`),
};

// 20261102 and 20261103 are left out: on acme they leave saved filters naming the removed values
// (refused by migrate:up); shipped-set.test.ts holds that failure.
const SAMPLES = [
  '20261101-090000-add-needs-triage',
  '20261104-090000-restrict-security-browse',
  '20261105-090000-require-office-location',
  '20261106-090000-archive-old-mobile-versions',
];
const ACME = Object.fromEntries(SAMPLES.map((id) => [`${id}.ts`, readFileSync(`${REPO}/migrations/${id}.ts`, 'utf8')]));

/** Runs a command that must succeed; returns its stdout. */
const ok = async (sub: string, args: string[]): Promise<string> => {
  const r = await runMigrate(sub, args);
  expect(r.code, output(r)).toBe(0);
  return r.stdout;
};

const roundTrip = async (snapshot: string, files: Record<string, string>) => {
  const folder = migrationsFolder(files);
  folders.push(folder);
  const ids = Object.keys(files)
    .map((f) => f.replace(/\.ts$/, ''))
    .sort();
  const [first, second] = ids as [string, string];
  const last = ids[ids.length - 1]!;
  const inst = `${root}/${snapshot.replace(/\W/g, '-')}`;
  const args = ['--instance', inst, '--snapshot', snapshot, '--migrations', folder.dir, ...NOW];

  // status alone creates the instance; everything is pending.
  const status0 = await ok('status', args);
  expect(status0).toContain(`created instance ${inst} from ${snapshot}`);
  for (const id of ids) expect(status0).toMatch(new RegExp(`^pending +${id}`, 'm'));
  const h0 = (await diskState(inst)).hash;
  expect(status0).toContain(`hash ${h0}`);

  // up --to the second: exactly two applied, hashes chained in the ledger.
  await ok('up', [...args, '--to', second]);
  let s = await diskState(inst);
  expect(s.ledger.map((e) => [e.id, e.state])).toEqual([
    [first, 'applied'],
    [second, 'applied'],
  ]);
  expect(entryOf(s, first)!.hashBefore).toBe(h0);
  expect(entryOf(s, second)!.hashBefore).toBe(entryOf(s, first)!.hashAfter);
  expect(s.hash).toBe(entryOf(s, second)!.hashAfter);
  expect(new Set([h0, entryOf(s, first)!.hashAfter, s.hash]).size).toBe(3);

  const status1 = await ok('status', args);
  expect(status1).toMatch(new RegExp(`^applied +${first} +\\d{4}-\\d\\d-\\d\\dT\\S+ \\(\\d+ ms\\)`, 'm'));
  expect(status1).toMatch(new RegExp(`^pending +${last}`, 'm'));

  // up: the rest.
  await ok('up', args);
  s = await diskState(inst);
  const firstRun = Object.fromEntries(ids.map((id) => [id, entryOf(s, id)!.hashAfter]));
  expect(s.hash).toBe(firstRun[last]);
  expect(await ok('up', args)).toContain('nothing to apply');

  // down: one step, back to the hash recorded before the last one.
  const down1 = await ok('down', args);
  expect(down1).toMatch(new RegExp(`reverted ${last} in \\d+ ms; hash (\\S+) == the hash before it was applied ✓`));
  s = await diskState(inst);
  expect(s.hash).toBe(entryOf(s, last)!.hashBefore);
  expect(entryOf(s, last)!.state).toBe('reverted');

  // down --steps N: all the rest, newest first, back to the start.
  const downN = await ok('down', [...args, '--steps', String(ids.length - 1)]);
  const order = [...downN.matchAll(/reverted (\S+) in/g)].map((m) => m[1]);
  expect(order).toEqual(ids.slice(0, -1).reverse());
  s = await diskState(inst);
  expect(s.hash).toBe(h0);
  expect(s.ledger.every((e) => e.state === 'reverted' && e.inverse.length === 0)).toBe(true);
  expect(s.captures).toEqual({});

  expect(await ok('down', args)).toContain('nothing to revert: no migration is applied');
  const status2 = await ok('status', args);
  for (const id of ids) expect(status2).toMatch(new RegExp(`^pending +${id} +— reverted at `, 'm'));

  // Re-applying after a revert reaches the same hashes (the clock is frozen with --now).
  await ok('up', args);
  s = await diskState(inst);
  for (const id of ids) expect(entryOf(s, id)!.hashAfter, id).toBe(firstRun[id]);
  expect(entryOf(s, first)!.log.map((l) => l.action)).toEqual(['applied', 'reverted', 'applied']);

  // down --to the first: everything after it, and the hash is the one after the first.
  await ok('down', [...args, '--to', first]);
  s = await diskState(inst);
  expect(s.ledger.filter((e) => e.state === 'applied').map((e) => e.id)).toEqual([first]);
  expect(s.hash).toBe(firstRun[first]);
  return { inst, args, h0 };
};

describe('round trip through the commands', () => {
  it('fixtures/tiny: up --to, up, down, --steps, nothing to revert, re-apply, down --to', async () => {
    await roundTrip('fixtures/tiny', TINY);
  }, 120_000);

  it('fixtures/acme (the sample migrations that apply there): the same, then down to the start', async () => {
    const { args, h0 } = await roundTrip('fixtures/acme', ACME);
    await ok('down', args);
    expect((await diskState(args[1]!)).hash).toBe(h0);
  }, 180_000);

  it('bad --to and --steps values are exit 2 with the usage', async () => {
    const folder = migrationsFolder(TINY);
    folders.push(folder);
    const args = ['--instance', `${root}/flags`, '--snapshot', 'fixtures/tiny', '--migrations', folder.dir];
    const cases: [string, string[], RegExp][] = [
      ['up', ['--to', '20991231-000000-nope'], /--to 20991231-000000-nope: no migration with that id in the folder/],
      ['down', ['--steps', '0'], /--steps '0' is not a positive whole number/],
      ['down', ['--steps', '1', '--to', '20250101-000000-rename-review'], /give either --steps N or --to ID, not both/],
      ['down', ['--to', '20250101-000000-rename-review'], /--to 20250101-000000-rename-review: no applied migration has that id/],
      ['up', ['--bogus'], /Unknown option '--bogus'[\s\S]*usage: npm run migrate:up/],
    ];
    for (const [sub, extra, message] of cases) {
      const r = await runMigrate(sub, [...args, ...extra]);
      expect(r.code, output(r)).toBe(2);
      expect(r.stderr, output(r)).toMatch(message);
    }
  }, 60_000);
});
