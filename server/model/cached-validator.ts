/**
 * Ajv validators kept between commands. Compiling the snapshot's schemas costs about half a second
 * of CPU each time a command starts (the configuration schema alone is 0.3–0.5 s); loading the code
 * ajv generated for it costs about 20 ms. So the first command compiles and keeps ajv's standalone
 * code (https://ajv.js.org/standalone.html) in the cache directory, and later ones load it.
 *
 * A kept file is named by the sha256 of everything that shapes the code: ajv's version, its options,
 * the names and kinds of the formats, and the schema. It begins with the sha256 of its code, and it
 * is used only when that hash matches, and when the file and its folder belong to this user and
 * nobody else may write them: the file is code, and this process runs it. Anything else is a
 * miss: the schema is compiled again and the file written anew. The formats' own functions are
 * never kept: the code looks them up in this ajv instance. The cache never fails a command: a
 * folder that cannot be read or written only means compiling every time.
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, type Stats, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { _, Ajv, type Options, type ValidateFunction } from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

const require = createRequire(import.meta.url);
// ajv's standalone entry is CommonJS with a default export; under ESM interop it may arrive wrapped.
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ?? standaloneModule) as (
  ajv: Ajv,
  validate: ValidateFunction,
) => string;
const AJV_VERSION = (require('ajv/package.json') as { version: string }).version;

const SUBDIR = 'validators';
/** What the generated code asks for to reach the formats of the instance that loads it. */
const FORMATS_ID = 'understudy:formats';
const HEADER = /^\/\/ understudy validator sha256:([0-9a-f]{64})\n/;

/** `$UNDERSTUDY_CACHE_DIR`, else `$XDG_CACHE_HOME/understudy`, else `~/.cache/understudy`. */
export const defaultCacheDir = (): string =>
  process.env.UNDERSTUDY_CACHE_DIR || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'understudy');

/** The options each keepable instance was made with (data only: what the caller gave). */
const optionsOf = new WeakMap<Ajv, string>();

/** An Ajv instance whose validators can be kept: the code is kept, the formats are looked up by name. */
export const keepableAjv = (options: Options): Ajv => {
  const ajv = new Ajv({ ...options, code: { ...options.code, source: true, formats: _`require(${FORMATS_ID})` } });
  optionsOf.set(ajv, JSON.stringify(options));
  return ajv;
};

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Everything that shapes the generated code (ajv's own resolved options change as it compiles, so the caller's are used). */
const keyOf = (ajv: Ajv, options: string, schema: object): string => {
  const formats = Object.entries(ajv.formats).map(([name, f]) => [name, typeof f, typeof f === 'object' && f !== null && 'type' in f ? f.type : '']);
  return sha256(JSON.stringify({ ajv: AJV_VERSION, options, formats, schema }));
};

/** Only this user may have written it (no one else owns it or may write to it). */
const ownedAlone = (s: Stats): boolean => (process.getuid === undefined || s.uid === process.getuid()) && (s.mode & 0o022) === 0;

const load = (ajv: Ajv, path: string): ValidateFunction | undefined => {
  try {
    const file = lstatSync(path);
    if (!file.isFile() || !ownedAlone(file) || !ownedAlone(lstatSync(dirname(path)))) return undefined;
    const text = readFileSync(path, 'utf8');
    const header = HEADER.exec(text);
    const code = header ? text.slice(header[0].length) : '';
    if (!header || sha256(code) !== header[1]) return undefined;
    const module = { exports: {} as unknown };
    const requireKept = (id: string): unknown => {
      if (id === FORMATS_ID) return ajv.formats;
      if (id.startsWith('ajv/dist/runtime/')) return require(id);
      throw new Error(`a kept validator asked for '${id}'`);
    };
    new Function('require', 'module', 'exports', code)(requireKept, module, module.exports);
    return typeof module.exports === 'function' ? (module.exports as ValidateFunction) : undefined;
  } catch {
    return undefined;
  }
};

const keep = (path: string, code: string): void => {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    writeFileSync(temp, `// understudy validator sha256:${sha256(code)}\n${code}`, { mode: 0o600 });
    renameSync(temp, path);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {}
  }
};

/**
 * The validator of `schema`: loaded from the cache when a sound copy is kept there, else compiled
 * (and kept). Only an instance made by keepableAjv() keeps its validators; `cacheDir` false compiles every time.
 */
export const cachedValidator = (ajv: Ajv, schema: object, cacheDir: string | false = defaultCacheDir()): ValidateFunction => {
  const options = optionsOf.get(ajv);
  if (cacheDir === false || options === undefined) return ajv.compile(schema);
  const path = join(cacheDir, SUBDIR, `${keyOf(ajv, options, schema)}.cjs`);
  const kept = load(ajv, path);
  if (kept) return kept;
  const fresh = ajv.compile(schema);
  keep(path, standaloneCode(ajv, fresh));
  return fresh;
};
