import { Type } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { GLOBAL_PERMISSIONS } from './vocab.ts';

export const User = Closed({
  accountId: Id,
  displayName: Name,
  email: Type.String({ format: 'email' }),
  active: Type.Boolean(),
  /** Group ids this user belongs to. */
  groups: Type.Array(Id),
  timeZone: Type.Optional(Type.String()),
  serviceAccount: Type.Optional(Type.Boolean()),
  /** User entity properties (JSON values by key). */
  properties: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Unknown())),
  ...Entity,
});

export const Group = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), ...Entity });

export const ProjectRole = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), ...Entity });

export const GlobalGrant = Closed({ permission: OneOf(GLOBAL_PERMISSIONS), group: Id });
