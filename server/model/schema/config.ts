import { Type, type Static } from '../typebox.ts';
import { Closed, Entity, SchemaRef } from './common.ts';
import { IssueLinkType, IssueType, Priority, Resolution, Status } from './catalog.ts';
import { Field } from './fields.ts';
import { GlobalGrant, Group, ProjectRole, User } from './people.ts';
import { Project } from './projects.ts';
import { Workflow } from './workflows.ts';
import {
  FieldConfiguration,
  FieldConfigurationScheme,
  IssueTypeScheme,
  IssueTypeScreenScheme,
  Screen,
  ScreenScheme,
  WorkflowScheme,
} from './screens.ts';
import { NotificationScheme, PermissionScheme } from './schemes.ts';
import { Board, SavedFilter } from './filters.ts';

export const TrackerInfo = Closed({
  title: Type.String(),
  flavour: Type.Optional(Type.String({ description: 'Which tracker the snapshot came from, e.g. jira' })),
  deploymentType: Type.Optional(Type.Union([Type.Literal('Cloud'), Type.Literal('Server'), Type.Literal('DataCenter')])),
  version: Type.Optional(Type.String()),
  timeZone: Type.Optional(Type.String()),
  ...Entity,
});

/**
 * The canonical configuration of a defect tracker. Lists are ordered: where the tracker shows an
 * order (priorities, options, screen fields, board columns, workflow statuses), the list order is it.
 */
export const Config = Closed({
  $schema: SchemaRef,
  tracker: TrackerInfo,
  statuses: Type.Array(Status),
  issueTypes: Type.Array(IssueType),
  priorities: Type.Array(Priority),
  resolutions: Type.Array(Resolution),
  issueLinkTypes: Type.Array(IssueLinkType),
  fields: Type.Array(Field),
  users: Type.Array(User),
  groups: Type.Array(Group),
  roles: Type.Array(ProjectRole),
  globalPermissions: Type.Array(GlobalGrant),
  projects: Type.Array(Project),
  issueTypeSchemes: Type.Array(IssueTypeScheme),
  workflows: Type.Array(Workflow),
  workflowSchemes: Type.Array(WorkflowScheme),
  screens: Type.Array(Screen),
  screenSchemes: Type.Array(ScreenScheme),
  issueTypeScreenSchemes: Type.Array(IssueTypeScreenScheme),
  fieldConfigurations: Type.Array(FieldConfiguration),
  fieldConfigurationSchemes: Type.Array(FieldConfigurationScheme),
  permissionSchemes: Type.Array(PermissionScheme),
  notificationSchemes: Type.Array(NotificationScheme),
  filters: Type.Array(SavedFilter),
  boards: Type.Array(Board),
});
export type Config = Static<typeof Config>;
