/**
 * Checks a parsed settings file: shape with ajv (one validator, compiled once, unions rewritten so a
 * channel is checked only against its `kind`), then the one meaning rule (channel names are unique).
 * Returns problems naming the path, the bad value, what was expected and the fix; never throws.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import { cachedValidator, editDistance, keepableAjv, pointerToPath, rewrite, tagsOf } from '../model/index.ts';
import { SettingsFile, WEBHOOK_URL_PATTERN } from './schema.ts';

export interface SettingsProblem {
  /** Path inside the file, e.g. `rehearse.workers` or `announce.channels[1].url`; '' for the root. */
  path: string;
  message: string;
  fix: string;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => {
  compiled ??= cachedValidator(
    keepableAjv({ allErrors: true, strict: false, verbose: true, discriminator: true }),
    rewrite(JSON.parse(JSON.stringify(SettingsFile))) as object,
  );
  return compiled;
};

/** A value as it appears in a message: JSON, cut short. */
export const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const join = (base: string, key: string): string => (base ? `${base}.${key}` : key);

/** What a schema accepts, in a few words (a pattern's description says it best). */
export const expectedOf = (s: unknown): string => {
  if (!isObj(s)) return 'a valid value';
  if (s.type === 'integer' || s.type === 'number') {
    const n = s.type === 'integer' ? 'a whole number' : 'a number';
    if (typeof s.minimum === 'number' && typeof s.maximum === 'number') return `${n} from ${s.minimum} to ${s.maximum}`;
    if (typeof s.exclusiveMinimum === 'number') return `${n} greater than ${s.exclusiveMinimum}`;
    return typeof s.minimum === 'number' ? `${n}, ${s.minimum} or more` : n;
  }
  if (s.type === 'boolean') return 'true or false';
  if (Array.isArray(s.enum)) return `one of: ${s.enum.join(', ')}`;
  if (s.type === 'string') return typeof s.pattern === 'string' && typeof s.description === 'string' ? s.description : 'a non-empty string';
  if (s.type === 'array') return isObj(s.items) && s.items.type === 'string' ? 'a list of non-empty strings' : 'a list of objects';
  if (Array.isArray(s.oneOf) && isObj(s.discriminator)) {
    const prop = String(s.discriminator.propertyName);
    return `an object whose ${prop} is one of: ${tagsOf(s, prop).join(', ')}`;
  }
  if (s.type === 'object' && isObj(s.properties)) return `an object with any of: ${Object.keys(s.properties).join(', ')}`;
  return 'a valid value';
};

const orDefault = (s: unknown): string =>
  isObj(s) && 'default' in s && !isObj(s.default) ? `, or remove it to use the default ${show(s.default)}` : '';

