import { Type } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { BOARD_TYPES, SHARE_TYPES } from './vocab.ts';

export const FilterShare = Closed({ type: OneOf(SHARE_TYPES), value: Type.Optional(Type.String({ minLength: 1 })) });

export const SavedFilter = Closed({
  id: Id,
  name: Name,
  owner: Id,
  jql: Type.String({ minLength: 1 }),
  description: Type.Optional(Type.String()),
  shares: Type.Array(FilterShare),
  ...Entity,
});

export const BoardColumn = Closed({
  name: Name,
  statuses: Type.Array(Id),
  min: Type.Optional(Type.Integer({ minimum: 0 })),
  max: Type.Optional(Type.Integer({ minimum: 0 })),
});

export const Board = Closed({
  id: Id,
  name: Name,
  type: OneOf(BOARD_TYPES),
  filter: Id,
  project: Type.Optional(Type.String()),
  columns: Type.Array(BoardColumn),
  ...Entity,
});
