/** Validators for Atlassian's published component schemas (compiled lazily, one Ajv). */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => void;

// A copy of shared/reference's spec, committed so that the tests run on any checkout.
const SPEC = new URL('../../../fixtures/reference/jira-platform-v3.openapi.json', import.meta.url);
const ID = 'https://understudy.local/jira-platform-v3.json';

let ajv: Ajv | undefined;
const instance = (): Ajv => {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: true, discriminator: false, validateSchema: false });
  addFormats(ajv);
  for (const f of ['int32', 'int64']) ajv.addFormat(f, { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('binary', () => true);
  const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: Record<string, Record<string, unknown>> } };
  // A known defect of the description: union wrappers (oneOf + discriminator) say
  // additionalProperties:false without properties, so every non-empty object fails. Drop that flag
  // on such wrappers only (with discriminator off, the branches still check the shape).
  for (const schema of Object.values(spec.components.schemas)) {
    if ((schema.oneOf || schema.anyOf) && !schema.properties && schema.additionalProperties === false) delete schema.additionalProperties;
  }
  ajv.addSchema({ ...spec, $id: ID }, ID);
  return ajv;
};

/** Validates `value` against components/schemas/NAME (or an array of it); returns readable errors. */
export const validateComponent = (name: string, value: unknown, array = false): string[] => {
  const a = instance();
  const ref = { $ref: `${ID}#/components/schemas/${name}` };
  const key = `${name}${array ? '[]' : ''}`;
  const validate = a.getSchema(key) ?? (a.addSchema(array ? { type: 'array', items: ref } : ref, key), a.getSchema(key)!);
  return validate(value) ? [] : (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
};
