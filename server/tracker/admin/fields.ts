/**
 * Custom fields: create (with a global context, as Jira makes one), update, the trash (the field
 * leaves the configuration, screens and field configurations; its issue values wait in the admin
 * records and come back with a restore), and deleting for good as an async task.
 */
import { OPTION_FIELD_TYPES, type FieldType } from '../../model/index.ts';
import type { Config, Field, Issue } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, same, setText } from './common.ts';
import { dryRun, write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import type { TaskRecord, TrashedField } from './records.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'Only Jira administrators can edit custom fields.';

export const customFieldOr404 = (config: Config, id: string): Field => {
  const f = config.fields.find((x) => x.id === id);
  if (!f?.custom) throw notFound('The custom field was not found.');
  return f;
};

const uniqueName = (tx: Tx, name: string, except?: string): void => {
  if (tx.config.fields.some((f) => f.custom && f.id !== except && same(f.name, name))) {
    throw badRequest([
      `A custom field with the name '${name}' already exists: the Understudy sandbox keeps custom field names unique (JQL names fields by name).`,
    ]);
  }
};

/** Takes the field out of screens and field configurations, recording where it stood. */
const detach = (tx: Tx, id: string): Pick<TrashedField, 'screens' | 'items'> => {
  const screens: TrashedField['screens'] = [];
  for (const s of tx.config.screens)
    for (const t of s.tabs) {
      const at = t.fields.indexOf(id);
      if (at >= 0) {
        screens.push({ screen: s.id, tab: t.id, position: at });
        t.fields.splice(at, 1);
      }
    }
  const items: TrashedField['items'] = [];
  for (const fc of tx.config.fieldConfigurations) {
    const it = fc.items.find((i) => i.field === id);
    if (it) {
      items.push({ ...it, config: fc.id });
      fc.items = fc.items.filter((i) => i !== it);
    }
  }
  return { screens, items };
};

/** Clears the field's values on every issue without history (as Jira's trash and delete do); returns them. */
const clearValues = (tx: Tx, id: string): Array<{ issue: string; value: unknown }> => {
  const values: Array<{ issue: string; value: unknown }> = [];
  for (const issue of tx.issues) {
    if (!(id in issue.customFields)) continue;
    values.push({ issue: issue.id, value: issue.customFields[id] });
    tx.changeIssue(issue, [], (w: Issue) => {
      delete w.customFields[id];
    });
  }
  return values;
};

export interface FieldCreate {
  name: unknown;
  type: FieldType;
  description?: unknown;
}

export const fields = {
  get: (env: AdminEnv, id: string): Field | undefined => env.ctx().state.config.fields.find((f) => f.id === id),
  create: (env: AdminEnv, actor: Actor, input: FieldCreate): Field => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const name = nameOf(input.name, 'custom field');
      uniqueName(tx, name);
      const options = (OPTION_FIELD_TYPES as readonly string[]).includes(input.type);
      const field: Field = { id: tx.nextId('customfield'), name, type: input.type, custom: true, contexts: [] };
      setText(field, 'description', descriptionOf(input.description, 1000));
      field.contexts.push({
        id: tx.nextId('context'),
        name: `Default Configuration Scheme for ${name}`,
        projects: [],
        issueTypes: [],
        ...(options ? { options: [] } : {}),
      });
      tx.config.fields.push(field);
      return field;
    });
  },

  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const f = customFieldOr404(tx.config, id);
      if (input.name !== undefined) {
        const name = nameOf(input.name, 'custom field');
        uniqueName(tx, name, f.id);
        f.name = name;
      }
      if (input.description !== undefined) setText(f, 'description', descriptionOf(input.description, 1000));
    });
  },

  trash: (env: AdminEnv, actor: Actor, id: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const f = customFieldOr404(tx.config, id);
      const position = tx.config.fields.indexOf(f);
      const { screens, items } = detach(tx, f.id);
      const values = clearValues(tx, f.id);
      tx.config.fields = tx.config.fields.filter((x) => x !== f);
      tx.onCommit(() => {
        tx.records.trash.fields.push({ field: f, position, trashedBy: actor, trashedAt: tx.now, values, screens, items });
      });
    });
  },

  restore: (env: AdminEnv, actor: Actor, id: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const trashed = tx.records.trash.fields.find((t) => t.field.id === id);
      if (!trashed) throw notFound('The custom field was not found in the trash.');
      uniqueName(tx, trashed.field.name);
      tx.config.fields.splice(Math.min(trashed.position, tx.config.fields.length), 0, structuredClone(trashed.field));
      for (const s of trashed.screens) {
        const tab = tx.config.screens.find((x) => x.id === s.screen)?.tabs.find((t) => t.id === s.tab);
        if (tab && !tab.fields.includes(id)) tab.fields.splice(Math.min(s.position, tab.fields.length), 0, id);
      }
      for (const it of trashed.items) {
        const { config, ...item } = it;
        tx.config.fieldConfigurations.find((fc) => fc.id === config)?.items.push(item);
      }
      const byId = new Map(trashed.values.map((v) => [v.issue, v.value]));
      for (const issue of tx.issues)
        if (byId.has(issue.id))
          tx.changeIssue(issue, [], (w) => {
            w.customFields[id] = structuredClone(byId.get(issue.id));
          });
      tx.onCommit(() => {
        tx.records.trash.fields = tx.records.trash.fields.filter((t) => t !== trashed);
      });
    });
  },

  trashed: (env: AdminEnv, actor: Actor): TrashedField[] => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return env.records().trash.fields;
  },

  /** Deletes a custom field for good (from the trash or not): checked now, done by a task. */
  delete: (env: AdminEnv, actor: Actor, id: string): TaskRecord => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    const run = (tx: Tx): void => {
      const inTrash = tx.records.trash.fields.find((t) => t.field.id === id);
      if (inTrash) {
        tx.onCommit(() => {
          tx.records.trash.fields = tx.records.trash.fields.filter((t) => t !== inTrash);
        });
        return;
      }
      const f = customFieldOr404(tx.config, id);
      detach(tx, f.id);
      clearValues(tx, f.id);
      tx.config.fields = tx.config.fields.filter((x) => x !== f);
    };
    dryRun(env, actor, run);
    return env.tasks.submit(actor, {
      kind: 'custom-field-delete',
      description: `Deletion of the custom field ${id}`,
      run: () => {
        write(env, actor, run);
        return undefined;
      },
    });
  },
};
