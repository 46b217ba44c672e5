/** Screens: create (with Jira's default field tab), rename, delete; tabs (add, rename, delete, move); the fields on a tab (add, remove, move). */
import type { Screen } from '../../model/index.ts';

type ScreenTab = Screen['tabs'][number];
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { nameOf, same } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { createNamed, deleteNamed, entityOr404, updateNamed, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can manage screens.';

export const SCREEN: Kind<Screen> = {
  list: (c) => c.screens,
  set: (c, l) => {
    c.screens = l;
  },
  idKind: 'screen',
  what: 'screen',
  notFound: 'The screen was not found.',
  taken: () => 'The name is used by another screen.',
  adminOnly: ADMIN_ONLY,
  inUse: (tx, e) => {
    if (tx.config.screenSchemes.some((s) => Object.values(s.screens).includes(e.id))) return 'The screen is used in a screen scheme.';
    const wf = tx.config.workflows.filter((w) => w.transitions.some((t) => t.screen === e.id));
    return wf.length ? `The screen is used by transitions of the workflows ${wf.map((w) => `'${w.name}'`).join(', ')}.` : undefined;
  },
};

const tabOr404 = (screen: Screen, tabId: string): ScreenTab => {
  const t = screen.tabs.find((x) => x.id === String(tabId));
  if (!t) throw notFound(`The screen tab with id '${tabId}' does not exist.`);
  return t;
};

const onTab = (
  env: AdminEnv,
  actor: Actor,
  screenId: string,
  tabId: string | undefined,
  fn: (s: Screen, t: ScreenTab | undefined, tx: Tx) => unknown,
): unknown => {
  requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
  return write(env, actor, (tx) => {
    const s = entityOr404(tx, SCREEN, screenId);
    return fn(s, tabId === undefined ? undefined : tabOr404(s, tabId), tx);
  });
};

const tabName = (s: Screen, value: unknown, except?: string): string => {
  const name = nameOf(value, 'screen tab');
  if (s.tabs.some((t) => t.id !== except && same(t.name, name))) throw badRequest([`A tab called '${name}' already exists on the screen.`]);
  return name;
};

const fieldName = (tx: Tx, id: string): string => {
  const f = tx.config.fields.find((x) => x.id === id);
  if (!f) throw notFound(`The field with id ${id} was not found.`);
  return f.name;
};

export type FieldMove = { after: string } | { position: 'Earlier' | 'Later' | 'First' | 'Last' };

export const screens = {
  list: (env: AdminEnv): readonly Screen[] => env.ctx().state.config.screens,
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown }) =>
    createNamed(env, actor, SCREEN, input, (tx, id, name) => ({ id, name, tabs: [{ id: tx.nextId('tab'), name: 'Field Tab', fields: [] }] })),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }) => updateNamed(env, actor, SCREEN, id, input),
  delete: (env: AdminEnv, actor: Actor, id: string) => deleteNamed(env, actor, SCREEN, id),

  addTab: (env: AdminEnv, actor: Actor, screenId: string, name: unknown) =>
    onTab(env, actor, screenId, undefined, (s, _t, tx) => {
      const tab = { id: tx.nextId('tab'), name: tabName(s, name), fields: [] };
      s.tabs.push(tab);
      return tab;
    }) as ScreenTab,
  renameTab: (env: AdminEnv, actor: Actor, screenId: string, tabId: string, name: unknown) =>
    onTab(env, actor, screenId, tabId, (s, t) => {
      t!.name = tabName(s, name, t!.id);
      return t;
    }) as ScreenTab,
  deleteTab: (env: AdminEnv, actor: Actor, screenId: string, tabId: string): void => {
    onTab(env, actor, screenId, tabId, (s, t) => {
      if (s.tabs.length === 1) throw badRequest(['The last tab of a screen cannot be deleted.']);
      s.tabs = s.tabs.filter((x) => x !== t);
    });
  },
  moveTab: (env: AdminEnv, actor: Actor, screenId: string, tabId: string, pos: number): void => {
    onTab(env, actor, screenId, tabId, (s, t) => {
      if (!Number.isInteger(pos) || pos < 0 || pos >= s.tabs.length)
        throw badRequest([`The position ${pos} is out of range (0 to ${s.tabs.length - 1}).`]);
      s.tabs = s.tabs.filter((x) => x !== t);
      s.tabs.splice(pos, 0, t!);
    });
  },

  /** Adds a field at the end of the tab, as Jira does. */
  addField: (env: AdminEnv, actor: Actor, screenId: string, tabId: string, fieldId: string) =>
    onTab(env, actor, screenId, tabId, (s, t, tx) => {
      const name = fieldName(tx, fieldId);
      if (s.tabs.some((x) => x.fields.includes(fieldId)))
        throw badRequest([], { fieldId: `The field with id ${fieldId} already exists on the screen.` });
      t!.fields.push(fieldId);
      return { id: fieldId, name };
    }) as { id: string; name: string },
  removeField: (env: AdminEnv, actor: Actor, screenId: string, tabId: string, fieldId: string): void => {
    onTab(env, actor, screenId, tabId, (_s, t) => {
      if (!t!.fields.includes(fieldId)) throw notFound(`The field with id ${fieldId} is not on the screen tab.`);
      t!.fields = t!.fields.filter((f) => f !== fieldId);
    });
  },
  moveField: (env: AdminEnv, actor: Actor, screenId: string, tabId: string, fieldId: string, move: FieldMove): void => {
    onTab(env, actor, screenId, tabId, (_s, t) => {
      const list = t!.fields;
      const from = list.indexOf(fieldId);
      if (from < 0) throw notFound(`The field with id ${fieldId} is not on the screen tab.`);
      const rest = list.filter((f) => f !== fieldId);
      let at: number;
      if ('after' in move) {
        const after = rest.indexOf(move.after);
        if (after < 0) throw badRequest([`The field with id ${move.after} to move after is not on the screen tab.`]);
        at = after + 1;
      } else
        at =
          move.position === 'First'
            ? 0
            : move.position === 'Last'
              ? rest.length
              : move.position === 'Earlier'
                ? Math.max(0, from - 1)
                : Math.min(rest.length, from + 1);
      rest.splice(at, 0, fieldId);
      t!.fields = rest;
    });
  },
  /** `POST /screens/addToDefault/{fieldId}`: onto the first tab of the default screen (the first screen). */
  addToDefault: (env: AdminEnv, actor: Actor, fieldId: string): void => {
    const s = env.ctx().state.config.screens[0];
    if (!s) throw notFound('The default screen was not found.');
    screens.addField(env, actor, s.id, s.tabs[0]!.id, fieldId);
  },
};
