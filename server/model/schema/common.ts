import { Type, type TSchema, type TObject, type TProperties, type ObjectOptions } from '../typebox.ts';

/** A closed object: unknown keys are shape errors, so a typo in a snapshot is caught. */
export const Closed = <T extends TProperties>(properties: T, options: ObjectOptions = {}): TObject<T> =>
  Type.Object(properties, { additionalProperties: false, ...options });

/** A union of string literals from an `as const` list: one runtime list, one type. */
export const OneOf = <const T extends readonly string[]>(values: T, options: { description?: string; default?: T[number] } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });

export const Id = Type.String({ minLength: 1, description: 'Stable id inside the snapshot' });
export const Name = Type.String({ minLength: 1 });
export const Timestamp = Type.String({ format: 'date-time' });
export const DateOnly = Type.String({ format: 'date' });

/** The entity's ids in the source tracker (e.g. `customfield_10010`, a numeric status id). */
export const Refs = Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
  description: 'Native ids in the source tracker, kept for round trips',
});
/** Vendor detail the model does not interpret; kept untouched so nothing is lost on a round trip. */
export const Ext = Type.Record(Type.String(), Type.Unknown(), { description: 'Uninterpreted vendor detail' });

export const Entity = { refs: Type.Optional(Refs), ext: Type.Optional(Ext) };

export const SchemaRef = Type.Optional(Type.String({ description: 'Path or URL of the JSON Schema of this file' }));

export const optional = <T extends TSchema>(schema: T) => Type.Optional(schema);
