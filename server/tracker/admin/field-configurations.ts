/**
 * Field configurations (create, rename, delete, the required / hidden / description of each field)
 * and field configuration schemes (create, rename, delete, issue type mappings, project assignment).
 */
import type { FieldConfiguration, FieldConfigurationScheme } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, insertRemembered, projectsUsing, removeRemembered } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { createNamed, deleteNamed, entityOr404, updateNamed, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can access field configurations.';

const isDefault = (tx: Tx, id: string) => tx.config.fieldConfigurations[0]?.id === id;

export const FIELD_CONFIGURATION: Kind<FieldConfiguration> = {
  list: (c) => c.fieldConfigurations,
  set: (c, l) => {
    c.fieldConfigurations = l;
  },
  idKind: 'fieldConfiguration',
  what: 'field configuration',
  notFound: 'The field configuration was not found.',
  taken: () => 'A field configuration with this name already exists.',
  adminOnly: ADMIN_ONLY,
  inUse: (tx, e) => {
    if (isDefault(tx, e.id)) return 'The default field configuration cannot be deleted.';
    const s = tx.config.fieldConfigurationSchemes.filter((x) => x.default === e.id || x.mappings.some((m) => m.fieldConfiguration === e.id));
    return s.length
      ? `The field configuration '${e.name}' cannot be deleted: the field configuration schemes ${s.map((x) => `'${x.name}'`).join(', ')} use it.`
      : undefined;
  },
};

export const FIELD_CONFIGURATION_SCHEME: Kind<FieldConfigurationScheme> = {
  list: (c) => c.fieldConfigurationSchemes,
  set: (c, l) => {
    c.fieldConfigurationSchemes = l;
  },
  idKind: 'fieldConfigurationScheme',
  what: 'field configuration scheme',
  notFound: 'The field configuration scheme was not found.',
  taken: () => 'A field configuration scheme is using this name.',
  adminOnly: ADMIN_ONLY,
  descriptionInExt: true,
  inUse: (tx, e) => {
    const users = projectsUsing(tx.config, 'fieldConfigurationScheme', e.id);
    return users.length
      ? `The field configuration scheme '${e.name}' cannot be deleted because it is assigned to the projects ${users.join(', ')}.`
      : undefined;
  },
};

export interface ItemInput {
  id: string;
  isRequired?: boolean;
  isHidden?: boolean;
  description?: unknown;
}

/** Fields whose behaviour Jira fixes: summary is always required and shown. */
const LOCKED = new Set(['summary', 'issuetype', 'project']);

export const fieldConfigurations = {
  list: (env: AdminEnv): readonly FieldConfiguration[] => env.ctx().state.config.fieldConfigurations,
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown }) =>
    createNamed(env, actor, FIELD_CONFIGURATION, input, (_tx, id, name) => ({ id, name, items: [] })),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }) =>
    updateNamed(env, actor, FIELD_CONFIGURATION, id, input),
  delete: (env: AdminEnv, actor: Actor, id: string) => deleteNamed(env, actor, FIELD_CONFIGURATION, id),

  /** `PUT /fieldconfiguration/{id}/fields`: what a field is in this configuration; a field back to the defaults leaves the list. */
  setItems: (env: AdminEnv, actor: Actor, id: string, items: ItemInput[]): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const fc = entityOr404(tx, FIELD_CONFIGURATION, id);
      const key = `fieldConfigurationItem:${fc.id}`;
      for (const input of items) {
        if (!tx.config.fields.some((f) => f.id === input.id)) throw badRequest([`The field ${input.id} was not found.`]);
        if (LOCKED.has(input.id) && (input.isRequired === false || input.isHidden === true))
          throw badRequest([`The field ${input.id} is always required and shown: it cannot be made optional or hidden.`]);
        const at = fc.items.findIndex((i) => i.field === input.id);
        const item = at >= 0 ? { ...fc.items[at]! } : { field: input.id };
        if (input.isRequired !== undefined) {
          if (input.isRequired) item.required = true;
          else delete item.required;
        }
        if (input.isHidden !== undefined) {
          if (input.isHidden) item.hidden = true;
          else delete item.hidden;
        }
        if (input.description !== undefined) {
          const d = descriptionOf(input.description, 1000);
          if (d) item.description = d;
          else delete item.description;
        }
        if (item.required && item.hidden) throw badRequest([`The field ${input.id} cannot be both required and hidden.`]);
        const empty = !item.required && !item.hidden && item.description === undefined;
        if (at >= 0 && empty) removeRemembered(tx.records.ghosts, key, fc.items, at, (i) => i.field);
        else if (at >= 0) fc.items[at] = item;
        else if (!empty) insertRemembered(tx.records.ghosts, key, fc.items, item, (i) => i.field);
      }
    });
  },
};

