/** Screen schemes (which screen per operation) and issue type screen schemes (which screen scheme per issue type), with project assignment. */
import type { IssueTypeScreenScheme, ScreenScheme } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { insertRemembered, projectsUsing, removeRemembered } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { createNamed, deleteNamed, entityOr404, updateNamed, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can access screen schemes.';
const ITSS_ADMIN_ONLY = 'Only Jira administrators can access issue type screen schemes.';

export const SCREEN_SCHEME: Kind<ScreenScheme> = {
  list: (c) => c.screenSchemes,
  set: (c, l) => {
    c.screenSchemes = l;
  },
  idKind: 'screenScheme',
  what: 'screen scheme',
  notFound: 'The screen scheme was not found.',
  taken: () => 'The screen scheme name is in use.',
  adminOnly: ADMIN_ONLY,
  descriptionInExt: true,
  inUse: (tx, e) =>
    tx.config.issueTypeScreenSchemes.some((s) => s.default === e.id || s.mappings.some((m) => m.screenScheme === e.id))
      ? 'The screen scheme cannot be deleted because it is used in one or more issue type screen schemes.'
      : undefined,
};

export const ISSUE_TYPE_SCREEN_SCHEME: Kind<IssueTypeScreenScheme> = {
  list: (c) => c.issueTypeScreenSchemes,
  set: (c, l) => {
    c.issueTypeScreenSchemes = l;
  },
  idKind: 'issueTypeScreenScheme',
  what: 'issue type screen scheme',
  notFound: 'The issue type screen scheme was not found.',
  taken: () => 'The issue type screen scheme name is in use.',
  adminOnly: ITSS_ADMIN_ONLY,
  descriptionInExt: true,
  inUse: (tx, e) =>
    projectsUsing(tx.config, 'issueTypeScreenScheme', e.id).length
      ? 'The issue type screen scheme cannot be deleted because it is assigned to one or more projects.'
      : undefined,
};

export type Operation = 'default' | 'create' | 'edit' | 'view';
export type ScreensInput = Partial<Record<Operation, string | null>>;

const setScreens = (tx: Tx, s: ScreenScheme, screens: ScreensInput): void => {
  for (const [op, id] of Object.entries(screens) as Array<[Operation, string | null | undefined]>) {
    if (id === undefined) continue;
    if (id === null) {
      if (op === 'default') throw badRequest(['The default screen of a screen scheme cannot be removed.']);
      delete s.screens[op];
      continue;
    }
    if (!tx.config.screens.some((x) => x.id === String(id))) throw notFound(`The screen ${id} was not found.`);
    s.screens[op] = String(id);
  }
};

const itssMappings = (
  tx: Tx,
  s: IssueTypeScreenScheme,
  mappings: Array<{ issueTypeId: string; screenSchemeId: string }>,
  allowDefault: boolean,
): void => {
  const types = mappings.map((m) => m.issueTypeId);
  if (new Set(types).size !== types.length)
    throw badRequest(['One or more issue type IDs are repeated, an issue type ID can only be specified once.']);
  for (const m of mappings) {
    if (!tx.config.screenSchemes.some((x) => x.id === m.screenSchemeId)) throw notFound(`The screen scheme ${m.screenSchemeId} was not found.`);
    if (m.issueTypeId === 'default') {
      if (!allowDefault) throw badRequest(['A default mapping cannot be added.']);
      s.default = m.screenSchemeId;
      continue;
    }
    if (!tx.config.issueTypes.some((t) => t.id === m.issueTypeId)) throw notFound('One or more issue type IDs were not found.');
    const entry = { issueType: m.issueTypeId, screenScheme: m.screenSchemeId };
    const at = s.mappings.findIndex((x) => x.issueType === m.issueTypeId);
    if (at >= 0) s.mappings[at] = entry;
    else insertRemembered(tx.records.ghosts, `issueTypeScreenSchemeMapping:${s.id}`, s.mappings, entry, (x) => x.issueType);
  }
};

export const screenSchemes = {
  list: (env: AdminEnv): readonly ScreenScheme[] => env.ctx().state.config.screenSchemes,
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown; screens: ScreensInput }) =>
    createNamed(env, actor, SCREEN_SCHEME, input, (tx, id, name) => {
      if (!input.screens.default) throw badRequest(['The default screen has to be provided.']);
      const s: ScreenScheme = { id, name, screens: { default: '' } };
      setScreens(tx, s, input.screens);
      return s;
    }),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown; screens?: ScreensInput }) =>
    updateNamed(env, actor, SCREEN_SCHEME, id, input, (tx, s) => {
      if (input.screens) setScreens(tx, s, input.screens);
    }),
  delete: (env: AdminEnv, actor: Actor, id: string) => deleteNamed(env, actor, SCREEN_SCHEME, id),
};

