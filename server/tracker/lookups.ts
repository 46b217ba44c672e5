/**
 * Lookups the REST layer needs to turn Jira's JSON forms into model values: a field by id or name,
 * an option by id or value in the context that applies, a user by account id / e-mail / name, and
 * projects' versions and components, priorities, resolutions, statuses, issue types by id or name.
 * All case-insensitive on names; undefined when nothing matches (the caller words the error).
 */
import {
  type Component,
  type ConfigIndex,
  type Field,
  fieldContextFor,
  type FieldOption,
  type IssueType,
  type Priority,
  type Project,
  type Resolution,
  type Status,
  type Version,
} from '../model/index.ts';

const same = (a: string, b: string) => a.toLowerCase() === b.trim().toLowerCase();

const byIdOrName = <T extends { id: string; name: string }>(list: readonly T[], ref: string): T | undefined =>
  list.find((x) => x.id === ref) ?? list.find((x) => same(x.name, ref));

export const fieldByRef = (ix: ConfigIndex, ref: string): Field | undefined => ix.field(ref);

/** An option (or, with `parentId`, a child option) of the context applying to project × issue type. */
export const optionByRef = (
  ix: ConfigIndex,
  fieldId: string,
  projectKey: string,
  issueTypeId: string,
  ref: { id?: string; value?: string },
  parentId?: string,
): FieldOption | Omit<FieldOption, 'children'> | undefined => {
  const field = ix.fields.get(fieldId);
  const ctx = field ? fieldContextFor(field, projectKey, issueTypeId) : undefined;
  let options: ReadonlyArray<Omit<FieldOption, 'children'>> = ctx?.options ?? [];
  if (parentId !== undefined) options = ctx?.options?.find((o) => o.id === parentId)?.children ?? [];
  if (ref.id !== undefined) return options.find((o) => o.id === String(ref.id));
  if (ref.value !== undefined) return options.find((o) => same(o.value, ref.value!));
  return undefined;
};

export const userByRef = (ix: ConfigIndex, ref: string) => ix.user(ref);
export const groupByRef = (ix: ConfigIndex, ref: string) => ix.group(ref);
export const versionByRef = (project: Project, ref: string): Version | undefined => byIdOrName(project.versions, ref);
export const componentByRef = (project: Project, ref: string): Component | undefined => byIdOrName(project.components, ref);
export const priorityByRef = (ix: ConfigIndex, ref: string): Priority | undefined => byIdOrName(ix.config.priorities, ref);
export const resolutionByRef = (ix: ConfigIndex, ref: string): Resolution | undefined => byIdOrName(ix.config.resolutions, ref);
export const statusByRef = (ix: ConfigIndex, ref: string): Status | undefined => byIdOrName(ix.config.statuses, ref);
export const issueTypeByRef = (ix: ConfigIndex, ref: string): IssueType | undefined => byIdOrName(ix.config.issueTypes, ref);