export const fieldConfigurationSchemes = {
  list: (env: AdminEnv): readonly FieldConfigurationScheme[] => env.ctx().state.config.fieldConfigurationSchemes,
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown }) =>
    createNamed(env, actor, FIELD_CONFIGURATION_SCHEME, input, (tx, id, name) => ({
      id,
      name,
      default: tx.config.fieldConfigurations[0]!.id,
      mappings: [],
    })),
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }) =>
    updateNamed(env, actor, FIELD_CONFIGURATION_SCHEME, id, input),
  delete: (env: AdminEnv, actor: Actor, id: string) => deleteNamed(env, actor, FIELD_CONFIGURATION_SCHEME, id),

  /** Sets issue type → field configuration mappings; issue type `default` sets the default. */
  setMappings: (env: AdminEnv, actor: Actor, id: string, mappings: Array<{ issueTypeId: string; fieldConfigurationId: string }>): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, FIELD_CONFIGURATION_SCHEME, id);
      for (const m of mappings) {
        if (!tx.config.fieldConfigurations.some((f) => f.id === m.fieldConfigurationId))
          throw notFound(`The field configuration ${m.fieldConfigurationId} was not found.`);
        if (m.issueTypeId === 'default') {
          s.default = m.fieldConfigurationId;
          continue;
        }
        if (!tx.config.issueTypes.some((t) => t.id === m.issueTypeId)) throw notFound(`The issue type ${m.issueTypeId} was not found.`);
        const at = s.mappings.findIndex((x) => x.issueType === m.issueTypeId);
        const entry = { issueType: m.issueTypeId, fieldConfiguration: m.fieldConfigurationId };
        if (at >= 0) s.mappings[at] = entry;
        else insertRemembered(tx.records.ghosts, `fieldConfigurationSchemeMapping:${s.id}`, s.mappings, entry, (x) => x.issueType);
      }
    });
  },

  removeMappings: (env: AdminEnv, actor: Actor, id: string, issueTypeIds: string[]): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    if (new Set(issueTypeIds).size !== issueTypeIds.length) throw badRequest(['The issueTypeIds must not contain duplicates.']);
    write(env, actor, (tx) => {
      const s = entityOr404(tx, FIELD_CONFIGURATION_SCHEME, id);
      for (const t of issueTypeIds) {
        if (t === 'default') throw badRequest(['The default mapping cannot be removed.']);
        const at = s.mappings.findIndex((x) => x.issueType === t);
        if (at < 0) throw notFound(`The issue type ${t} is not mapped in the field configuration scheme.`);
        removeRemembered(tx.records.ghosts, `fieldConfigurationSchemeMapping:${s.id}`, s.mappings, at, (x) => x.issueType);
      }
    });
  },

  /** Assigns a scheme to a project (`null`: the default one, which the model keeps as the first scheme). */
  assign: (env: AdminEnv, actor: Actor, projectId: string, schemeId: string | null): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const p = tx.config.projects.find((x) => x.id === String(projectId) || x.key === String(projectId));
      if (!p) throw notFound('The project was not found.');
      const s = schemeId === null ? tx.config.fieldConfigurationSchemes[0] : entityOr404(tx, FIELD_CONFIGURATION_SCHEME, schemeId);
      if (!s) throw notFound('The field configuration scheme was not found.');
      p.schemes.fieldConfigurationScheme = s.id;
    });
  },
};
