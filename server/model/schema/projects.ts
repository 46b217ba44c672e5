import { Type } from '../typebox.ts';
import { Closed, DateOnly, Entity, Id, Name, OneOf } from './common.ts';
import { PROJECT_KINDS, PROJECT_STYLES, ROLE_ACTOR_TYPES } from './vocab.ts';

export const Component = Closed({ id: Id, name: Name, description: Type.Optional(Type.String()), lead: Type.Optional(Id), ...Entity });

export const Version = Closed({
  id: Id,
  name: Name,
  released: Type.Boolean(),
  archived: Type.Boolean(),
  releaseDate: Type.Optional(DateOnly),
  description: Type.Optional(Type.String()),
  ...Entity,
});

export const RoleActor = Closed({ type: OneOf(ROLE_ACTOR_TYPES), id: Id });
export const ProjectRoleActors = Closed({ role: Id, actors: Type.Array(RoleActor) });

/** Which scheme of each kind the project uses (scheme ids). */
export const ProjectSchemes = Closed({
  issueTypeScheme: Id,
  workflowScheme: Id,
  issueTypeScreenScheme: Id,
  fieldConfigurationScheme: Id,
  permissionScheme: Id,
  notificationScheme: Id,
});

export const Project = Closed({
  id: Id,
  key: Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,9}$', description: 'Project key: upper case, 2 to 10 characters' }),
  name: Name,
  kind: OneOf(PROJECT_KINDS),
  style: Type.Optional(OneOf(PROJECT_STYLES)),
  description: Type.Optional(Type.String()),
  lead: Id,
  archived: Type.Boolean(),
  components: Type.Array(Component),
  versions: Type.Array(Version),
  roles: Type.Array(ProjectRoleActors),
  schemes: ProjectSchemes,
  /** Project entity properties (JSON values by key). */
  properties: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.Unknown())),
  ...Entity,
});
