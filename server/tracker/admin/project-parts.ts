/**
 * A project's versions (create, update — release and archive included —, move, delete with the
 * issues' values moved or cleared) and components (create, update, delete moving issues to
 * another). Project administrators may, as in Jira.
 */
import type { ChangeItem, Component, Issue, Project, Version } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { changeItem } from '../history.ts';
import { can } from '../permissions.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, same, setText } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireProjectAdmin } from './guard.ts';
import type { Tx } from './tx.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const projectOf = (env: AdminEnv, actor: Actor, ref: string): Project => {
  const ctx = env.ctx();
  const p = ctx.state.config.projects.find((x) => x.id === String(ref) || x.key === String(ref));
  if (!p || !can(ctx.ix, actor, 'BROWSE_PROJECTS', p)) throw notFound(`No project could be found with key '${ref}'.`);
  requireProjectAdmin(ctx, actor, p, 'You do not have permission to manage the versions and components of this project.');
  return p;
};

const owner = <K extends 'versions' | 'components'>(env: AdminEnv, list: K, id: string): Project => {
  const p = env.ctx().state.config.projects.find((x) => x[list].some((e) => e.id === String(id)));
  if (!p) throw notFound(list === 'versions' ? `Could not find version for id '${id}'` : `The component with id ${id} does not exist.`);
  return p;
};

const inTx = (tx: Tx, key: string): Project => tx.config.projects.find((p) => p.key === key)!;

/** Moves (or, with no replacement, takes off) a version or component id in the issues' lists and version custom fields, with history. */
const retarget = (
  tx: Tx,
  project: Project,
  list: 'fixVersions' | 'versions' | 'components' | 'custom',
  from: string,
  to: string | undefined,
  customIds: readonly string[] = [],
): void => {
  for (const issue of tx.issues) {
    if (issue.project !== project.key) continue;
    const items: ChangeItem[] = [];
    const changes: Array<(w: Issue) => void> = [];
    const keys = list === 'custom' ? customIds : [list];
    for (const key of keys) {
      const before = list === 'custom' ? issue.customFields[key] : issue[key as 'fixVersions'];
      const arr = Array.isArray(before) ? (before as string[]) : before === from ? [from] : [];
      if (!arr.includes(from)) continue;
      const nextArr = [...new Set(arr.map((x) => (x === from ? to : x)).filter((x): x is string => x !== undefined))];
      const after = Array.isArray(before) ? nextArr : (nextArr[0] ?? null);
      items.push(changeItem(tx.ix, project, issue.issueType, key, before, after));
      changes.push((w) => {
        if (list !== 'custom') (w as unknown as Record<string, unknown>)[key] = after;
        else if (after === null || (Array.isArray(after) && !after.length)) delete w.customFields[key];
        else w.customFields[key] = after;
      });
    }
    if (items.length)
      tx.changeIssue(issue, items, (w) => {
        for (const c of changes) c(w);
      });
  }
};

export interface VersionInput {
  name?: unknown;
  description?: unknown;
  releaseDate?: unknown;
  released?: boolean;
  archived?: boolean;
}

const setVersion = (tx: Tx, p: Project, v: Version, input: VersionInput): void => {
  if (input.name !== undefined) {
    const name = nameOf(input.name, 'version');
    if (inTx(tx, p.key).versions.some((x) => x.id !== v.id && same(x.name, name)))
      throw badRequest([], { name: 'A version with this name already exists in this project.' });
    v.name = name;
  }
  if (input.description !== undefined) setText(v, 'description', descriptionOf(input.description, 16384));
  if (input.releaseDate !== undefined) {
    if (input.releaseDate === null || input.releaseDate === '') delete v.releaseDate;
    else if (typeof input.releaseDate !== 'string' || !DATE.test(input.releaseDate))
      throw badRequest([], { releaseDate: 'The release date must be a date like 2026-12-31.' });
    else v.releaseDate = input.releaseDate;
  }
  if (input.released !== undefined) v.released = input.released;
  if (input.archived !== undefined) v.archived = input.archived;
};

