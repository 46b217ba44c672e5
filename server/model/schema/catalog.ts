import { Type } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { STATUS_CATEGORIES } from './vocab.ts';

export const Status = Closed({
  id: Id,
  name: Name,
  category: OneOf(STATUS_CATEGORIES),
  description: Type.Optional(Type.String()),
  ...Entity,
});

export const IssueType = Closed({
  id: Id,
  name: Name,
  subtask: Type.Boolean(),
  description: Type.Optional(Type.String()),
  hierarchyLevel: Type.Optional(Type.Integer({ minimum: -1, maximum: 5 })),
  ...Entity,
});

/** Priorities are shown in their configured order (highest first). */
export const Priority = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), color: Type.Optional(Type.String()), ...Entity });

export const Resolution = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), ...Entity });

export const IssueLinkType = Closed({ id: Id, name: Name, inward: Name, outward: Name, ...Entity });
