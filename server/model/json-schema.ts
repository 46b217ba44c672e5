/**
 * Standalone JSON Schema files (draft-07) from the model's TypeBox schemas, for editors: every file
 * of a snapshot names one with `$schema`. TypeBox marks recursive schemas with a nested `$id`
 * (`ConditionTree`) and refers to it by that bare id; editors resolve such ids poorly, so each one
 * is moved into `definitions` and every reference rewritten to a JSON pointer.
 */
import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { TSchema } from './typebox.ts';
import { Config, Integration, IssuesFile, Manifest } from './schema/index.ts';

export const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

export const JSON_SCHEMAS = {
  manifest: { schema: Manifest, title: 'Understudy snapshot manifest (manifest.json)' },
  config: { schema: Config, title: 'Understudy tracker configuration (config.json)' },
  issues: { schema: IssuesFile, title: 'Understudy issues file (issues.json)' },
  integration: { schema: Integration, title: 'Understudy recorded integration (integrations/*.json)' },
} as const;
export type JsonSchemaName = keyof typeof JSON_SCHEMAS;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Converts one TypeBox schema into a standalone draft-07 document. Pure. */
export const toStandaloneJsonSchema = (schema: TSchema, title: string): Record<string, Json> => {
  // JSON round trip drops TypeBox's symbol-keyed metadata and leaves plain JSON Schema.
  const plain = JSON.parse(JSON.stringify(schema)) as Record<string, Json>;
  const definitions: Record<string, Json> = {};
  const ids = new Set<string>();
  const collect = (node: Json, isRoot: boolean): void => {
    if (Array.isArray(node)) return node.forEach((n) => collect(n, false));
    if (node === null || typeof node !== 'object') return;
    if (!isRoot && typeof node.$id === 'string') ids.add(node.$id);
    for (const v of Object.values(node)) collect(v, false);
  };
  collect(plain, true);

  // A recursive schema converted on its own: its references to itself point at the document root.
  const rootId = typeof plain.$id === 'string' ? plain.$id : undefined;
  const pointer = (id: string) => `#/definitions/${id}`;
  const rewrite = (node: Json, isRoot: boolean): Json => {
    if (Array.isArray(node)) return node.map((n) => rewrite(n, false));
    if (node === null || typeof node !== 'object') return node;
    if (!isRoot && typeof node.$id === 'string' && ids.has(node.$id)) {
      const id = node.$id;
      if (!(id in definitions)) {
        definitions[id] = {}; // reserve first: the definition may refer to itself
        const { $id: _dropped, ...rest } = node;
        definitions[id] = rewrite(rest, false);
      }
      return { $ref: pointer(id) };
    }
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && (ids.has(v) || v === rootId)) out[k] = v === rootId ? '#' : pointer(v);
      else out[k] = rewrite(v, false);
    }
    return out;
  };
  const body = rewrite(plain, true) as Record<string, Json>;
  const { $id: _rootId, ...rest } = body;
  const doc: Record<string, Json> = { $schema: DRAFT_07, title, ...rest };
  if (Object.keys(definitions).length) doc.definitions = definitions;
  return doc;
};

export const standaloneSchemas = (): Record<JsonSchemaName, Record<string, Json>> => {
  const out = {} as Record<JsonSchemaName, Record<string, Json>>;
  for (const name of Object.keys(JSON_SCHEMAS) as JsonSchemaName[])
    out[name] = toStandaloneJsonSchema(JSON_SCHEMAS[name].schema, JSON_SCHEMAS[name].title);
  return out;
};

/** Writes `<name>.schema.json` for each model file into `dir`; returns the paths written. */
export const writeJsonSchemas = async (dir: string): Promise<string[]> => {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, doc] of Object.entries(standaloneSchemas())) {
    const path = join(dir, `${name}.schema.json`);
    await writeFile(path, `${JSON.stringify(doc, null, 2)}\n`);
    written.push(path);
  }
  return written;
};