const versionCustomFields = (tx: Tx) =>
  tx.config.fields.filter((f) => f.custom && (f.type === 'version' || f.type === 'multi-version')).map((f) => f.id);

export const versions = {
  create: (env: AdminEnv, actor: Actor, projectRef: string, input: VersionInput): { project: Project; version: Version } => {
    const p = projectOf(env, actor, projectRef);
    return write(env, actor, (tx) => {
      if (input.name === undefined) throw badRequest([], { name: 'You must specify a valid version name' });
      const v: Version = { id: tx.nextId('version'), name: '', released: false, archived: false };
      setVersion(tx, p, v, input);
      inTx(tx, p.key).versions.push(v);
      return { project: inTx(tx, p.key), version: v };
    });
  },
  update: (
    env: AdminEnv,
    actor: Actor,
    id: string,
    input: VersionInput & { moveUnfixedIssuesTo?: string },
  ): { project: Project; version: Version } => {
    const p = projectOf(env, actor, owner(env, 'versions', id).key);
    return write(env, actor, (tx) => {
      const proj = inTx(tx, p.key);
      const v = proj.versions.find((x) => x.id === String(id))!;
      setVersion(tx, p, v, input);
      if (input.moveUnfixedIssuesTo !== undefined) {
        const to = proj.versions.find((x) => x.id === input.moveUnfixedIssuesTo);
        if (!to) throw badRequest([`The version ${input.moveUnfixedIssuesTo} to move unfixed issues to was not found.`]);
        const unresolved = tx.issues.filter((i) => i.project === p.key && i.resolution === null && i.fixVersions.includes(v.id));
        for (const issue of unresolved) {
          const after = [...new Set(issue.fixVersions.map((x) => (x === v.id ? to.id : x)))];
          tx.changeIssue(issue, [changeItem(tx.ix, p, issue.issueType, 'fixVersions', issue.fixVersions, after)], (w) => {
            w.fixVersions = after;
          });
        }
      }
      return { project: proj, version: v };
    });
  },
  move: (env: AdminEnv, actor: Actor, id: string, where: { after?: string; position?: string }): { project: Project; version: Version } => {
    const p = projectOf(env, actor, owner(env, 'versions', id).key);
    if ((where.after === undefined) === (where.position === undefined)) throw badRequest(["Exactly one of 'after' and 'position' must be provided."]);
    return write(env, actor, (tx) => {
      const list = inTx(tx, p.key).versions;
      const v = list.find((x) => x.id === String(id))!;
      const rest = list.filter((x) => x !== v);
      let at: number;
      if (where.after !== undefined) {
        const after = where.after.slice(where.after.lastIndexOf('/') + 1);
        const i = rest.findIndex((x) => x.id === after);
        if (i < 0) throw badRequest([`The version ${after} to move after was not found in the project.`]);
        at = i + 1;
      } else {
        const from = list.indexOf(v);
        const pos = where.position;
        if (pos === 'First') at = 0;
        else if (pos === 'Last') at = rest.length;
        else if (pos === 'Earlier') at = Math.max(0, from - 1);
        else if (pos === 'Later') at = Math.min(rest.length, from + 1);
        else throw badRequest(['The position must be one of First, Last, Earlier, Later.']);
      }
      rest.splice(at, 0, v);
      inTx(tx, p.key).versions = rest;
      return { project: inTx(tx, p.key), version: v };
    });
  },
  /** Deletes a version; issues holding it move to the replacements given, or lose it (as Jira clears them). */
  delete: (
    env: AdminEnv,
    actor: Actor,
    id: string,
    moves: { fix?: string; affected?: string; custom?: Array<{ customFieldId: string; moveTo: string }> },
  ): void => {
    const p = projectOf(env, actor, owner(env, 'versions', id).key);
    write(env, actor, (tx) => {
      const proj = inTx(tx, p.key);
      const v = proj.versions.find((x) => x.id === String(id))!;
      for (const to of [moves.fix, moves.affected, ...(moves.custom ?? []).map((c) => c.moveTo)]) {
        if (to !== undefined && (to === v.id || !proj.versions.some((x) => x.id === to)))
          throw badRequest([`The version ${to} to move issues to is not another version of ${p.key}.`]);
      }
      retarget(tx, p, 'fixVersions', v.id, moves.fix);
      retarget(tx, p, 'versions', v.id, moves.affected);
      for (const cf of versionCustomFields(tx)) retarget(tx, p, 'custom', v.id, moves.custom?.find((c) => c.customFieldId === cf)?.moveTo, [cf]);
      proj.versions = proj.versions.filter((x) => x !== v);
    });
  },
  get: (env: AdminEnv, actor: Actor, id: string): { project: Project; version: Version } => {
    const p = owner(env, 'versions', id);
    if (!can(env.ctx().ix, actor, 'BROWSE_PROJECTS', p)) throw notFound(`Could not find version for id '${id}'`);
    return { project: p, version: p.versions.find((x) => x.id === String(id))! };
  },
};

