import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Config, Integration, Issue, IssuesFile, Manifest } from './schema/index.ts';
import { isDate, isDateTime } from './date-formats.ts';
import { pointerToPath, type Problem } from './problems.ts';
import { rewrite, tagsOf } from './shape-unions.ts';
import { cachedValidator, keepableAjv } from './cached-validator.ts';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** One Ajv instance for the whole model; each validator made once, on first use (loaded from the cache when kept there). */
const ajv = addFormats(keepableAjv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true, discriminator: true }))
  .addFormat('date', { type: 'string', validate: isDate })
  .addFormat('date-time', { type: 'string', validate: isDateTime });

const SCHEMAS = { config: Config, issue: Issue, issuesFile: IssuesFile, manifest: Manifest, integration: Integration } as const;
export type SchemaName = keyof typeof SCHEMAS;

const compiled = new Map<SchemaName, ValidateFunction>();
export const validatorFor = (name: SchemaName): ValidateFunction => {
  let fn = compiled.get(name);
  if (!fn) {
    // Unions are rewritten into discriminated form on a JSON copy (see shape-unions.ts).
    fn = cachedValidator(ajv, rewrite(JSON.parse(JSON.stringify(SCHEMAS[name]))) as object);
    compiled.set(name, fn);
  }
  return fn;
};

const SHOWN = 60;

/** JSON of `v`, but never deeper than `depth` levels nor much longer than `room` characters (a hostile file may nest 100,000 deep). */
const preview = (v: unknown, depth: number, room: number): string => {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? String(v);
  const isList = Array.isArray(v);
  if (depth === 0) return isList ? '[…]' : '{…}';
  let out = isList ? '[' : '{';
  const entries: [string, unknown][] = isList ? (v as unknown[]).map((x, i) => [String(i), x]) : Object.entries(v as object);
  for (const [i, [k, x]] of entries.entries()) {
    if (out.length > room) return `${out}…`;
    out += `${i ? ',' : ''}${isList ? '' : `${JSON.stringify(k)}:`}${preview(x, depth - 1, room - out.length)}`;
  }
  return `${out}${isList ? ']' : '}'}`;
};

/** A value as it appears in a message: JSON, cut short. */
export const show = (v: unknown): string => {
  const s = preview(v, 8, SHOWN);
  return s.length > SHOWN ? `${s.slice(0, SHOWN - 3)}…` : s;
};

const describe = (e: ErrorObject): string => {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return `unknown property '${String(p.additionalProperty)}' (remove it or move it into 'ext')`;
    case 'required':
      return `missing required property '${String(p.missingProperty)}'`;
    case 'enum':
      return `${show(e.data)} is not allowed (expected one of: ${(p.allowedValues as unknown[]).join(', ')})`;
    case 'type':
      return `${show(e.data)} has the wrong type (expected ${String(p.type)})`;
    case 'pattern':
      return `${show(e.data)} does not match ${String(p.pattern)}`;
    case 'format':
      return `${show(e.data)} is not a valid ${String(p.format)}`;
    case 'const':
      return `${show(e.data)} is not allowed (expected ${show(p.allowedValue)})`;
    case 'minItems':
      return `has ${Array.isArray(e.data) ? e.data.length : 0} items (expected at least ${String(p.limit)})`;
    case 'minLength':
      return `${show(e.data)} is too short (expected at least ${String(p.limit)} characters)`;
    case 'maxLength':
      return `${show(e.data)} is too long (${typeof e.data === 'string' ? e.data.length : '?'} characters, at most ${String(p.limit)})`;
    case 'minimum':
    case 'maximum':
      return `${show(e.data)} is out of range (${e.message ?? ''})`;
    case 'discriminator': {
      const tag = String(p.tag);
      if (p.error === 'mapping')
        return `unknown ${tag} ${typeof p.tagValue === 'string' ? `'${p.tagValue}'` : show(p.tagValue)} (expected one of: ${tagsOf(e.parentSchema, tag).join(', ')})`;
      return `${tag} must be a string (expected one of: ${tagsOf(e.parentSchema, tag).join(', ')})`;
    }
    default:
      return `${e.message ?? 'is invalid'}${e.data !== undefined && typeof e.data !== 'object' ? ` (got ${show(e.data)})` : ''}`;
  }
};

const joinPath = (base: string, rest: string): string => (!base ? rest : !rest ? base : rest.startsWith('[') ? base + rest : `${base}.${rest}`);

/** The messages for one instance path: union noise dropped, alternative types merged. */
const messagesAt = (errs: ErrorObject[], hasDeeper: boolean): string[] => {
  const meaningful = errs.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && e.keyword !== 'if');
  const typeErrs = meaningful.filter((e) => e.keyword === 'type');
  const others = meaningful.filter((e) => e.keyword !== 'type');
  const wasUnion = errs.some((e) => e.keyword === 'anyOf');
  // In a union (`string | null`), a value that has one branch's type fails the other branch's type check: noise.
  if (others.length) return (wasUnion ? others : meaningful).map(describe);
  if (typeErrs.length > 1) {
    const types = [...new Set(typeErrs.map((e) => String((e.params as { type: unknown }).type)))];
    return [`${show(typeErrs[0]!.data)} has the wrong type (expected ${types.join(' or ')})`];
  }
  if (typeErrs.length === 1) return [describe(typeErrs[0]!)];
  if (hasDeeper) return [];
  const anyOf = errs.find((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  return anyOf ? [`${show(anyOf.data)} matches none of the allowed forms`] : [];
};

/**
 * Checks shape only, against the model's JSON Schemas. Every problem names the bad value; a tagged
 * union (conditions, validators, post functions) reports only the branch its tag selects.
 */
export const checkShape = (name: SchemaName, data: unknown, file: string, basePath = ''): Problem[] => {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath);
    if (list) list.push(e);
    else byPath.set(e.instancePath, [e]);
  }
  const problems: Problem[] = [];
  for (const [pointer, errs] of byPath) {
    const hasDeeper = errors.some((e) => e.instancePath.startsWith(`${pointer}/`));
    const path = joinPath(basePath, pointerToPath(pointer));
    for (const message of new Set(messagesAt(errs, hasDeeper))) problems.push({ severity: 'error', file, path, message, rule: 'shape' });
  }
  return problems;
};
