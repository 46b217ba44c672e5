/**
 * Every operation kind, by name. `OpArgs` maps each public kind to its argument type; the `op`
 * builders of the public API are derived from it, so arguments autocomplete.
 */
import type { OpDefinition } from '../types.ts';
import * as statuses from './statuses.ts';
import * as workflows from './workflows.ts';
import * as issueTypes from './issue-types.ts';
import * as fields from './fields.ts';
import * as req from './field-requirements.ts';
import * as options from './options.ts';
import * as screens from './screens.ts';
import * as catalog from './catalog.ts';
import * as perms from './permissions.ts';
import * as fb from './filters-boards.ts';
import * as pp from './projects-people.ts';
import { replaceIssues, restoreConfig, restoreIssues } from './restore.ts';

/** Arguments of each operation a migration can use. Names are what admins see; ids work too. */
export interface OpArgs {
  /** Adds a status (in no workflow until `addWorkflowStatus`). */
  addStatus: statuses.AddStatusArgs;
  /** Renames a status; issues keep it. */
  renameStatus: statuses.RenameStatusArgs;
  /** Removes a status everywhere; its issues move to `mapTo` (required when it has issues). */
  removeStatus: statuses.RemoveStatusArgs;
  /** Moves a status to another category (todo, in-progress, done). */
  setStatusCategory: statuses.SetStatusCategoryArgs;
  /** Adds an existing status to a workflow, at a position. */
  addWorkflowStatus: workflows.AddWorkflowStatusArgs;
  /** Removes a status from one workflow; that workflow's issues in it move to `mapTo`. */
  removeWorkflowStatus: workflows.RemoveWorkflowStatusArgs;
  /** Adds a transition (directed, or global with `from: 'any'`), with rules. */
  addTransition: workflows.AddTransitionArgs;
  removeTransition: workflows.RemoveTransitionArgs;
  renameTransition: workflows.RenameTransitionArgs;
  /** Replaces a transition's conditions, validators and/or post functions (names resolved). */
  setTransitionRules: workflows.SetTransitionRulesArgs;
  /** Points an issue type of a workflow scheme at another workflow; `statusMap` moves issues whose status it lacks. */
  setWorkflow: workflows.SetWorkflowArgs;
  addIssueType: issueTypes.AddIssueTypeArgs;
  renameIssueType: issueTypes.RenameIssueTypeArgs;
  /** Removes an issue type; its issues become `mapTo`. */
  removeIssueType: issueTypes.RemoveIssueTypeArgs;
  /** Adds a custom field with one context; put it on screens with `addFieldToScreen`. */
  addField: fields.AddFieldArgs;
  renameField: fields.RenameFieldArgs;
  /** Removes a custom field; every value is captured for the rollback. */
  removeField: fields.RemoveFieldArgs;
  /** Makes a field required in scope (refused where the create screen lacks it); `backfill` fills empty values. */
  requireField: req.RequireFieldArgs;
  /** Makes a field optional in scope. */
  optionalField: req.OptionalFieldArgs;
  /** Sets or clears (null) the default of a custom field's contexts in scope. */
  setFieldDefault: fields.SetFieldDefaultArgs;
  addOption: options.AddOptionArgs;
  renameOption: options.RenameOptionArgs;
  /** Removes an option; issues holding it get `replaceWith` (required when any do). */
  removeOption: options.RemoveOptionArgs;
  addFieldToScreen: screens.AddFieldToScreenArgs;
  /** Takes a field off a screen (refused where it is required and the screen creates issues). */
  removeFieldFromScreen: screens.RemoveFieldFromScreenArgs;
  addPriority: catalog.AddPriorityArgs;
  renamePriority: catalog.RenamePriorityArgs;
  /** Removes a priority; issues with it get `mapTo`. */
  removePriority: catalog.RemovePriorityArgs;
  addResolution: catalog.AddResolutionArgs;
  renameResolution: catalog.RenameResolutionArgs;
  /** Removes a resolution; issues and post functions using it get `mapTo`. */
  removeResolution: catalog.RemoveResolutionArgs;
  /** Grants a project permission in a permission scheme (every project using it). */
  grant: perms.GrantArgs;
  /** Revokes a grant from a permission scheme. */
  revoke: perms.RevokeArgs;
  addNotification: perms.NotificationArgs;
  removeNotification: perms.NotificationArgs;
  setFilterJql: fb.SetFilterJqlArgs;
  /** Replaces a board's columns (full list, in order). */
  setBoardColumns: fb.SetBoardColumnsArgs;
  /** Adds a project with the schemes of an existing one (`like`). */
  addProject: pp.AddProjectArgs;
  archiveProject: pp.ArchiveProjectArgs;
  addGroupMember: pp.GroupMemberArgs;
  removeGroupMember: pp.GroupMemberArgs;
  /** Replaces the actors of a project role in a project. */
  setRoleActors: pp.SetRoleActorsArgs;
}

export type OpKind = keyof OpArgs;

type Registry = { [K in OpKind]: OpDefinition<OpArgs[K]> };

const PUBLIC: Registry = {
  addStatus: statuses.addStatus,
  renameStatus: statuses.renameStatus,
  removeStatus: statuses.removeStatus,
  setStatusCategory: statuses.setStatusCategory,
  addWorkflowStatus: workflows.addWorkflowStatus,
  removeWorkflowStatus: workflows.removeWorkflowStatus,
  addTransition: workflows.addTransition,
  removeTransition: workflows.removeTransition,
  renameTransition: workflows.renameTransition,
  setTransitionRules: workflows.setTransitionRules,
  setWorkflow: workflows.setWorkflow,
  addIssueType: issueTypes.addIssueType,
  renameIssueType: issueTypes.renameIssueType,
  removeIssueType: issueTypes.removeIssueType,
  addField: fields.addField,
  renameField: fields.renameField,
  removeField: fields.removeField,
  setFieldDefault: fields.setFieldDefault,
  requireField: req.requireField,
  optionalField: req.optionalField,
  addOption: options.addOption,
  renameOption: options.renameOption,
  removeOption: options.removeOption,
  addFieldToScreen: screens.addFieldToScreen,
  removeFieldFromScreen: screens.removeFieldFromScreen,
  addPriority: catalog.addPriority,
  renamePriority: catalog.renamePriority,
  removePriority: catalog.removePriority,
  addResolution: catalog.addResolution,
  renameResolution: catalog.renameResolution,
  removeResolution: catalog.removeResolution,
  grant: perms.grant,
  revoke: perms.revoke,
  addNotification: perms.addNotification,
  removeNotification: perms.removeNotification,
  setFilterJql: fb.setFilterJql,
  setBoardColumns: fb.setBoardColumns,
  addProject: pp.addProject,
  archiveProject: pp.archiveProject,
  addGroupMember: pp.addGroupMember,
  removeGroupMember: pp.removeGroupMember,
  setRoleActors: pp.setRoleActors,
};

export const PUBLIC_KINDS = Object.keys(PUBLIC) as OpKind[];

const ALL = new Map<string, OpDefinition<never>>([
  ...Object.entries(PUBLIC),
  ['restoreConfig', restoreConfig],
  ['restoreIssues', restoreIssues],
  ['replaceIssues', replaceIssues],
] as Array<[string, OpDefinition<never>]>);

/** The registry entry of a kind (public or internal), or undefined. */
export const opDefinition = (kind: string): OpDefinition<unknown> | undefined => ALL.get(kind) as OpDefinition<unknown> | undefined;

export const isPublicKind = (kind: string): kind is OpKind => Object.hasOwn(PUBLIC, kind);
