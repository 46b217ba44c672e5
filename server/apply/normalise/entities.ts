/**
 * One function per configuration collection: the entity with its ids, `refs` and `ext` taken out
 * and every reference replaced by the content key it names. Lists Jira keeps in a configured
 * order (options, tabs and their fields, board columns, versions, a scheme's issue types) keep
 * their order, as do a workflow's statuses and transitions; lists it shows in id order (grants,
 * recipients, actors, mappings) are
 * sorted by key, since a re-created member comes back at the end with a new id.
 */
import type {
  Board,
  Config,
  Field,
  FieldConfiguration,
  NotificationScheme,
  PermissionScheme,
  Project,
  SavedFilter,
  Screen,
  User,
  Workflow,
} from '../../model/index.ts';
import type { ConditionTree } from '../../model/index.ts';
import { holderKey, uniqueKeys, type IdKeys, type IdKind } from './keys.ts';

export type Json = unknown;
type Obj = Record<string, unknown>;

const byKey = <T>(list: T[], key: (x: T) => string): T[] => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const sortStrings = (xs: readonly string[]): string[] => [...xs].sort();
const text = (k: string, v: string | undefined): Obj => (v ? { [k]: v } : {});

/** `cf[10010]` and `customfield_10010` in JQL name a field by id: replace them by the field's key. */
export const normaliseJql = (jql: string, keys: IdKeys): string =>
  jql.replace(/\bcf\[(\d+)\]|\bcustomfield_(\d+)\b/g, (m, a: string | undefined, b: string | undefined) => {
    const key = keys.key('field', `customfield_${a ?? b}`);
    return key.startsWith('?') ? m : `field[${JSON.stringify(key)}]`;
  });

/** A value that names option, version, component, group or user ids, by the field's type. */
export const normaliseValue = (type: string, value: unknown, keys: IdKeys): unknown => {
  const one = (kind: IdKind) => (v: unknown) => (typeof v === 'string' ? keys.key(kind, v) : v);
  const many = (kind: IdKind) => (v: unknown) => (Array.isArray(v) ? v.map(one(kind)) : one(kind)(v));
  switch (type) {
    case 'select':
    case 'radio':
    case 'multi-select':
    case 'checkboxes':
      return many('option')(value);
    case 'cascading-select': {
      if (!value || typeof value !== 'object') return value;
      const c = value as { parent?: string; child?: string };
      return { ...(c.parent ? { parent: keys.key('option', c.parent) } : {}), ...(c.child ? { child: keys.key('option', c.child) } : {}) };
    }
    case 'version':
    case 'multi-version':
      return many('version')(value);
    case 'components':
      return many('component')(value);
    case 'group':
    case 'multi-group':
      return many('group')(value);
    case 'priority':
      return many('priority')(value);
    case 'resolution':
      return one('resolution')(value);
    case 'status':
      return one('status')(value);
    case 'issueType':
      return one('issueType')(value);
    default:
      return value;
  }
};

const fieldType = (config: Config, id: string): string => config.fields.find((f) => f.id === id)?.type ?? 'text';

const conditionTree = (t: ConditionTree, config: Config, keys: IdKeys): Obj => ({
  op: t.op,
  conditions: t.conditions.map((c) => {
    if ('op' in c) return conditionTree(c, config, keys);
    if (c.type === 'inGroup') return { ...c, group: keys.key('group', c.group) };
    if (c.type === 'inProjectRole') return { ...c, role: keys.key('role', c.role) };
    if (c.type === 'fieldValue')
      return {
        ...c,
        field: keys.key('field', c.field),
        ...(c.value !== undefined ? { value: normaliseValue(fieldType(config, c.field), c.value, keys) } : {}),
      };
    return c;
  }),
});

/** A workflow's statuses and transitions keep their order: Jira shows them in it (PRODUCT.md: order is state). */
const workflow = (w: Workflow, config: Config, keys: IdKeys): Obj => {
  const tkeys = uniqueKeys(w.transitions.map((t) => t.name));
  return {
    name: w.name,
    ...text('description', w.description),
    statuses: w.statuses.map((s) => ({ status: keys.key('status', s.status), ...(s.layout ? { layout: s.layout } : {}) })),
    transitions: w.transitions.map((t, i) => ({
      key: tkeys[i]!,
      name: t.name,
      type: t.type,
      from: t.from.map((s) => keys.key('status', s)),
      to: keys.key('status', t.to),
      ...(t.screen ? { screen: keys.key('screen', t.screen) } : {}),
      ...text('description', t.description),
      rules: {
        ...(t.rules.conditions ? { conditions: conditionTree(t.rules.conditions as ConditionTree, config, keys) } : {}),
        validators: t.rules.validators.map((v) =>
          v.type === 'fieldRequired'
            ? { ...v, fields: v.fields.map((f) => keys.key('field', f)) }
            : v.type === 'fieldMatches'
              ? { ...v, field: keys.key('field', v.field) }
              : v,
        ),
        postFunctions: t.rules.postFunctions.map((p) =>
          p.type === 'setResolution'
            ? { ...p, resolution: keys.key('resolution', p.resolution) }
            : p.type === 'setField'
              ? { ...p, field: keys.key('field', p.field), value: normaliseValue(fieldType(config, p.field), p.value, keys) }
              : p,
        ),
      },
    })),
  };
};

