/**
 * Finds and loads the migrations of a folder (PRODUCT.md, "A migration is a module"): every
 * `.ts`, `.js` or `.mjs` file directly in it whose name starts with a digit, ordered by name; its
 * id is the file name without the extension. Each is imported under a URL that carries its
 * checksum, so an edited file is imported afresh in a long-running process.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../common/errors.ts';
import { checkSpec, isMigration, isOpsMigration, type Migration } from './migration.ts';
import { checkCall } from './recorded.ts';
import { syntaxError } from './syntax-line.ts';

export interface LoadedMigration {
  id: string;
  /** The file's path as found (folder joined with the name). */
  file: string;
  /** `sha256:<hex>` of the file's bytes. */
  checksum: string;
  migration: Migration;
}

const EXTENSIONS = ['.ts', '.js', '.mjs'];

/** Migration files of a folder, ordered by name; everything else is ignored. */
export const listMigrationFiles = async (dir: string): Promise<Array<{ id: string; file: string }>> => {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw new UserError(`cannot read the migrations folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, {
      details: ['pass --migrations DIR, or create the folder with npm run migrate:create -- <slug>'],
    });
  }
  const files = entries
    .filter((e) => e.isFile() && /^\d/.test(e.name) && !e.name.endsWith('.d.ts') && EXTENSIONS.includes(path.extname(e.name)))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const seen = new Map<string, string>();
  const out: Array<{ id: string; file: string }> = [];
  for (const name of files) {
    const id = name.slice(0, -path.extname(name).length);
    const other = seen.get(id);
    if (other)
      throw new UserError(`${path.join(dir, name)}: duplicate migration id '${id}' (also ${path.join(dir, other)}); rename or remove one of them`);
    seen.set(id, name);
    out.push({ id, file: path.join(dir, name) });
  }
  return out;
};

/** The line of a syntax error, from esbuild's message (`file:LINE:COL`) or the V8 stack. */
const errorLine = (e: unknown, file: string): string => {
  const text = `${(e as Error)?.message ?? ''}\n${(e as Error)?.stack ?? ''}`;
  const base = path.basename(file).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`${base}(?:\\?[^:\\s]*)?:(\\d+)(?::(\\d+))?`).exec(text);
  return m ? ` at line ${m[1]}` : '';
};

const firstLine = (e: unknown): string =>
  String((e as Error)?.message ?? e)
    .split('\n')
    .find((l) => l.trim()) ?? String(e);

export const loadMigration = async (id: string, file: string): Promise<LoadedMigration> => {
  const bytes = await readFile(file);
  const checksum = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
  const url = `${pathToFileURL(path.resolve(file)).href}?checksum=${checksum.slice(7, 23)}`;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(url)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof UserError) throw new UserError(`${file}: ${e.message}`, { details: e.details, cause: e });
    const syntax = e instanceof SyntaxError || /Transform failed|SyntaxError|Expected|Unexpected/.test(String((e as Error)?.message));
    if (syntax) {
      const where = await syntaxError(file, bytes.toString('utf8'));
      throw new UserError(`${file}: syntax error${where ? ` at line ${where.line}: ${where.message}` : `${errorLine(e, file)}: ${firstLine(e)}`}`, {
        cause: e,
      });
    }
    throw new UserError(`${file}: cannot be imported: ${firstLine(e)}`, { cause: e });
  }
  if (!('default' in mod) || mod.default === undefined) {
    throw new UserError(`${file}: no default export; end the file with: export default defineMigration({ description, ops: [...] })`);
  }
  const m = mod.default;
  if (!isMigration(m)) {
    throw new UserError(
      `${file}: the default export is not made by defineMigration; write export default defineMigration({ ... }) with defineMigration imported from 'understudy'`,
    );
  }
  try {
    checkSpec(m);
  } catch (e) {
    throw new UserError(`${file}: ${(e as Error).message}`);
  }
  if (isOpsMigration(m)) {
    const problems = m.ops.flatMap((call, i) => checkCall(call).map((p) => `op ${i + 1}: ${p}`));
    if (problems.length) throw new UserError(`${file}: ${problems[0]}`, { details: problems.slice(1) });
  }
  return { id, file, checksum, migration: m };
};

/** Loads every migration of a folder, in order. The first bad file stops the load with its error. */
export const loadMigrations = async (dir: string): Promise<LoadedMigration[]> => {
  const files = await listMigrationFiles(dir);
  const out: LoadedMigration[] = [];
  for (const f of files) out.push(await loadMigration(f.id, f.file));
  return out;
};
