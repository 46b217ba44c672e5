/**
 * The loader, run in a tsx process as the npm scripts run it, on real files in a scratch folder laid
 * out like a project that uses Understudy (so `import { defineMigration, op } from 'understudy'`
 * resolves as it does there). One good folder and a table of bad ones.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scratchFolder } from '../../helpers/scratch.ts';

const ROOT = scratchFolder('understudy-load-');
const HEAD = `import { defineMigration, op } from 'understudy';\n`;

interface Folder {
  name: string;
  files: Record<string, string>;
  error?: RegExp;
  ids?: string[];
}

const FOLDERS: Folder[] = [
  {
    name: 'good',
    ids: ['20250101-000000-rename', '20250102-000000-fn'],
    files: {
      '20250102-000000-fn.mjs': `import { defineMigration } from 'understudy';\nexport default defineMigration({ description: 'fn', up(ctx) { ctx.log('hi'); } });\n`,
      '20250101-000000-rename.ts': `${HEAD}export default defineMigration({ description: 'rename', ops: [op.renameStatus({ from: 'Open', to: 'New' })],\n  expect: [{ check: 'transitions', status: 'Open', reason: 'renamed' }] });\n`,
      'README.md': '# not a migration',
      'template.ts': 'this is not even code (',
      'helpers.ts': 'throw new Error("never imported")',
      'types.d.ts': 'export {};',
    },
  },
  {
    name: 'syntax-ts',
    error: /1-bad\.ts: syntax error at line 3/,
    files: { '1-bad.ts': `${HEAD}const x = 1;\nexport default defineMigration({ description: 'x', ops: [ });\n` },
  },
  { name: 'syntax-mjs', error: /2-bad\.mjs: syntax error at line 3/, files: { '2-bad.mjs': `const x = 1;\nexport default {\n  a: ,\n};\n` } },
  {
    name: 'no-default',
    error: /1-x\.ts: no default export; end the file with: export default defineMigration/,
    files: { '1-x.ts': `${HEAD}export const m = defineMigration({ description: 'x', ops: [] });\n` },
  },
  {
    name: 'not-defined',
    error: /1-x\.js: the default export is not made by defineMigration/,
    files: { '1-x.js': `export default { description: 'x', ops: [] };\n` },
  },
  {
    name: 'duplicate',
    error: /duplicate migration id '1-x' \(also .*1-x\.js\)/,
    files: { '1-x.js': `export default 1;`, '1-x.ts': `export default 1;` },
  },
  {
    name: 'unknown-op',
    error: /1-x\.ts: op 2: unknown op kind 'renameStats'; did you mean 'renameStatus'/,
    files: {
      '1-x.ts': `${HEAD}export default defineMigration({ description: 'x', ops: [op.addStatus({ name: 'A', category: 'todo' }), (op as any).renameStats({ from: 'a', to: 'b' })] });\n`,
    },
  },
  {
    name: 'missing-arg',
    error: /1-x\.ts: op 1: removeStatus is missing the required argument 'status'/,
    files: {
      '1-x.ts': `${HEAD}export default defineMigration({ description: 'x', ops: [op.removeStatus({ mapTo: 'Open' } as any)] });\n`,
    },
  },
  {
    name: 'unknown-arg',
    error: /op 1: renameStatus is missing the required argument 'from'\n.*renameStatus has an unknown argument 'form'.*did you mean 'from'/,
    files: {
      '1-x.ts': `${HEAD}export default defineMigration({ description: 'x', ops: [op.renameStatus({ form: 'a', to: 'b' } as any)] });\n`,
    },
  },
  {
    name: 'define-throws',
    error: /1-x\.ts: defineMigration: description is required/,
    files: { '1-x.ts': `${HEAD}export default defineMigration({ ops: [] } as any);\n` },
  },
  { name: 'throws-on-import', error: /1-x\.ts: cannot be imported: kaboom/, files: { '1-x.ts': `throw new Error('kaboom');\nexport default 1;\n` } },
];

let results: Map<string, { ok: boolean; ids?: string[]; checksums?: string[]; sentences?: string[]; error?: string; details?: string[] }>;

beforeAll(() => {
  for (const f of FOLDERS) {
    mkdirSync(path.join(ROOT, f.name), { recursive: true });
    for (const [name, text] of Object.entries(f.files)) writeFileSync(path.join(ROOT, f.name, name), text);
  }
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'load-runner.ts'), ...FOLDERS.map((f) => path.join(ROOT, f.name))],
    { encoding: 'utf8' },
  );
  results = new Map(
    out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((r) => [path.basename(r.dir), r]),
  );
}, 60_000);

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe('loading migrations', () => {
  it('finds digit-first .ts/.js/.mjs files in name order, ignores the rest, imports from the package', () => {
    const r = results.get('good')!;
    expect(r.error).toBeUndefined();
    expect(r.ids).toEqual(['20250101-000000-rename', '20250102-000000-fn']);
    expect(r.checksums!.every((c) => /^sha256:[0-9a-f]{64}$/.test(c))).toBe(true);
    expect(r.sentences![0]).toMatch(/Rename the status 'Open' to 'New'/);
  });

  it.each(FOLDERS.filter((f) => f.error))('$name', ({ name, error }) => {
    const r = results.get(name)!;
    expect(r.ok).toBe(false);
    expect([r.error, ...(r.details ?? [])].join('\n')).toMatch(error!);
  });
});