const unknownKey = (e: ErrorObject, path: string): SettingsProblem => {
  const key = String((e.params as { additionalProperty: unknown }).additionalProperty);
  const known = isObj(e.parentSchema) && isObj(e.parentSchema.properties) ? Object.keys(e.parentSchema.properties) : [];
  const near = known
    .map((k) => ({ k, d: editDistance(key, k) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(x.k.length / 3)))
    .sort((a, b) => a.d - b.d)[0];
  const value = isObj(e.data) ? e.data[key] : undefined;
  const where = path ? `in ${path}` : 'at the top level';
  return {
    path: join(path, key),
    message: `unknown setting '${key}' (value ${show(value)})${near ? `; did you mean '${near.k}'?` : ''}`,
    fix: near ? `rename it to '${near.k}'` : `remove it (known settings ${where}: ${known.join(', ')})`,
  };
};

const missing = (e: ErrorObject, path: string): SettingsProblem => {
  const prop = String((e.params as { missingProperty: unknown }).missingProperty);
  const sub = isObj(e.parentSchema) && isObj(e.parentSchema.properties) ? e.parentSchema.properties[prop] : undefined;
  const tags = tagsOf(e.parentSchema, prop);
  const expected = tags.length ? `one of: ${tags.join(', ')}` : expectedOf(sub);
  const kind = isObj(e.data) && typeof e.data.kind === 'string' ? `: a channel of kind '${e.data.kind}' needs it` : '';
  const fix = tags.length
    ? `add "${prop}" with one of: ${tags.join(', ')} ('file' needs "path", 'email' needs "folder" and "recipients", 'webhook' needs "url")`
    : `add "${prop}"${kind ? ' to this channel' : ''}`;
  return { path: join(path, prop), message: `is missing${kind} (expected ${expected})`, fix };
};

const kindProblem = (e: ErrorObject, path: string): SettingsProblem | undefined => {
  const p = e.params as { tag: string; tagValue: unknown; error: string };
  const tags = tagsOf(e.parentSchema, p.tag);
  const value = isObj(e.data) ? e.data[p.tag] : undefined;
  if (value === undefined) return undefined; // the `required` error says it
  return {
    path: join(path, p.tag),
    message: `${show(value)} is not a known ${p.tag} (expected one of: ${tags.join(', ')})`,
    fix: `set "${p.tag}" to one of: ${tags.join(', ')} ('file' needs "path", 'email' needs "folder" and "recipients", 'webhook' needs "url")`,
  };
};

const badValue = (e: ErrorObject, path: string): SettingsProblem => {
  const expected = expectedOf(e.parentSchema);
  const wanted = (e.params as { type?: unknown }).type;
  const how =
    e.keyword === 'type'
      ? wanted === 'integer' && typeof e.data === 'number'
        ? 'is not a whole number'
        : 'has the wrong type'
      : e.keyword === 'pattern' || e.keyword === 'enum'
        ? 'is not allowed'
        : e.keyword === 'minLength'
          ? 'is empty'
          : 'is out of range';
  const shown = e.keyword === 'type' && isObj(e.data) ? 'an object' : e.keyword === 'type' && Array.isArray(e.data) ? 'a list' : show(e.data);
  const fix =
    e.keyword === 'pattern' && isObj(e.parentSchema) && e.parentSchema.pattern === WEBHOOK_URL_PATTERN
      ? 'keep the URL in an environment variable (a CI secret) and set "url" to \'env:THAT_VARIABLE\''
      : `set it to ${expected}${orDefault(e.parentSchema)}`;
  return { path, message: `${shown} ${how} (expected ${expected})`, fix };
};

const describe = (e: ErrorObject): SettingsProblem | undefined => {
  const path = pointerToPath(e.instancePath);
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownKey(e, path);
    case 'required':
      return missing(e, path);
    case 'discriminator':
      return kindProblem(e, path);
    case 'oneOf':
    case 'anyOf':
    case 'if':
      return undefined; // the branch's own errors say more
    default:
      return badValue(e, path);
  }
};

const duplicateNames = (data: unknown): SettingsProblem[] => {
  const channels = isObj(data) && isObj(data.announce) && Array.isArray(data.announce.channels) ? data.announce.channels : [];
  const first = new Map<string, number>();
  const out: SettingsProblem[] = [];
  channels.forEach((c, i) => {
    const name = isObj(c) ? c.name : undefined;
    if (typeof name !== 'string') return;
    const seen = first.get(name);
    if (seen === undefined) first.set(name, i);
    else
      out.push({
        path: `announce.channels[${i}].name`,
        message: `${show(name)} is already the name of announce.channels[${seen}] (expected a unique name)`,
        fix: 'rename one of the two channels',
      });
  });
  return out;
};

/** Every problem of a parsed settings file; empty when it is valid. */
export const checkSettings = (data: unknown): SettingsProblem[] => {
  const validate = validator();
  if (!validate(data)) {
    const seen = new Set<string>();
    const out: SettingsProblem[] = [];
    for (const e of validate.errors ?? []) {
      const p = describe(e);
      const k = p && `${p.path}\u0000${p.message}`;
      if (p && !seen.has(k!)) {
        seen.add(k!);
        out.push(p);
      }
    }
    return out;
  }
  return duplicateNames(data);
};
