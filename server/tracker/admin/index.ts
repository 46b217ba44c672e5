/**
 * The tracker's administration: configuration writes as Jira Cloud performs them, each one
 * configuration change through tx.ts (permissions, Jira's checks, the model's rules, audit, ids,
 * revisions), async ones as tasks. `tracker.admin.<area>.<operation>(actor, …)`; `via(source)`
 * names where the calls come from in the audit log (the REST API unless told otherwise).
 */
import type { Ctx } from '../context.ts';
import type { AuditSource } from './audit.ts';
import type { AdminEnv } from './env.ts';
import type { AdminRecords } from './records.ts';
import { statuses } from './statuses.ts';
import { workflows } from './workflows.ts';
import { workflowSchemes } from './workflow-schemes.ts';
import { fields } from './fields.ts';
import { fieldContexts } from './field-contexts.ts';
import { fieldOptions } from './field-options.ts';
import { fieldConfigurations, fieldConfigurationSchemes } from './field-configurations.ts';
import { screens } from './screens.ts';
import { issueTypeScreenSchemes, screenSchemes } from './screen-schemes.ts';
import { issueTypes, priorities, resolutions } from './catalog.ts';
import { issueTypeSchemes } from './issue-type-schemes.ts';
import { permissionSchemes } from './permission-schemes.ts';
import { notificationSchemes } from './notification-schemes.ts';
import { groups, roleActors, roles } from './people.ts';
import { filters } from './filters.ts';
import { components, versions } from './project-parts.ts';
import { audit, banner } from './banner-audit.ts';
import { boards } from './boards.ts';
import { projects } from './projects.ts';
import { bulk } from './bulk.ts';
import type { TaskRunner } from './tasks.ts';
import { tasksApi } from './tasks-api.ts';

export type { AdminRecords, AuditRecord, TaskRecord, TaskStatus, Banner, BannerChange } from './records.ts';
export { emptyRecords, normaliseRecords, markInterruptedTasks } from './records.ts';
export { TaskRunner, defaultScheduler, type Scheduler } from './tasks.ts';
export { revisionOf } from './audit.ts';
export { diffAudit, appendAudit, bumpRevisions, type AuditSource } from './audit.ts';
export type { StatusInput, StatusUpdate } from './statuses.ts';
export type { WorkflowsRequest, WorkflowInput, WorkflowStatusInput } from './workflow-input.ts';
export type { WorkflowsResult, ValidationProblem } from './workflows.ts';
export type { WorkflowVersion } from './workflow-usage.ts';
export type { SchemeFields, SchemeUpdate } from './workflow-schemes.ts';
export type { SchemeMappings, StatusMapping } from './scheme-migration.ts';
export { describedBy } from './named.ts';
export type { FieldMove } from './screens.ts';
export type { ScreensInput } from './screen-schemes.ts';
export type { ItemInput } from './field-configurations.ts';
export type { GrantInput } from './permission-schemes.ts';
export type { EventNotifications } from './notification-schemes.ts';
export { notificationId } from './notification-schemes.ts';
export type { ActorsInput } from './people.ts';
export type { FilterInput } from './filters.ts';
export type { VersionInput, ComponentInput } from './project-parts.ts';
export type { BannerInput, AuditQuery } from './banner-audit.ts';
export type { ColumnInput } from './boards.ts';
export type { ProjectCreate, ProjectUpdate } from './projects.ts';
export type { FieldEdit, BulkResult } from './bulk.ts';

type Op = (env: AdminEnv, ...args: any[]) => unknown;
type Bound<M extends Record<string, Op>> = { [K in keyof M]: M[K] extends (env: AdminEnv, ...args: infer A) => infer R ? (...args: A) => R : never };

const bind = <M extends Record<string, Op>>(env: AdminEnv, ops: M): Bound<M> =>
  Object.fromEntries(Object.entries(ops).map(([k, f]) => [k, (...args: unknown[]) => f(env, ...args)])) as Bound<M>;

export interface AdminBase {
  ctx: () => Ctx;
  records: () => AdminRecords;
  tasks: TaskRunner;
}

export const REST_SOURCE: AuditSource = { eventSource: 'REST API' };

export const createAdmin = (base: AdminBase, source: AuditSource = REST_SOURCE) => {
  const env: AdminEnv = { ctx: base.ctx, records: base.records, tasks: base.tasks, source };
  return {
    statuses: bind(env, statuses),
    workflows: bind(env, workflows),
    workflowSchemes: bind(env, workflowSchemes),
    fields: bind(env, fields),
    fieldContexts: bind(env, fieldContexts),
    fieldOptions: bind(env, fieldOptions),
    fieldConfigurations: bind(env, fieldConfigurations),
    fieldConfigurationSchemes: bind(env, fieldConfigurationSchemes),
    screens: bind(env, screens),
    screenSchemes: bind(env, screenSchemes),
    issueTypeScreenSchemes: bind(env, issueTypeScreenSchemes),
    priorities: bind(env, priorities),
    resolutions: bind(env, resolutions),
    issueTypes: bind(env, issueTypes),
    issueTypeSchemes: bind(env, issueTypeSchemes),
    permissionSchemes: bind(env, permissionSchemes),
    notificationSchemes: bind(env, notificationSchemes),
    groups: bind(env, groups),
    roles: bind(env, roles),
    roleActors: bind(env, roleActors),
    filters: bind(env, filters),
    versions: bind(env, versions),
    components: bind(env, components),
    banner: bind(env, banner),
    audit: bind(env, audit),
    boards: bind(env, boards),
    projects: bind(env, projects),
    bulk: bind(env, bulk),
    tasks: bind(env, tasksApi),
    /** The same operations, recorded in the audit log as coming from `source` (the web UI, a script). */
    via: (other: AuditSource) => createAdmin(base, other),
    records: base.records,
    holdTasks: () => base.tasks.hold(),
    releaseTasks: () => base.tasks.release(),
    tasksHeld: () => base.tasks.held,
  };
};

export type AdminApi = ReturnType<typeof createAdmin>;
