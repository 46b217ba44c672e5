/**
 * Reads the project's settings, `understudy.config.json`: a missing file means every default; bad
 * JSON or a bad setting is a UserError (exit 2) naming the file, where in it, the value, what was
 * expected and the fix.
 */
import { resolve } from 'node:path';
import { UserError } from '../common/errors.ts';
import { fsWords, isFsError } from '../common/fs-errors.ts';
import { readRegularFile } from '../common/read-regular.ts';
import { checkSettings } from './check.ts';
import { jsonErrorOffset, lineColumn } from './json-position.ts';
import { SETTINGS_FILE, SETTINGS_SCHEMA_FILE, withDefaults, type Settings, type SettingsFile } from './schema.ts';

export { DEFAULT_SETTINGS, SETTINGS_FILE, type Settings } from './schema.ts';

export interface LoadSettingsOptions {
  /** The project root; default process.cwd(). */
  cwd?: string;
  /** The settings file, relative to cwd; default `understudy.config.json`. When given, it must exist. */
  file?: string;
}

const SCHEMA_HINT = `every setting is optional; ${SETTINGS_SCHEMA_FILE} describes them all (set "$schema": "./${SETTINGS_SCHEMA_FILE}" for editor help)`;

/** Node's JSON.parse message without the offset or the echoed text, which the message gives better. */
const reason = (e: unknown): string =>
  (e as Error).message.replace(/ in JSON at position \d+.*$/s, '').replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');

const parseJson = (text: string, file: string): unknown => {
  try {
    return JSON.parse(text);
  } catch (e) {
    const { line, column } = lineColumn(text, jsonErrorOffset(text) ?? 0);
    const src = text.split('\n')[line - 1]?.replace(/\r$/, '') ?? '';
    throw new UserError(`${file}:${line}:${column}: not valid JSON (${reason(e)})`, {
      cause: e,
      details: [
        `${line} | ${src}`,
        `${' '.repeat(String(line).length)} | ${' '.repeat(Math.max(0, column - 1))}^`,
        `fix the JSON there (a trailing comma, a missing comma or an unquoted key is the usual cause), or delete ${file} to use every default`,
      ],
    });
  }
};

/** Parses and checks the text of a settings file; `file` is how messages name it. Pure. */
export const parseSettings = (text: string, file: string = SETTINGS_FILE): Settings => {
  const data = parseJson(text.replace(/^\uFEFF/, ''), file);
  const problems = checkSettings(data);
  if (problems.length === 0) return withDefaults(data as SettingsFile);
  const line = (p: (typeof problems)[number]) => `${p.path || '(root)'}: ${p.message}`;
  if (problems.length === 1) {
    const p = problems[0]!;
    throw new UserError(`${file}: ${line(p)}`, { details: [`fix: ${p.fix}`, SCHEMA_HINT] });
  }
  throw new UserError(`${file}: ${problems.length} invalid settings`, {
    details: [...problems.map((p) => `${line(p)}; fix: ${p.fix}`), SCHEMA_HINT],
  });
};

/** The project's settings with every default filled in. */
export const loadSettings = async (opts: LoadSettingsOptions = {}): Promise<Settings> => {
  const cwd = opts.cwd ?? process.cwd();
  const file = opts.file ?? SETTINGS_FILE;
  let text: string;
  try {
    // A FIFO named like the settings file is refused, not waited on.
    text = await readRegularFile(resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && opts.file === undefined) return withDefaults({});
    throw new UserError(
      code === 'ENOENT'
        ? `${file}: settings file not found in ${cwd}`
        : `${file}: cannot read the settings file: ${isFsError(e) ? fsWords(e.code).what : (code ?? (e as Error).message)}`,
      {
        cause: e,
        details: [
          code === 'ENOENT'
            ? 'check the path, or leave it out to use understudy.config.json at the project root (or every default)'
            : 'make it a readable file, or delete it to use every default',
        ],
      },
    );
  }
  return parseSettings(text, file);
};