export const issueTypeScreenSchemes = {
  list: (env: AdminEnv): readonly IssueTypeScreenScheme[] => env.ctx().state.config.issueTypeScreenSchemes,
  create: (
    env: AdminEnv,
    actor: Actor,
    input: { name: unknown; description?: unknown; mappings: Array<{ issueTypeId: string; screenSchemeId: string }> },
  ) =>
    createNamed(env, actor, ISSUE_TYPE_SCREEN_SCHEME, input, (tx, id, name) => {
      if (!input.mappings.some((m) => m.issueTypeId === 'default')) throw badRequest(['The default issue type mapping has to be provided.']);
      const s: IssueTypeScreenScheme = { id, name, default: '', mappings: [] };
      itssMappings(tx, s, input.mappings, true);
      return s;
    }),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }) =>
    updateNamed(env, actor, ISSUE_TYPE_SCREEN_SCHEME, id, input),
  delete: (env: AdminEnv, actor: Actor, id: string) => deleteNamed(env, actor, ISSUE_TYPE_SCREEN_SCHEME, id),
  setMappings: (env: AdminEnv, actor: Actor, id: string, mappings: Array<{ issueTypeId: string; screenSchemeId: string }>): void => {
    requireAdministrator(env.ctx(), actor, ITSS_ADMIN_ONLY);
    write(env, actor, (tx) => itssMappings(tx, entityOr404(tx, ISSUE_TYPE_SCREEN_SCHEME, id), mappings, false));
  },
  setDefault: (env: AdminEnv, actor: Actor, id: string, screenSchemeId: string): void => {
    requireAdministrator(env.ctx(), actor, ITSS_ADMIN_ONLY);
    write(env, actor, (tx) => itssMappings(tx, entityOr404(tx, ISSUE_TYPE_SCREEN_SCHEME, id), [{ issueTypeId: 'default', screenSchemeId }], true));
  },
  removeMappings: (env: AdminEnv, actor: Actor, id: string, issueTypeIds: string[]): void => {
    requireAdministrator(env.ctx(), actor, ITSS_ADMIN_ONLY);
    if (new Set(issueTypeIds).size !== issueTypeIds.length) throw badRequest(['The issueTypeIds must not contain duplicates.']);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, ISSUE_TYPE_SCREEN_SCHEME, id);
      for (const t of issueTypeIds) {
        const at = s.mappings.findIndex((x) => x.issueType === t);
        if (at < 0) throw notFound(`The issue type ${t} is not mapped in the issue type screen scheme.`);
        removeRemembered(tx.records.ghosts, `issueTypeScreenSchemeMapping:${s.id}`, s.mappings, at, (x) => x.issueType);
      }
    });
  },
  assign: (env: AdminEnv, actor: Actor, projectId: string, schemeId: string): void => {
    requireAdministrator(env.ctx(), actor, ITSS_ADMIN_ONLY);
    write(env, actor, (tx) => {
      const p = tx.config.projects.find((x) => x.id === String(projectId) || x.key === String(projectId));
      if (!p) throw notFound('The project was not found.');
      p.schemes.issueTypeScreenScheme = entityOr404(tx, ISSUE_TYPE_SCREEN_SCHEME, schemeId).id;
    });
  },
};
