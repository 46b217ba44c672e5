import { Type } from '@sinclair/typebox';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { GLOBAL_PERMISSIONS } from './vocab.ts';

export const User = Closed({
  accountId: Id, displayName: Name, email: Type.String({ format: 'email' }), active: Type.Boolean(),
  /** Group ids this user belongs to. */
  groups: Type.Array(Id),
  timeZone: Type.Optional(Type.String()), serviceAccount: Type.Optional(Type.Boolean()),
  ...Entity,
});

export const Group = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), ...Entity });

export const ProjectRole = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), ...Entity });

export const GlobalGrant = Closed({ permission: OneOf(GLOBAL_PERMISSIONS), group: Id });
