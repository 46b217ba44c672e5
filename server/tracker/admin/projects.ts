/**
 * Projects: create (schemes named in the request, or — for a template — those of the first
 * project of the same type, the sandbox's stand-in for the template's own), update, archive,
 * restore, delete to the trash (the project and its issues wait in the admin records, restorable
 * exactly) or for good.
 */
import { PROJECT_KINDS, isOneOf } from '../../model/index.ts';
import type { Project } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, same, setText } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { requireAdministrator, requireProjectAdmin } from './guard.ts';
import type { TaskRecord } from './records.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'You do not have permission to create projects.';
type Schemes = Project['schemes'];
const SCHEME_LISTS: Record<
  keyof Schemes,
  'issueTypeSchemes' | 'workflowSchemes' | 'issueTypeScreenSchemes' | 'fieldConfigurationSchemes' | 'permissionSchemes' | 'notificationSchemes'
> = {
  issueTypeScheme: 'issueTypeSchemes',
  workflowScheme: 'workflowSchemes',
  issueTypeScreenScheme: 'issueTypeScreenSchemes',
  fieldConfigurationScheme: 'fieldConfigurationSchemes',
  permissionScheme: 'permissionSchemes',
  notificationScheme: 'notificationSchemes',
};

export interface ProjectCreate {
  key: unknown;
  name: unknown;
  kind?: string;
  lead?: string;
  description?: unknown;
  schemes: Partial<Schemes>;
  template?: string;
}
export interface ProjectUpdate {
  name?: unknown;
  description?: unknown;
  lead?: string;
  key?: string;
  schemes: Partial<Schemes>;
}

const projectOr404 = (tx: Tx, ref: string): Project => {
  const p = tx.config.projects.find((x) => x.key === ref || x.id === ref || x.key === ref.toUpperCase());
  if (!p) throw notFound(`No project could be found with key '${ref}'.`);
  return p;
};

const checkSchemes = (tx: Tx, schemes: Partial<Schemes>): void => {
  for (const [kind, id] of Object.entries(schemes) as Array<[keyof Schemes, string | undefined]>) {
    if (id === undefined) continue;
    if (!tx.config[SCHEME_LISTS[kind]].some((s) => s.id === String(id)))
      throw badRequest([], { [kind]: `The ${kind.replace(/([A-Z])/g, ' $1').toLowerCase()} ${id} does not exist.` });
  }
};

const lead = (tx: Tx, id: string | undefined): string => {
  if (!id) throw badRequest([], { projectLead: 'You must specify a valid project lead.' });
  const u = tx.config.users.find((x) => x.accountId === id);
  if (!u?.active) throw badRequest([], { projectLead: 'The project lead must be an active user.' });
  return u.accountId;
};