const field = (f: Field, keys: IdKeys): Obj => {
  const ckeys = uniqueKeys(f.contexts.map((c) => c.name ?? 'context'));
  return {
    name: f.name,
    type: f.type,
    custom: f.custom,
    ...text('description', f.description),
    contexts: Object.fromEntries(
      f.contexts.map((c, i) => [
        ckeys[i]!,
        {
          projects: sortStrings(c.projects),
          issueTypes: sortStrings(c.issueTypes.map((t) => keys.key('issueType', t))),
          ...(c.options
            ? {
                options: c.options.map((o) => ({
                  value: o.value,
                  ...(o.disabled ? { disabled: true } : {}),
                  ...(o.children ? { children: o.children.map((ch) => ({ value: ch.value, ...(ch.disabled ? { disabled: true } : {}) })) } : {}),
                })),
              }
            : {}),
          ...(c.default !== undefined ? { default: normaliseValue(f.type, c.default, keys) } : {}),
        },
      ]),
    ),
  };
};

const project = (p: Project, keys: IdKeys): Obj => ({
  key: p.key,
  name: p.name,
  kind: p.kind,
  ...text('description', p.description),
  lead: p.lead,
  archived: p.archived,
  components: byKey(
    p.components.map((c) => ({ name: c.name, ...text('description', c.description), ...(c.lead ? { lead: c.lead } : {}) })),
    (c) => c.name,
  ),
  versions: p.versions.map((v) => ({
    name: v.name,
    released: v.released,
    archived: v.archived,
    ...text('releaseDate', v.releaseDate),
    ...text('description', v.description),
  })),
  roles: Object.fromEntries(
    byKey(p.roles, (r) => keys.key('role', r.role)).map((r) => [
      keys.key('role', r.role),
      sortStrings(r.actors.map((a) => `${a.type}:${a.type === 'group' ? keys.key('group', a.id) : a.id}`)),
    ]),
  ),
  schemes: {
    issueTypeScheme: keys.key('issueTypeScheme', p.schemes.issueTypeScheme),
    workflowScheme: keys.key('workflowScheme', p.schemes.workflowScheme),
    issueTypeScreenScheme: keys.key('issueTypeScreenScheme', p.schemes.issueTypeScreenScheme),
    fieldConfigurationScheme: keys.key('fieldConfigurationScheme', p.schemes.fieldConfigurationScheme),
    permissionScheme: keys.key('permissionScheme', p.schemes.permissionScheme),
    notificationScheme: keys.key('notificationScheme', p.schemes.notificationScheme),
  },
});

const screen = (s: Screen, keys: IdKeys): Obj => ({
  name: s.name,
  ...text('description', s.description),
  tabs: s.tabs.map((t) => ({ name: t.name, fields: t.fields.map((f) => keys.key('field', f)) })),
});

const mappings = <K extends string>(list: readonly ({ issueType: string } & Record<K, string>)[], target: K, kind: IdKind, keys: IdKeys): Obj =>
  Object.fromEntries(
    byKey([...list], (m) => keys.key('issueType', m.issueType)).map((m) => [keys.key('issueType', m.issueType), keys.key(kind, m[target])]),
  );

const fieldConfiguration = (fc: FieldConfiguration, keys: IdKeys): Obj => ({
  name: fc.name,
  ...text('description', fc.description),
  // A field listed with nothing set is the same as a field not listed (optional, visible).
  items: Object.fromEntries(
    byKey(
      fc.items.filter((i) => i.required || i.hidden || i.description),
      (i) => keys.key('field', i.field),
    ).map((i) => [
      keys.key('field', i.field),
      { ...(i.required ? { required: true } : {}), ...(i.hidden ? { hidden: true } : {}), ...text('description', i.description) },
    ]),
  ),
});

const permissionScheme = (s: PermissionScheme, keys: IdKeys): Obj => ({
  name: s.name,
  ...text('description', s.description),
  grants: sortStrings(s.grants.map((g) => `${g.permission}:${holderKey(keys, g.holder)}`)),
});

const notificationScheme = (s: NotificationScheme, keys: IdKeys): Obj => ({
  name: s.name,
  ...text('description', s.description),
  events: Object.fromEntries(byKey(s.events, (e) => e.event).map((e) => [e.event, sortStrings(e.recipients.map((r) => holderKey(keys, r)))])),
});

