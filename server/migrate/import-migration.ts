/**
 * Importing one migration file: its checksum, the module under a URL that carries it (an edited
 * file is imported afresh in a long-running process), and the checks of what it exports — the
 * errors name the file and, for a syntax error, the line. Light on purpose (no operation registry,
 * no model): the supervised worker imports files with it before anything else is loaded.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '../common/errors.ts';
import { checkSpec, isMigration, type Migration } from './migration.ts';
import { syntaxError } from './syntax-line.ts';

export interface ImportedMigration {
  id: string;
  file: string;
  /** `sha256:<hex>` of the file's bytes. */
  checksum: string;
  migration: Migration;
}

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

export const importMigration = async (id: string, file: string): Promise<ImportedMigration> => {
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
  return { id, file, checksum, migration: m };
};
