import { Type, type Static } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { FIELD_TYPES } from './vocab.ts';

export const FieldOption = Closed({
  id: Id,
  value: Name,
  disabled: Type.Optional(Type.Boolean()),
  /** Child options of a cascading select. */
  children: Type.Optional(Type.Array(Closed({ id: Id, value: Name, disabled: Type.Optional(Type.Boolean()) }))),
});
export type FieldOption = Static<typeof FieldOption>;

/**
 * Where a field applies: projects (keys; empty = all projects) × issue types (ids; empty = all),
 * with the options and default value that apply there.
 */
export const FieldContext = Closed({
  id: Id,
  name: Type.Optional(Type.String()),
  projects: Type.Array(Type.String({ minLength: 1 })),
  issueTypes: Type.Array(Id),
  options: Type.Optional(Type.Array(FieldOption)),
  default: Type.Optional(Type.Unknown()),
  ...Entity,
});

export const Field = Closed({
  id: Id,
  name: Name,
  type: OneOf(FIELD_TYPES),
  custom: Type.Boolean(),
  description: Type.Optional(Type.String()),
  /** Regular expression a text value must match, where the tracker validates the format. */
  contexts: Type.Array(FieldContext),
  ...Entity,
});
