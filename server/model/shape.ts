import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { Config, Integration, Issue, IssuesFile, Manifest } from './schema/index.ts';
import { pointerToPath, type Problem } from './problems.ts';

// ajv-formats is CommonJS with a default export; under ESM interop it may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

/** One Ajv instance for the whole model; each validator compiled once, on first use. */
const ajv = addFormats(new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }));

const SCHEMAS = { config: Config, issue: Issue, issuesFile: IssuesFile, manifest: Manifest, integration: Integration } as const;
export type SchemaName = keyof typeof SCHEMAS;

const compiled = new Map<SchemaName, ValidateFunction>();
export const validatorFor = (name: SchemaName): ValidateFunction => {
  let fn = compiled.get(name);
  if (!fn) {
    fn = ajv.compile(SCHEMAS[name]);
    compiled.set(name, fn);
  }
  return fn;
};

const describe = (e: ErrorObject): string => {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties': return `unknown property '${String(p.additionalProperty)}' (remove it or move it into 'ext')`;
    case 'required': return `missing required property '${String(p.missingProperty)}'`;
    case 'enum': return `${JSON.stringify(e.data)} is not allowed (expected one of: ${(p.allowedValues as unknown[]).join(', ')})`;
    case 'type': return `${JSON.stringify(e.data)} has the wrong type (expected ${String(p.type)})`;
    case 'pattern': return `${JSON.stringify(e.data)} does not match ${String(p.pattern)}`;
    case 'format': return `${JSON.stringify(e.data)} is not a valid ${String(p.format)}`;
    case 'const': return `${JSON.stringify(e.data)} is not allowed (expected ${JSON.stringify(p.allowedValue)})`;
    default: return `${e.message ?? 'is invalid'}${e.data !== undefined && typeof e.data !== 'object' ? ` (got ${JSON.stringify(e.data)})` : ''}`;
  }
};

/**
 * Checks shape only. Union errors are reduced to the most telling branch so that a user sees one
 * message per bad value rather than one per union member.
 */
export const checkShape = (name: SchemaName, data: unknown, file: string, basePath = ''): Problem[] => {
  const validate = validatorFor(name);
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const problems: Problem[] = [];
  for (const [pointer, errs] of byPath) {
    // Drop the generic "must match a schema in anyOf" when more specific errors exist below it.
    const specific = errs.filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf');
    const deeper = errors.some((e) => e.instancePath.startsWith(pointer + '/'));
    const chosen = specific.length ? specific : deeper ? [] : errs;
    const seen = new Set<string>();
    for (const e of chosen) {
      const message = e.keyword === 'anyOf' ? `${JSON.stringify(e.data)?.slice(0, 80)} matches none of the allowed forms` : describe(e);
      if (seen.has(message)) continue;
      seen.add(message);
      const path = [basePath, pointerToPath(pointer)].filter(Boolean).join(pointer.startsWith('/') && /^\/\d/.test(pointer) && basePath ? '' : '.');
      problems.push({ severity: 'error', file, path, message, rule: 'shape' });
    }
  }
  return problems;
};
