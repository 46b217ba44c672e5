/**
 * Workflow schemes: the legacy calls (create, update while inactive, default and issue type
 * mappings, delete), the current ones (read, update with its version token and status mappings,
 * the required mappings), switching a project's scheme (always an async task) and assigning one to
 * a project without issues. Drafts are not modelled: a change to an active scheme goes through
 * `POST /workflowscheme/update` or a switch, as Jira's current API does it.
 */
import type { Project, WorkflowScheme } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { conflict, descriptionOf, nameOf, nameTaken, projectsUsing, setText } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { requireAdministrator, requireAdministrator401 } from './guard.ts';
import type { TaskRecord } from './records.ts';
import { migrateProjectIssues, requiredMappings, type Required, type SchemeMappings } from './scheme-migration.ts';
import type { Tx } from './tx.ts';
import { versionAt, type WorkflowVersion } from './workflow-usage.ts';
import { revisionOf } from './audit.ts';

export interface SchemeFields {
  name?: unknown;
  description?: unknown;
  defaultWorkflow?: string;
  mappings?: Array<{ issueType: string; workflow: string }>;
}
export interface SchemeUpdate {
  id: string;
  name: unknown;
  description: unknown;
  defaultWorkflow?: string;
  mappings: Array<{ issueType: string; workflow: string }>;
  version?: { id?: string; versionNumber?: number };
  statusMappings: SchemeMappings;
}

const TASK_KIND = 'workflow-scheme';
const ADMIN_ONLY = 'Only Jira administrators can access workflow schemes.';

export const schemeVersion = (env: AdminEnv, id: string): WorkflowVersion =>
  versionAt(`scheme:${id}`, revisionOf(env.records(), `workflowScheme:${id}`));

const schemeOr404 = (tx: Tx, id: string): WorkflowScheme => {
  const s = tx.config.workflowSchemes.find((x) => x.id === String(id));
  if (!s) throw notFound('The workflow scheme was not found.');
  return s;
};

const projectOr404 = (tx: Tx, id: string): Project => {
  const p = tx.config.projects.find((x) => x.id === String(id) || x.key === String(id));
  if (!p) throw notFound(`The project ${id} was not found.`);
  return p;
};

const checkRefs = (tx: Tx, defaultWorkflow: string | undefined, mappings: ReadonlyArray<{ issueType: string; workflow: string }>): void => {
  for (const wf of [defaultWorkflow, ...mappings.map((m) => m.workflow)]) {
    if (wf !== undefined && !tx.config.workflows.some((w) => w.id === wf)) throw badRequest([`The workflow ${wf} does not exist.`]);
  }
  for (const m of mappings)
    if (!tx.config.issueTypes.some((t) => t.id === m.issueType)) throw badRequest([`The issue type ${m.issueType} does not exist.`]);
  const types = mappings.map((m) => m.issueType);
  const twice = types.find((t, i) => types.indexOf(t) !== i);
  if (twice !== undefined) throw badRequest([`The issue type ${twice} is mapped to more than one workflow.`]);
};

/** The legacy writes change a scheme only while no project uses it (Jira would make a draft). */
const inactive = (tx: Tx, s: WorkflowScheme, updateDraftIfNeeded: boolean | undefined): void => {
  const users = projectsUsing(tx.config, 'workflowScheme', s.id);
  if (!users.length) return;
  if (updateDraftIfNeeded)
    throw badRequest([
      `The workflow scheme '${s.name}' is used by ${users.join(', ')}: Jira would change a draft of it, and the Understudy sandbox does not model workflow scheme drafts. Change it with POST /rest/api/3/workflowscheme/update, which applies at once.`,
    ]);
  throw badRequest([
    `Cannot update an active workflow scheme ('${s.name}' is used by ${users.join(', ')}) without updateDraftIfNeeded; use POST /rest/api/3/workflowscheme/update to change it at once.`,
  ]);
};

const apply = (tx: Tx, s: WorkflowScheme, f: SchemeFields): void => {
  if (f.name !== undefined) {
    const name = nameOf(f.name, 'workflow scheme');
    if (nameTaken(tx.config.workflowSchemes, name, s.id)) throw badRequest([`A workflow scheme with the name '${name}' already exists.`]);
    s.name = name;
  }
  if (f.description !== undefined) setText(s, 'description', descriptionOf(f.description, 1000));
  checkRefs(tx, f.defaultWorkflow, f.mappings ?? []);
  if (f.defaultWorkflow !== undefined) s.defaultWorkflow = f.defaultWorkflow;
  if (f.mappings !== undefined) s.mappings = f.mappings.map((m) => ({ ...m }));
};

const migrateAll = (tx: Tx, before: WorkflowScheme, after: WorkflowScheme, mappings: SchemeMappings): number => {
  let moved = 0;
  for (const p of tx.config.projects) if (p.schemes.workflowScheme === before.id) moved += migrateProjectIssues(tx, p, before, after, mappings);
  return moved;
};

const requireCurrentAdmin = (env: AdminEnv, actor: Actor): void => {
  requireAdministrator401(env.ctx(), actor);
  if (env.tasks.busy(TASK_KIND)) throw conflict('Failed to acquire lock: another workflow scheme task is running. Try again when it has finished.');
};

