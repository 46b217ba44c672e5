/**
 * A table of bad migrations, each run through the real `migrate:up` on its own copy of the tiny
 * instance. Exit codes: 2 = bad input (the file cannot be loaded, or an operation's precondition,
 * `up()` or `down()` fails), 1 = a check failed (the result breaks the model's rules).
 * `down() does not undo up()` is exit 1: the migration is well-formed but its rollback proof failed.
 * Every case: a message naming the file or the migration and op position, the instance's hash
 * unchanged, and for failures that got as far as applying, a 'failed' ledger entry with the error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../../server/model/types.ts';
import { createInstance, readSnapshot } from '../../../server/store/index.ts';
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

const ID = '20250101-000000-bad';

interface Case {
  name: string;
  files: Record<string, string>;
  code: 1 | 2;
  /** Expected in stderr. */
  message: RegExp;
  /** More lines expected in stderr (candidates, how to fix). */
  details?: RegExp;
  /** 'load': refused before anything was applied (generation unchanged, no ledger entry); 'attempt': a failed entry is recorded. */
  stage: 'load' | 'attempt';
  setup?: (config: Config) => void;
}

const CASES: Case[] = [
  {
    name: 'syntax error',
    stage: 'load',
    code: 2,
    message: new RegExp(`${ID}\\.ts: syntax error at line 5`),
    files: {
      [`${ID}.ts`]: `import { defineMigration, op } from 'understudy';\n\nexport default defineMigration({\n  description: 'x',\n  ops: [ op.renameStatus({ from: 'Open', to: 'New' }) ,, ] ]\n});\n`,
    },
  },
  {
    name: 'no default export',
    stage: 'load',
    code: 2,
    message: new RegExp(`${ID}\\.ts: no default export; end the file with: export default defineMigration`),
    files: {
      [`${ID}.ts`]: `import { defineMigration, op } from 'understudy';\nexport const m = defineMigration({ description: 'x', ops: [op.renameStatus({ from: 'Open', to: 'New' })] });\n`,
    },
  },
  {
    name: 'default export not from defineMigration',
    stage: 'load',
    code: 2,
    message: new RegExp(`${ID}\\.js: the default export is not made by defineMigration`),
    files: { [`${ID}.js`]: `export default { description: 'x', ops: [{ kind: 'renameStatus', args: { from: 'Open', to: 'New' } }] };\n` },
  },
  {
    name: 'duplicate id (x.ts and x.js)',
    stage: 'load',
    code: 2,
    message: new RegExp(`${ID}\\.ts: duplicate migration id '${ID}' \\(also .*${ID}\\.js\\)`),
    files: {
      [`${ID}.ts`]: opsSource(`op.renameStatus({ from: 'Open', to: 'New' })`),
      [`${ID}.js`]: opsSource(`op.renameStatus({ from: 'Open', to: 'Newer' })`),
    },
  },
  {
    name: 'unknown op kind',
    stage: 'load',
    code: 2,
    message: new RegExp(`${ID}\\.ts: op 2: unknown op kind 'renameStats'; did you mean 'renameStatus'`),
    files: {
      [`${ID}.ts`]: opsSource(`op.addStatus({ name: 'Parked', category: 'todo' }),\n    (op as any).renameStats({ from: 'Open', to: 'New' })`),
    },
  },
  {
    name: 'unknown status name (candidates listed)',
    stage: 'attempt',
    code: 2,
    message: new RegExp(`migration ${ID}, op 1 \\(renameStatus\\) failed: from: there is no status named 'In Reveiw'; did you mean 'In Review'`),
    details: /candidates: In Review/,
    files: { [`${ID}.ts`]: opsSource(`op.renameStatus({ from: 'In Reveiw', to: 'Code Review' })`) },
  },
  {
    name: 'ambiguous name (every match listed)',
    stage: 'attempt',
    code: 2,
    setup: (c) => void c.users.push({ accountId: 'u-bob2', displayName: 'Bob Builder', email: 'bob2@tiny.example', active: true, groups: [] }),
    message: new RegExp(`migration ${ID}, op 1 \\(addGroupMember\\) failed: user: the user name 'Bob Builder' is ambiguous: 2 match`),
    details: /candidates: 'Bob Builder' \(id u-bob\), 'Bob Builder' \(id u-bob2\)/,
    files: { [`${ID}.ts`]: opsSource(`op.addGroupMember({ group: 'security-team', user: 'Bob Builder' })`) },
  },
  {
    name: 'missing mapTo where issues sit in the status (op 2, after op 1 changed the config)',
    stage: 'attempt',
    code: 2,
    message: new RegExp(`migration ${ID}, op 2 \\(removeStatus\\) failed: mapTo is required: 3 issue\\(s\\) are in status 'In Progress'`),
    details: /nothing was changed: the state was restored to its exact prior hash/,
    files: { [`${ID}.ts`]: opsSource(`op.renameStatus({ from: 'Open', to: 'New' }),\n    op.removeStatus({ status: 'In Progress' })`) },
  },
  {
    name: 'up() throws halfway, after changing config and issues',
    stage: 'attempt',
    code: 2,
    message: new RegExp(`migration ${ID} failed: up\\(\\) threw: halfway through`),
    files: {
      [`${ID}.ts`]: functionSource(
        `ctx.config.statuses[0]!.name = 'Renamed directly';\n    ctx.op.renameStatus({ from: 'Done', to: 'Finished' });\n    ctx.editIssue('ACME-1', (d) => { d.summary = 'edited'; });\n    throw new Error('halfway through');`,
      ),
    },
  },
  {
    name: 'down() throws',
    stage: 'attempt',
    code: 2,
    message: new RegExp(`migration ${ID} failed: down\\(\\) threw: cannot undo`),
    files: { [`${ID}.ts`]: functionSource(`ctx.op.renameStatus({ from: 'Done', to: 'Finished' });`, `throw new Error('cannot undo');`) },
  },
  {
    name: 'down() does not undo up()',
    stage: 'attempt',
    code: 1,
    message: new RegExp(`migration ${ID} failed: down\\(\\) does not undo up\\(\\)`),
    files: {
      [`${ID}.ts`]: functionSource(
        `ctx.op.renameStatus({ from: 'Done', to: 'Finished' });\n    ctx.editIssue('ACME-2', (d) => { d.summary = 'changed'; });`,
        `ctx.op.renameStatus({ from: 'Finished', to: 'Done' });`,
      ),
    },
  },
  {
    name: 'result breaks the model rules (a transition to a missing status)',
    stage: 'attempt',
    code: 1,
    message: new RegExp(`migration ${ID} leaves the instance invalid \\(\\d+ problems?\\); it was not applied`),
    details: /workflows.*transitions.*'999'/,
    files: { [`${ID}.ts`]: functionSource(`ctx.config.workflows[0]!.transitions[1]!.to = '999';`) },
  },
];

