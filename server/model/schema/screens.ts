import { Type } from '../typebox.ts';
import { Closed, Entity, Id, Name } from './common.ts';

export const ScreenTab = Closed({ id: Id, name: Name, fields: Type.Array(Id) });
export const Screen = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  tabs: Type.Array(ScreenTab, { minItems: 1 }),
  ...Entity,
});

/** Which screen a project shows for each operation; `default` where no specific one is set. */
export const ScreenScheme = Closed({
  id: Id,
  name: Name,
  screens: Closed({ default: Id, create: Type.Optional(Id), edit: Type.Optional(Id), view: Type.Optional(Id) }),
  ...Entity,
});

const IssueTypeMapping = <K extends string>(key: K) => Closed({ issueType: Id, [key]: Id } as { issueType: typeof Id } & Record<K, typeof Id>);

export const IssueTypeScreenScheme = Closed({
  id: Id,
  name: Name,
  default: Id,
  mappings: Type.Array(IssueTypeMapping('screenScheme')),
  ...Entity,
});

export const FieldConfigurationItem = Closed({
  field: Id,
  required: Type.Optional(Type.Boolean()),
  hidden: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String()),
});
/** Required and hidden flags per field; a field not listed is optional and visible. */
export const FieldConfiguration = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  items: Type.Array(FieldConfigurationItem),
  ...Entity,
});

export const FieldConfigurationScheme = Closed({
  id: Id,
  name: Name,
  default: Id,
  mappings: Type.Array(IssueTypeMapping('fieldConfiguration')),
  ...Entity,
});

export const IssueTypeScheme = Closed({
  id: Id,
  name: Name,
  issueTypes: Type.Array(Id, { minItems: 1 }),
  defaultIssueType: Type.Optional(Id),
  ...Entity,
});

export const WorkflowScheme = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  defaultWorkflow: Id,
  mappings: Type.Array(IssueTypeMapping('workflow')),
  ...Entity,
});