export interface ComponentInput {
  name?: unknown;
  description?: unknown;
  lead?: string | null;
}

export const components = {
  create: (env: AdminEnv, actor: Actor, projectRef: string, input: ComponentInput): { project: Project; component: Component } => {
    const p = projectOf(env, actor, projectRef);
    return write(env, actor, (tx) => {
      const name = nameOf(input.name, 'component');
      const proj = inTx(tx, p.key);
      if (proj.components.some((c) => same(c.name, name)))
        throw badRequest([], { name: 'A component with this name already exists in this project.' });
      const c: Component = { id: tx.nextId('component'), name };
      setText(c, 'description', descriptionOf(input.description, 16384));
      if (input.lead) {
        if (!tx.config.users.some((u) => u.accountId === input.lead)) throw badRequest([], { leadAccountId: 'The user does not exist.' });
        c.lead = input.lead;
      }
      proj.components.push(c);
      return { project: proj, component: c };
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: ComponentInput): { project: Project; component: Component } => {
    const p = projectOf(env, actor, owner(env, 'components', id).key);
    return write(env, actor, (tx) => {
      const proj = inTx(tx, p.key);
      const c = proj.components.find((x) => x.id === String(id))!;
      if (input.name !== undefined) {
        const name = nameOf(input.name, 'component');
        if (proj.components.some((x) => x !== c && same(x.name, name)))
          throw badRequest([], { name: 'A component with this name already exists in this project.' });
        c.name = name;
      }
      if (input.description !== undefined) setText(c, 'description', descriptionOf(input.description, 16384));
      if (input.lead === null || input.lead === '') delete c.lead;
      else if (input.lead !== undefined) {
        if (!tx.config.users.some((u) => u.accountId === input.lead)) throw badRequest([], { leadAccountId: 'The user does not exist.' });
        c.lead = input.lead;
      }
      return { project: proj, component: c };
    });
  },
  delete: (env: AdminEnv, actor: Actor, id: string, moveIssuesTo?: string): void => {
    const p = projectOf(env, actor, owner(env, 'components', id).key);
    write(env, actor, (tx) => {
      const proj = inTx(tx, p.key);
      const c = proj.components.find((x) => x.id === String(id))!;
      if (moveIssuesTo !== undefined && (moveIssuesTo === c.id || !proj.components.some((x) => x.id === moveIssuesTo)))
        throw notFound(`The component ${moveIssuesTo} to move issues to was not found.`);
      retarget(tx, p, 'components', c.id, moveIssuesTo);
      const customs = tx.config.fields.filter((f) => f.custom && f.type === 'components').map((f) => f.id);
      for (const cf of customs) retarget(tx, p, 'custom', c.id, moveIssuesTo, [cf]);
      proj.components = proj.components.filter((x) => x !== c);
    });
  },
  get: (env: AdminEnv, actor: Actor, id: string): { project: Project; component: Component } => {
    const p = owner(env, 'components', id);
    if (!can(env.ctx().ix, actor, 'BROWSE_PROJECTS', p)) throw notFound(`The component with id ${id} does not exist.`);
    return { project: p, component: p.components.find((x) => x.id === String(id))! };
  },
};
