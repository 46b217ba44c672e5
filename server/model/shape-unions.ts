/**
 * Rewrites the unions of the model's schemas (a copy of them; the shared schemas stay untouched) so
 * that ajv checks only the branch a value claims to be. A condition `{type: 'inGroup', grop: 'x'}`
 * then gets one message about `grop`, not one error per condition type.
 *
 * - A union of objects tagged by one property (`type`, `layout`) with distinct constant values
 *   becomes `oneOf` + ajv's `discriminator`: an unknown tag is one error listing the known tags.
 * - A union of such tagged objects and one untagged alternative (a condition or a nested condition
 *   tree) becomes `if (has the tag) then tagged-union else alternative`.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Flattens nested anyOf so that `Union([Condition, This])` is seen as its members. */
const flatten = (branches: unknown[]): unknown[] =>
  branches.flatMap((b) => (isObj(b) && Array.isArray(b.anyOf) && Object.keys(b).length === 1 ? flatten(b.anyOf) : [b]));

const tagOf = (branch: unknown): { prop: string; value: string }[] => {
  if (!isObj(branch) || !isObj(branch.properties) || !Array.isArray(branch.required)) return [];
  const out: { prop: string; value: string }[] = [];
  for (const [prop, s] of Object.entries(branch.properties)) {
    if (isObj(s) && typeof s.const === 'string' && (branch.required as unknown[]).includes(prop)) out.push({ prop, value: s.const });
  }
  return out;
};

/** The property that tags every branch with a distinct constant, if there is one. */
const discriminatorOf = (branches: unknown[]): string | undefined => {
  if (branches.length < 2) return undefined;
  const candidates = tagOf(branches[0]).map((t) => t.prop);
  for (const prop of candidates) {
    const values = branches.map((b) => tagOf(b).find((t) => t.prop === prop)?.value);
    if (values.every((v) => v !== undefined) && new Set(values).size === values.length) return prop;
  }
  return undefined;
};

const tagged = (branches: unknown[], prop: string): Json => ({
  type: 'object',
  discriminator: { propertyName: prop },
  required: [prop],
  oneOf: branches,
});

const rewriteUnion = (anyOf: unknown[]): Json | undefined => {
  const flat = flatten(anyOf).map(rewrite);
  const prop = discriminatorOf(flat);
  if (prop) return tagged(flat, prop);
  const withTag = flat.filter((b) => tagOf(b).length > 0);
  const rest = flat.filter((b) => tagOf(b).length === 0);
  if (rest.length === 1 && withTag.length >= 2) {
    const p = discriminatorOf(withTag);
    // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword here, not a thenable
    if (p) return { if: { type: 'object', required: [p] }, then: tagged(withTag, p), else: rest[0] };
  }
  return undefined;
};

export const rewrite = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(rewrite);
  if (!isObj(schema)) return schema;
  if (Array.isArray(schema.anyOf)) {
    const replaced = rewriteUnion(schema.anyOf);
    if (replaced) {
      const { anyOf: _dropped, ...rest } = schema;
      return { ...rewriteObject(rest), ...replaced };
    }
  }
  return rewriteObject(schema);
};

const rewriteObject = (schema: Json): Json => {
  const out: Json = {};
  for (const [k, v] of Object.entries(schema)) out[k] = k === 'const' || k === 'enum' || k === 'default' ? v : rewrite(v);
  return out;
};

/** The tags a discriminated `oneOf` accepts, for the message about an unknown one. */
export const tagsOf = (parentSchema: unknown, prop: string): string[] =>
  isObj(parentSchema) && Array.isArray(parentSchema.oneOf)
    ? parentSchema.oneOf.map((b) => tagOf(b).find((t) => t.prop === prop)?.value).filter((v): v is string => v !== undefined)
    : [];