export const projects = {
  create: (env: AdminEnv, actor: Actor, input: ProjectCreate): Project => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const key = typeof input.key === 'string' ? input.key : '';
      if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(key))
        throw badRequest([], {
          projectKey: 'Project keys must start with an uppercase letter, followed by one or more uppercase alphanumeric characters (2 to 10 in all).',
        });
      if (tx.config.projects.some((p) => p.key === key) || tx.records.trash.projects.some((t) => t.project.key === key))
        throw badRequest([], { projectKey: `Project '${key}' uses this project key.` });
      const name = nameOf(input.name, 'project', 80, 'projectName');
      if (tx.config.projects.some((p) => same(p.name, name))) throw badRequest([], { projectName: 'A project with that name already exists.' });
      const kind = input.kind ?? 'software';
      if (!isOneOf(PROJECT_KINDS, kind)) throw badRequest([], { projectTypeKey: `The project type must be one of ${PROJECT_KINDS.join(', ')}.` });
      const named = Object.keys(input.schemes);
      if (input.template && named.length)
        throw badRequest([`If you specify the ${named[0]!.replace(/([A-Z])/g, ' $1').toLowerCase()} you cannot specify the project template key.`]);
      checkSchemes(tx, input.schemes);
      const like = tx.config.projects.find((p) => p.kind === kind) ?? tx.config.projects[0];
      const missing = (Object.keys(SCHEME_LISTS) as Array<keyof Schemes>).filter((k) => input.schemes[k] === undefined);
      if (missing.length && !input.template && !like) throw badRequest(['Give the schemes of the new project, or a projectTemplateKey.']);
      const schemes = Object.fromEntries(
        (Object.keys(SCHEME_LISTS) as Array<keyof Schemes>).map((k) => [k, String(input.schemes[k] ?? like!.schemes[k])]),
      ) as Schemes;
      const leadId = lead(tx, input.lead);
      const admins = tx.config.roles.find((r) => same(r.name, 'Administrators'));
      const p: Project = {
        id: tx.nextId('project'),
        key,
        name,
        kind,
        lead: leadId,
        archived: false,
        components: [],
        versions: [],
        roles: admins ? [{ role: admins.id, actors: [{ type: 'user', id: leadId }] }] : [],
        schemes,
      };
      setText(p, 'description', descriptionOf(input.description, 10000));
      tx.config.projects.push(p);
      return p;
    });
  },

  update: (env: AdminEnv, actor: Actor, ref: string, input: ProjectUpdate): Project => {
    const current = env.ctx().state.config.projects.find((x) => x.key === ref || x.id === ref);
    if (!current) throw notFound(`No project could be found with key '${ref}'.`);
    if (Object.values(input.schemes).some((v) => v !== undefined))
      requireAdministrator(env.ctx(), actor, 'Only Jira administrators can change the schemes of a project.');
    else requireProjectAdmin(env.ctx(), actor, current, 'You do not have permission to update project details.');
    return write(env, actor, (tx) => {
      const p = projectOr404(tx, ref);
      if (input.key !== undefined && input.key !== p.key)
        throw badRequest([], {
          projectKey: 'Changing a project key is not modelled by the Understudy sandbox (issue keys, filters and contexts name it).',
        });
      if (input.name !== undefined) {
        const name = nameOf(input.name, 'project', 80, 'projectName');
        if (tx.config.projects.some((x) => x !== p && same(x.name, name)))
          throw badRequest([], { projectName: 'A project with that name already exists.' });
        p.name = name;
      }
      if (input.description !== undefined) setText(p, 'description', descriptionOf(input.description, 10000));
      if (input.lead !== undefined) p.lead = lead(tx, input.lead);
      checkSchemes(tx, input.schemes);
      for (const [k, v] of Object.entries(input.schemes) as Array<[keyof Schemes, string | undefined]>) if (v !== undefined) p.schemes[k] = String(v);
      return p;
    });
  },

  archive: (env: AdminEnv, actor: Actor, ref: string): void => {
    requireAdministrator(env.ctx(), actor, 'You do not have permission to archive projects.');
    write(env, actor, (tx) => {
      const p = projectOr404(tx, ref);
      if (p.archived) throw badRequest([`The project ${p.key} is already archived.`]);
      p.archived = true;
    });
  },

  /** Restores an archived project, or one from the trash (exactly as it was, issues included). */
  restore: (env: AdminEnv, actor: Actor, ref: string): Project => {
    requireAdministrator(env.ctx(), actor, 'You do not have permission to restore projects.');
    return write(env, actor, (tx) => {
      const trashed = tx.records.trash.projects.find((t) => t.project.key === ref || t.project.id === ref);
      if (trashed) {
        tx.config.projects.splice(Math.min(trashed.position, tx.config.projects.length), 0, structuredClone(trashed.project));
        tx.addIssues(structuredClone(trashed.issues));
        tx.onCommit(() => {
          tx.records.trash.projects = tx.records.trash.projects.filter((t) => t !== trashed);
        });
        return trashed.project;
      }
      const p = projectOr404(tx, ref);
      if (!p.archived) throw badRequest([`The project ${p.key} is neither archived nor in the trash.`]);
      p.archived = false;
      return p;
    });
  },

  /** Moves a project and its issues to the trash (`undo`), or deletes them for good. */
  delete: (env: AdminEnv, actor: Actor, ref: string, undo: boolean): void => {
    requireAdministrator(env.ctx(), actor, 'You do not have permission to delete projects.');
    write(env, actor, (tx) => removeProject(tx, actor, ref, undo));
  },

  /** `POST /project/{key}/delete`: deleting for good, checked now, done by a task. */
  deleteAsync: (env: AdminEnv, actor: Actor, ref: string): TaskRecord => {
    requireAdministrator(env.ctx(), actor, 'You do not have permission to delete projects.');
    dryRun(env, actor, (tx) => removeProject(tx, actor, ref, false));
    return env.tasks.submit(actor, {
      kind: 'project-delete',
      description: `Deletion of the project ${ref}`,
      run: () => {
        write(env, actor, (tx) => removeProject(tx, actor, ref, false));
        return undefined;
      },
    });
  },

  get: (env: AdminEnv, ref: string): Project | undefined => env.ctx().state.config.projects.find((p) => p.key === ref || p.id === ref),
};

const removeProject = (tx: Tx, actor: Actor, ref: string, undo: boolean): void => {
  const inTrash = tx.records.trash.projects.find((t) => t.project.key === ref || t.project.id === ref);
  if (inTrash && !undo) {
    tx.onCommit(() => {
      tx.records.trash.projects = tx.records.trash.projects.filter((t) => t !== inTrash);
    });
    return;
  }
  const p = projectOr404(tx, ref);
  const position = tx.config.projects.indexOf(p);
  const issues = tx.issues.filter((i) => i.project === p.key);
  tx.removeIssues(issues);
  tx.config.projects = tx.config.projects.filter((x) => x !== p);
  if (undo)
    tx.onCommit(() => {
      tx.records.trash.projects.push({ project: p, position, deletedBy: actor, deletedAt: tx.now, issues: structuredClone(issues) });
    });
};
