/** Custom field contexts: create, rename, delete, their projects and issue types, and default values. */
import { OPTION_FIELD_TYPES } from '../../model/index.ts';
import type { Field, FieldContext } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { customFieldOr404 } from './fields.ts';
import { requireAdministrator } from './guard.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can access custom field contexts.';

export const contextOr404 = (f: Field, id: string): FieldContext => {
  const c = f.contexts.find((x) => x.id === String(id));
  if (!c) throw notFound('The context was not found.');
  return c;
};

/** Project ids (or keys) → keys, as the model keeps them; unknown ones are a 404 naming them. */
const projectKeys = (tx: Tx, ids: readonly string[]): string[] => {
  const keys = ids.map((id) => tx.config.projects.find((p) => p.id === id || p.key === id)?.key);
  const missing = ids.filter((_, i) => keys[i] === undefined);
  if (missing.length) throw notFound(`These projects were not found: ${missing.join(', ')}.`);
  if (new Set(keys).size !== keys.length) throw badRequest(['The projectIds must not contain duplicates.']);
  return keys as string[];
};

const issueTypeIds = (tx: Tx, ids: readonly string[]): string[] => {
  const missing = ids.filter((id) => !tx.config.issueTypes.some((t) => t.id === id));
  if (missing.length) throw notFound(`These issue types were not found: ${missing.join(', ')}.`);
  if (new Set(ids).size !== ids.length) throw badRequest(['The issueTypeIds must not contain duplicates.']);
  return [...ids];
};

export interface ContextCreate {
  name: unknown;
  description?: unknown;
  projectIds: string[];
  issueTypeIds: string[];
}

const inContext = (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, fn: (c: FieldContext, f: Field, tx: Tx) => void): void => {
  requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
  write(env, actor, (tx) => {
    const f = customFieldOr404(tx.config, fieldId);
    fn(contextOr404(f, contextId), f, tx);
  });
};

export const fieldContexts = {
  create: (env: AdminEnv, actor: Actor, fieldId: string, input: ContextCreate): FieldContext => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const f = customFieldOr404(tx.config, fieldId);
      const c: FieldContext = {
        id: tx.nextId('context'),
        name: nameOf(input.name, 'context'),
        projects: projectKeys(tx, input.projectIds),
        issueTypes: issueTypeIds(tx, input.issueTypeIds),
        ...((OPTION_FIELD_TYPES as readonly string[]).includes(f.type) ? { options: [] } : {}),
      };
      const description = descriptionOf(input.description);
      if (description) c.ext = { description };
      f.contexts.push(c);
      return c;
    });
  },

  update: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, input: { name?: unknown; description?: unknown }): void =>
    inContext(env, actor, fieldId, contextId, (c) => {
      if (input.name !== undefined) c.name = nameOf(input.name, 'context');
      if (input.description !== undefined) {
        const d = descriptionOf(input.description);
        const { description: _old, ...rest } = c.ext ?? {};
        if (d) c.ext = { ...rest, description: d };
        else if (Object.keys(rest).length) c.ext = rest;
        else delete c.ext;
      }
    }),

  delete: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string): void =>
    inContext(env, actor, fieldId, contextId, (c, f) => {
      f.contexts = f.contexts.filter((x) => x !== c);
    }),

  addIssueTypes: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, ids: string[]): void =>
    inContext(env, actor, fieldId, contextId, (c, _f, tx) => {
      const add = issueTypeIds(tx, ids);
      const already = add.filter((t) => c.issueTypes.includes(t));
      if (already.length) throw badRequest([`These issue types are already associated with the context: ${already.join(', ')}.`]);
      c.issueTypes.push(...add);
    }),

  removeIssueTypes: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, ids: string[]): void =>
    inContext(env, actor, fieldId, contextId, (c) => {
      const absent = ids.filter((t) => !c.issueTypes.includes(t));
      if (absent.length) throw badRequest([`These issue types are not associated with the context: ${absent.join(', ')}.`]);
      c.issueTypes = c.issueTypes.filter((t) => !ids.includes(t));
    }),

  assignProjects: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, ids: string[]): void =>
    inContext(env, actor, fieldId, contextId, (c, _f, tx) => {
      const keys = projectKeys(tx, ids);
      c.projects = [...c.projects, ...keys.filter((k) => !c.projects.includes(k))];
    }),

  removeProjects: (env: AdminEnv, actor: Actor, fieldId: string, contextId: string, ids: string[]): void =>
    inContext(env, actor, fieldId, contextId, (c, _f, tx) => {
      const keys = projectKeys(tx, ids);
      const absent = keys.filter((k) => !c.projects.includes(k));
      if (absent.length) throw badRequest([`These projects are not associated with the context: ${absent.join(', ')}.`]);
      c.projects = c.projects.filter((k) => !keys.includes(k));
    }),

  /** Default values per context (model values; `null` clears the default). */
  setDefaults: (env: AdminEnv, actor: Actor, fieldId: string, defaults: Array<{ contextId: string; value: unknown }>): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const f = customFieldOr404(tx.config, fieldId);
      for (const d of defaults) {
        const c = contextOr404(f, d.contextId);
        if (d.value === null || d.value === undefined || (Array.isArray(d.value) && d.value.length === 0)) delete c.default;
        else c.default = structuredClone(d.value);
      }
    });
  },
};