export const workflowSchemes = {
  list: (env: AdminEnv): readonly WorkflowScheme[] => env.ctx().state.config.workflowSchemes,
  /** For `POST /workflowscheme/read`: the schemes by id and those the projects use. */
  read: (env: AdminEnv, actor: Actor, ids: readonly string[], projects: readonly string[]): WorkflowScheme[] => {
    requireAdministrator401(env.ctx(), actor);
    const config = env.ctx().state.config;
    const wanted = new Set([
      ...ids,
      ...config.projects.filter((p) => projects.includes(p.id) || projects.includes(p.key)).map((p) => p.schemes.workflowScheme),
    ]);
    return config.workflowSchemes.filter((s) => wanted.has(s.id));
  },
  version: schemeVersion,

  create: (env: AdminEnv, actor: Actor, f: SchemeFields): WorkflowScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const name = nameOf(f.name, 'workflow scheme');
      if (nameTaken(tx.config.workflowSchemes, name)) throw badRequest([`A workflow scheme with the name '${name}' already exists.`]);
      if (f.defaultWorkflow === undefined)
        throw badRequest(['The default workflow is required: the Understudy sandbox has no system workflow (jira) to fall back on.']);
      const s: WorkflowScheme = { id: tx.nextId('workflowScheme'), name, defaultWorkflow: f.defaultWorkflow, mappings: [] };
      apply(tx, s, { ...f, name: undefined });
      tx.config.workflowSchemes.push(s);
      return s;
    });
  },

  /** `PUT /workflowscheme/{id}` and its per-part twins (default, one issue type). */
  updateLegacy: (
    env: AdminEnv,
    actor: Actor,
    id: string,
    f: SchemeFields | ((s: WorkflowScheme) => SchemeFields),
    updateDraftIfNeeded?: boolean,
  ): WorkflowScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const s = schemeOr404(tx, id);
      inactive(tx, s, updateDraftIfNeeded);
      apply(tx, s, typeof f === 'function' ? f(s) : f);
      return s;
    });
  },

  delete: (env: AdminEnv, actor: Actor, id: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = schemeOr404(tx, id);
      const users = projectsUsing(tx.config, 'workflowScheme', s.id);
      if (users.length) throw badRequest([`Cannot delete an active workflow scheme ('${s.name}' is used by ${users.join(', ')}).`]);
      tx.config.workflowSchemes = tx.config.workflowSchemes.filter((x) => x !== s);
    });
  },

  /** `POST /workflowscheme/update`: at once (200), or as a task (303) when issues must change status. */
  update: (env: AdminEnv, actor: Actor, u: SchemeUpdate): TaskRecord | undefined => {
    requireCurrentAdmin(env, actor);
    const run = (tx: Tx): number => {
      const s = schemeOr404(tx, u.id);
      const version = schemeVersion(env, s.id);
      if (!u.version || u.version.versionNumber !== version.versionNumber || (u.version.id !== undefined && u.version.id !== version.id)) {
        throw conflict('Workflow scheme version and version token must match.');
      }
      const before = structuredClone(s);
      apply(tx, s, {
        name: u.name,
        description: u.description ?? '',
        ...(u.defaultWorkflow !== undefined ? { defaultWorkflow: u.defaultWorkflow } : {}),
        mappings: u.mappings,
      });
      return migrateAll(tx, before, s, u.statusMappings);
    };
    if (dryRun(env, actor, run) === 0) {
      write(env, actor, run);
      return undefined;
    }
    return env.tasks.submit(actor, {
      kind: TASK_KIND,
      description: `Update of workflow scheme ${u.id} with status migration of its projects' issues`,
      run: () => ({ issuesMigrated: write(env, actor, run) }),
    });
  },

  /** What `POST /workflowscheme/update/mappings` answers: statuses needing a mapping, by issue type and by workflow pair. */
  requiredMappings: (
    env: AdminEnv,
    actor: Actor,
    id: string,
    defaultWorkflow: string | undefined,
    mappings: Array<{ issueType: string; workflow: string }>,
  ): Required[] => {
    requireAdministrator401(env.ctx(), actor);
    const config = env.ctx().state.config;
    const s = config.workflowSchemes.find((x) => x.id === String(id));
    if (!s) throw notFound('The workflow scheme was not found.');
    const after = { defaultWorkflow: defaultWorkflow ?? s.defaultWorkflow, mappings };
    return config.projects
      .filter((p) => p.schemes.workflowScheme === s.id)
      .flatMap((p) => requiredMappings(config, p, s, after))
      .filter((r) => r.statusIds.length);
  },

  /** `POST /workflowscheme/project/switch`: checked now, done by a task. */
  switchProject: (env: AdminEnv, actor: Actor, projectId: string, targetSchemeId: string, mappings: SchemeMappings): TaskRecord => {
    requireCurrentAdmin(env, actor);
    const run = (tx: Tx): number => {
      const project = projectOr404(tx, projectId);
      const target = schemeOr404(tx, targetSchemeId);
      const current = tx.config.workflowSchemes.find((s) => s.id === project.schemes.workflowScheme);
      const moved = current ? migrateProjectIssues(tx, project, current, target, mappings) : 0;
      project.schemes.workflowScheme = target.id;
      return moved;
    };
    dryRun(env, actor, run);
    return env.tasks.submit(actor, {
      kind: TASK_KIND,
      description: `Switch of project ${projectId} to workflow scheme ${targetSchemeId}`,
      run: () => ({ issuesMigrated: write(env, actor, run) }),
    });
  },

  /** `PUT /workflowscheme/project`: only for a project without issues. */
  assign: (env: AdminEnv, actor: Actor, projectId: string, schemeId: string): void => {
    requireAdministrator(env.ctx(), actor, 'Only Jira administrators can access workflow scheme associations.');
    write(env, actor, (tx) => {
      const project = projectOr404(tx, projectId);
      const scheme = schemeOr404(tx, schemeId);
      if (tx.issues.some((i) => i.project === project.key))
        throw badRequest([
          `The workflow scheme cannot be assigned to ${project.key}: the project has issues. Switch it with POST /rest/api/3/workflowscheme/project/switch, which migrates them.`,
        ]);
      project.schemes.workflowScheme = scheme.id;
    });
  },
};
