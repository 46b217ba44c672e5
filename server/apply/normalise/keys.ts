/**
 * Content keys: what an entity is called by its content instead of its id (a status by its name, a
 * grant by its permission and holder, an option by its value). Jira assigns a new id to a
 * re-created entity, so the proof and every step compare configurations keyed this way. Where two
 * entities share a key, the second is `name#2` (in the order production lists them).
 */
import type { Config } from '../../model/index.ts';

/** Kinds of ids that configuration values refer to. */
export const ID_KINDS = [
  'status',
  'issueType',
  'priority',
  'resolution',
  'linkType',
  'field',
  'option',
  'context',
  'group',
  'role',
  'project',
  'component',
  'version',
  'workflow',
  'transition',
  'workflowScheme',
  'screen',
  'tab',
  'screenScheme',
  'issueTypeScreenScheme',
  'fieldConfiguration',
  'fieldConfigurationScheme',
  'issueTypeScheme',
  'permissionScheme',
  'grant',
  'notificationScheme',
  'filter',
  'board',
  'user',
] as const;
export type IdKind = (typeof ID_KINDS)[number];

/** id → content key per kind, and back: key → id (what a step needs to address production). */
export class IdKeys {
  private readonly toKey = new Map<IdKind, Map<string, string>>();
  private readonly toId = new Map<IdKind, Map<string, string>>();

  add(kind: IdKind, id: string, key: string): void {
    let k = this.toKey.get(kind);
    if (!k) {
      k = new Map();
      this.toKey.set(kind, k);
    }
    let i = this.toId.get(kind);
    if (!i) {
      i = new Map();
      this.toId.set(kind, i);
    }
    if (!k.has(id)) k.set(id, key);
    if (!i.has(key)) i.set(key, id);
  }

  /** A key → id entry only (a second, scoped key for the same entity). */
  alias(kind: IdKind, key: string, id: string): void {
    let i = this.toId.get(kind);
    if (!i) {
      i = new Map();
      this.toId.set(kind, i);
    }
    if (!i.has(key)) i.set(key, id);
  }

  /** The content key of an id; an id nothing defines stays visible as `?id` (a dangling reference). */
  key(kind: IdKind, id: string): string {
    return this.toKey.get(kind)?.get(id) ?? `?${id}`;
  }

  /** The production id of a content key, or undefined when production has no such entity. */
  id(kind: IdKind, key: string): string | undefined {
    return this.toId.get(kind)?.get(key);
  }

  /** Every key → id of a kind (for the journal's record of ids Jira assigned). */
  entries(kind: IdKind): [string, string][] {
    return [...(this.toId.get(kind) ?? new Map<string, string>())];
  }
}

/** Unique keys in list order: the second `Open` is `Open#2`. */
export const uniqueKeys = (names: readonly string[]): string[] => {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const count = (seen.get(n) ?? 0) + 1;
    seen.set(n, count);
    return count === 1 ? n : `${n}#${count}`;
  });
};

/** The holder or recipient of a grant or notification, as a key: `group:developers`, `reporter`. */
export const holderKey = (keys: IdKeys, h: { type: string; value?: string }): string => {
  if (h.value === undefined) return h.type;
  const kind: IdKind | undefined = h.type === 'group' ? 'group' : h.type === 'projectRole' ? 'role' : undefined;
  return `${h.type}:${kind ? keys.key(kind, h.value) : h.value}`;
};

const named = (keys: IdKeys, kind: IdKind, list: readonly { id: string; name: string }[], scope = ''): void => {
  uniqueKeys(list.map((x) => x.name)).forEach((k, i) => keys.add(kind, list[i]!.id, `${scope}${k}`));
};

/** Every id of a configuration with its content key. */
export const keysOf = (config: Config): IdKeys => {
  const keys = new IdKeys();
  named(keys, 'status', config.statuses);
  named(keys, 'issueType', config.issueTypes);
  named(keys, 'priority', config.priorities);
  named(keys, 'resolution', config.resolutions);
  named(keys, 'linkType', config.issueLinkTypes);
  named(keys, 'group', config.groups);
  named(keys, 'role', config.roles);
  for (const u of config.users) keys.add('user', u.accountId, u.accountId);
  // System fields have fixed ids (summary, priority…); custom fields are known by their names.
  const custom = config.fields.filter((f) => f.custom);
  for (const f of config.fields) if (!f.custom) keys.add('field', f.id, f.id);
  named(keys, 'field', custom);
  for (const f of config.fields) {
    const fk = keys.key('field', f.id);
    uniqueKeys(f.contexts.map((c) => c.name ?? 'context')).forEach((ck, ci) => {
      const c = f.contexts[ci]!;
      keys.add('context', c.id, `${fk}|${ck}`);
      // Options are known by their value; `field|context|value` finds the id of one in its context.
      for (const o of c.options ?? []) {
        keys.add('option', o.id, o.value);
        keys.alias('option', `${fk}|${ck}|${o.value}`, o.id);
        for (const ch of o.children ?? []) {
          keys.add('option', ch.id, `${o.value}/${ch.value}`);
          keys.alias('option', `${fk}|${ck}|${o.value}/${ch.value}`, ch.id);
        }
      }
    });
  }
  for (const p of config.projects) {
    keys.add('project', p.id, p.key);
    named(keys, 'component', p.components, `${p.key}|`);
    named(keys, 'version', p.versions, `${p.key}|`);
  }
  named(keys, 'workflow', config.workflows);
  for (const w of config.workflows) named(keys, 'transition', w.transitions, `${keys.key('workflow', w.id)}|`);
  named(keys, 'workflowScheme', config.workflowSchemes);
  named(keys, 'screen', config.screens);
  for (const s of config.screens) named(keys, 'tab', s.tabs, `${keys.key('screen', s.id)}|`);
  named(keys, 'screenScheme', config.screenSchemes);
  named(keys, 'issueTypeScreenScheme', config.issueTypeScreenSchemes);
  named(keys, 'fieldConfiguration', config.fieldConfigurations);
  named(keys, 'fieldConfigurationScheme', config.fieldConfigurationSchemes);
  named(keys, 'issueTypeScheme', config.issueTypeSchemes);
  named(keys, 'permissionScheme', config.permissionSchemes);
  named(keys, 'notificationScheme', config.notificationSchemes);
  named(keys, 'filter', config.filters);
  named(keys, 'board', config.boards);
  // Grants are known by what they grant to whom (after groups and roles have keys).
  for (const s of config.permissionSchemes) {
    const sk = keys.key('permissionScheme', s.id);
    uniqueKeys(s.grants.map((g) => `${g.permission}:${holderKey(keys, g.holder)}`)).forEach((k, i) =>
      keys.add('grant', s.grants[i]!.id, `${sk}|${k}`),
    );
  }
  return keys;
};
