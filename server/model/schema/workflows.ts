import { Type, type Static, type TSchema } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { PROJECT_PERMISSIONS, TRANSITION_TYPES } from './vocab.ts';

const FIELD_VALUE_OPERATORS = ['=', '!=', 'empty', 'notEmpty'] as const;

export const Condition = Type.Union([
  Closed({ type: Type.Literal('permission'), permission: OneOf(PROJECT_PERMISSIONS), negate: Type.Optional(Type.Boolean()) }),
  Closed({ type: Type.Literal('inGroup'), group: Id, negate: Type.Optional(Type.Boolean()) }),
  Closed({ type: Type.Literal('inProjectRole'), role: Id, negate: Type.Optional(Type.Boolean()) }),
  Closed({ type: Type.Literal('isAssignee'), negate: Type.Optional(Type.Boolean()) }),
  Closed({ type: Type.Literal('isReporter'), negate: Type.Optional(Type.Boolean()) }),
  Closed({
    type: Type.Literal('fieldValue'),
    field: Id,
    operator: OneOf(FIELD_VALUE_OPERATORS),
    value: Type.Optional(Type.Unknown()),
    negate: Type.Optional(Type.Boolean()),
  }),
]);
export type Condition = Static<typeof Condition>;

/** A tree of conditions: all (AND) or any (OR) of its children. */
export const ConditionTree = Type.Recursive(
  (This: TSchema) =>
    Closed({
      op: OneOf(['all', 'any'] as const),
      conditions: Type.Array(Type.Union([Condition, This])),
    }),
  { $id: 'ConditionTree' },
);
export type ConditionTree = { op: 'all' | 'any'; conditions: Array<Condition | ConditionTree> };

export const Validator = Type.Union([
  Closed({ type: Type.Literal('fieldRequired'), fields: Type.Array(Id, { minItems: 1 }), message: Type.Optional(Type.String()) }),
  Closed({ type: Type.Literal('commentRequired'), message: Type.Optional(Type.String()) }),
  Closed({ type: Type.Literal('fieldMatches'), field: Id, pattern: Type.String(), message: Type.Optional(Type.String()) }),
]);
export type Validator = Static<typeof Validator>;

export const AssignTarget = OneOf(['reporter', 'currentUser', 'projectLead', 'unassigned', 'user'] as const);

export const PostFunction = Type.Union([
  Closed({ type: Type.Literal('setResolution'), resolution: Id }),
  Closed({ type: Type.Literal('clearResolution') }),
  Closed({ type: Type.Literal('assign'), to: AssignTarget, user: Type.Optional(Id) }),
  Closed({ type: Type.Literal('setField'), field: Id, value: Type.Unknown() }),
  Closed({ type: Type.Literal('addComment'), body: Type.String({ minLength: 1 }) }),
]);
export type PostFunction = Static<typeof PostFunction>;

export const TransitionRules = Closed({
  conditions: Type.Optional(ConditionTree),
  validators: Type.Array(Validator),
  postFunctions: Type.Array(PostFunction),
});

export const Transition = Closed({
  id: Id,
  name: Name,
  type: OneOf(TRANSITION_TYPES),
  /** Source statuses of a directed transition; empty for initial and global ones. */
  from: Type.Array(Id),
  to: Id,
  screen: Type.Optional(Id),
  description: Type.Optional(Type.String()),
  rules: TransitionRules,
  ...Entity,
});

export const WorkflowStatus = Closed({
  status: Id,
  /** Where the diagram draws it; purely visual. */
  layout: Type.Optional(Closed({ x: Type.Number(), y: Type.Number() })),
});

export const Workflow = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  statuses: Type.Array(WorkflowStatus),
  transitions: Type.Array(Transition),
  ...Entity,
});
