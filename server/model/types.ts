/** Types derived from the schemas: one definition, no hand-written twins. */
import type { Static } from './typebox.ts';
import type * as S from './schema/index.ts';

export type Config = Static<typeof S.Config>;
export type Issue = Static<typeof S.Issue>;
export type Manifest = Static<typeof S.Manifest>;
export type Integration = Static<typeof S.Integration>;
export type Status = Static<typeof S.Status>;
export type IssueType = Static<typeof S.IssueType>;
export type Priority = Static<typeof S.Priority>;
export type Resolution = Static<typeof S.Resolution>;
export type IssueLinkType = Static<typeof S.IssueLinkType>;
export type Field = Static<typeof S.Field>;
export type FieldContext = Static<typeof S.FieldContext>;
export type FieldOption = Static<typeof S.FieldOption>;
export type User = Static<typeof S.User>;
export type Group = Static<typeof S.Group>;
export type ProjectRole = Static<typeof S.ProjectRole>;
export type GlobalGrant = Static<typeof S.GlobalGrant>;
export type Project = Static<typeof S.Project>;
export type Component = Static<typeof S.Component>;
export type Version = Static<typeof S.Version>;
export type RoleActor = Static<typeof S.RoleActor>;
export type Workflow = Static<typeof S.Workflow>;
export type Transition = Static<typeof S.Transition>;
export type TransitionRules = Static<typeof S.TransitionRules>;
export type Condition = S.Condition;
export type ConditionTree = S.ConditionTree;
export type Validator = S.Validator;
export type PostFunction = S.PostFunction;
export type Screen = Static<typeof S.Screen>;
export type ScreenScheme = Static<typeof S.ScreenScheme>;
export type IssueTypeScreenScheme = Static<typeof S.IssueTypeScreenScheme>;
export type FieldConfiguration = Static<typeof S.FieldConfiguration>;
export type FieldConfigurationScheme = Static<typeof S.FieldConfigurationScheme>;
export type IssueTypeScheme = Static<typeof S.IssueTypeScheme>;
export type WorkflowScheme = Static<typeof S.WorkflowScheme>;
export type PermissionScheme = Static<typeof S.PermissionScheme>;
export type PermissionGrant = Static<typeof S.PermissionGrant>;
export type PermissionHolder = Static<typeof S.PermissionHolder>;
export type NotificationScheme = Static<typeof S.NotificationScheme>;
export type NotificationRecipient = Static<typeof S.NotificationRecipient>;
export type SavedFilter = Static<typeof S.SavedFilter>;
export type Board = Static<typeof S.Board>;
export type BoardColumn = Static<typeof S.BoardColumn>;
export type Comment = Static<typeof S.Comment>;
export type HistoryEntry = Static<typeof S.HistoryEntry>;
export type ChangeItem = Static<typeof S.ChangeItem>;
export type IssueLink = Static<typeof S.IssueLink>;
export type Attachment = Static<typeof S.Attachment>;
export type Worklog = Static<typeof S.Worklog>;
export type TimeTracking = Static<typeof S.TimeTracking>;
export type RemoteLink = Static<typeof S.RemoteLink>;
export type Visibility = Static<typeof S.Visibility>;
export type Properties = Static<typeof S.Properties>;

/** A tracker's configuration and its issues: what the tracker serves, migrations change and an instance holds (all in place). */
export interface TrackerState {
  config: Config;
  issues: Issue[];
}