const filter = (f: SavedFilter, keys: IdKeys): Obj => ({
  name: f.name,
  owner: f.owner,
  jql: normaliseJql(f.jql, keys),
  ...text('description', f.description),
  shares: sortStrings(
    f.shares.map(
      (s) =>
        `${s.type}${s.value === undefined ? '' : `:${s.type === 'group' ? keys.key('group', s.value) : s.type === 'projectRole' ? keys.key('role', s.value) : s.value}`}`,
    ),
  ),
});

const board = (b: Board, keys: IdKeys): Obj => ({
  name: b.name,
  type: b.type,
  filter: keys.key('filter', b.filter),
  ...(b.project ? { project: b.project } : {}),
  columns: b.columns.map((c) => ({
    name: c.name,
    statuses: c.statuses.map((s) => keys.key('status', s)),
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.max !== undefined ? { max: c.max } : {}),
  })),
});

const user = (u: User, keys: IdKeys): Obj => ({
  displayName: u.displayName,
  email: u.email,
  active: u.active,
  groups: sortStrings(u.groups.map((g) => keys.key('group', g))),
  ...text('timeZone', u.timeZone),
  ...(u.serviceAccount ? { serviceAccount: true } : {}),
});

/** The collections of a configuration: how each entity is keyed and normalised. */
export const COLLECTIONS: { [K in keyof Config]?: { kind: IdKind; of: (e: any, config: Config, keys: IdKeys) => Obj; ordered?: true } } = {
  statuses: { kind: 'status', of: (s) => ({ name: s.name, category: s.category, ...text('description', s.description) }) },
  issueTypes: {
    kind: 'issueType',
    of: (t) => ({
      name: t.name,
      subtask: t.subtask,
      ...text('description', t.description),
      ...(t.hierarchyLevel !== undefined ? { hierarchyLevel: t.hierarchyLevel } : {}),
    }),
  },
  priorities: { kind: 'priority', ordered: true, of: (p) => ({ name: p.name, ...text('description', p.description), ...text('color', p.color) }) },
  resolutions: { kind: 'resolution', ordered: true, of: (r) => ({ name: r.name, ...text('description', r.description) }) },
  issueLinkTypes: { kind: 'linkType', of: (l) => ({ name: l.name, inward: l.inward, outward: l.outward }) },
  fields: { kind: 'field', of: (f, _c, k) => field(f, k) },
  users: { kind: 'user', of: (u, _c, k) => user(u, k) },
  groups: { kind: 'group', of: (g) => ({ name: g.name, ...text('description', g.description) }) },
  roles: { kind: 'role', of: (r) => ({ name: r.name, ...text('description', r.description) }) },
  projects: { kind: 'project', of: (p, _c, k) => project(p, k) },
  issueTypeSchemes: {
    kind: 'issueTypeScheme',
    of: (s, _c, k) => ({
      name: s.name,
      issueTypes: s.issueTypes.map((t: string) => k.key('issueType', t)),
      ...(s.defaultIssueType ? { defaultIssueType: k.key('issueType', s.defaultIssueType) } : {}),
    }),
  },
  workflows: { kind: 'workflow', of: (w, c, k) => workflow(w, c, k) },
  workflowSchemes: {
    kind: 'workflowScheme',
    of: (s, _c, k) => ({
      name: s.name,
      ...text('description', s.description),
      defaultWorkflow: k.key('workflow', s.defaultWorkflow),
      mappings: mappings(s.mappings, 'workflow', 'workflow', k),
    }),
  },
  screens: { kind: 'screen', of: (s, _c, k) => screen(s, k) },
  screenSchemes: {
    kind: 'screenScheme',
    of: (s, _c, k) => ({
      name: s.name,
      screens: Object.fromEntries(Object.entries(s.screens as Record<string, string>).map(([op, id]) => [op, k.key('screen', id)])),
    }),
  },
  issueTypeScreenSchemes: {
    kind: 'issueTypeScreenScheme',
    of: (s, _c, k) => ({
      name: s.name,
      default: k.key('screenScheme', s.default),
      mappings: mappings(s.mappings, 'screenScheme', 'screenScheme', k),
    }),
  },
  fieldConfigurations: { kind: 'fieldConfiguration', of: (f, _c, k) => fieldConfiguration(f, k) },
  fieldConfigurationSchemes: {
    kind: 'fieldConfigurationScheme',
    of: (s, _c, k) => ({
      name: s.name,
      default: k.key('fieldConfiguration', s.default),
      mappings: mappings(s.mappings, 'fieldConfiguration', 'fieldConfiguration', k),
    }),
  },
  permissionSchemes: { kind: 'permissionScheme', of: (s, _c, k) => permissionScheme(s, k) },
  notificationSchemes: { kind: 'notificationScheme', of: (s, _c, k) => notificationScheme(s, k) },
  filters: { kind: 'filter', of: (f, _c, k) => filter(f, k) },
  boards: { kind: 'board', of: (b, _c, k) => board(b, k) },
};