let root: string;
let tiny: Awaited<ReturnType<typeof readSnapshot>>;
const folders: MigrationsFolder[] = [];

beforeAll(async () => {
  root = await tempRoot();
  tiny = await readSnapshot(`${REPO}/fixtures/tiny`);
});
afterAll(async () => {
  for (const f of folders) f.remove();
  await removeTemp(root);
});

describe('bad migrations: migrate:up refuses them and leaves the instance untouched', () => {
  it.each(CASES)('$name → exit $code', async (c) => {
    const config = structuredClone(tiny.config!);
    c.setup?.(config);
    const dir = `${root}/${folders.length}`;
    (await createInstance(`${REPO}/fixtures/tiny`, dir, { snapshot: { ...tiny, config } })).close();
    const before = await diskState(dir);
    const folder = migrationsFolder(c.files);
    folders.push(folder);

    const r = await runMigrate('up', ['--instance', dir, '--migrations', folder.dir]);
    expect(r.code, output(r)).toBe(c.code);
    expect(r.stderr).toMatch(/^understudy: /);
    expect(r.stderr, output(r)).toMatch(c.message);
    if (c.details) expect(r.stderr, output(r)).toMatch(c.details);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);

    const after = await diskState(dir);
    expect(after.hash).toBe(before.hash);
    expect(after.lock).toBeUndefined();
    if (c.stage === 'load') {
      expect(after.generation).toBe(before.generation);
      expect(after.ledger).toEqual([]);
    } else {
      const e = entryOf(after, ID);
      expect(e?.state).toBe('failed');
      expect(e?.hashBefore).toBe(before.hash);
      expect(e?.hashAfter).toBeNull();
      expect(e?.inverse).toEqual([]);
      expect(e?.error).toBeTruthy();
      expect(e?.log.map((l) => l.action)).toEqual(['failed']);
      expect(Object.keys(after.captures)).toEqual([]);
    }
  });

  it('status after a failed attempt shows it pending with the error, and a fixed file then applies', async () => {
    const dir = `${root}/status`;
    (await createInstance(`${REPO}/fixtures/tiny`, dir, { snapshot: tiny })).close();
    const folder = migrationsFolder({ [`${ID}.ts`]: opsSource(`op.renameStatus({ from: 'In Reveiw', to: 'Code Review' })`) });
    folders.push(folder);
    expect((await runMigrate('up', ['--instance', dir, '--migrations', folder.dir])).code).toBe(2);
    const s = await runMigrate('status', ['--instance', dir, '--migrations', folder.dir]);
    expect(s.code, output(s)).toBe(0);
    expect(s.stdout).toMatch(new RegExp(`pending +${ID} +— failed at \\S+: .*there is no status named 'In Reveiw'`));

    folder.write(`${ID}.ts`, opsSource(`op.renameStatus({ from: 'In Review', to: 'Code Review' })`));
    const up = await runMigrate('up', ['--instance', dir, '--migrations', folder.dir]);
    expect(up.code, output(up)).toBe(0);
    const e = entryOf(await diskState(dir), ID);
    expect(e?.state).toBe('applied');
    expect(e?.log.map((l) => l.action)).toEqual(['failed', 'applied']);
  });
});
