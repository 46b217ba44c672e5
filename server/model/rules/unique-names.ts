/** Names and keys are unique where trackers require it (Jira refuses a duplicate on save). */
import type { Config } from '../types.ts';
import { q } from '../suggest.ts';
import { checkUnique, type ConfigRule } from './rule.ts';

const lower = (s: string): string => s.trim().toLowerCase();

/** Lists whose names a tracker keeps unique (case-insensitively, as Jira compares them). */
const UNIQUE_NAMES: readonly (keyof Config)[] = [
  'statuses',
  'issueTypes',
  'priorities',
  'resolutions',
  'issueLinkTypes',
  'groups',
  'roles',
  'projects',
  'screens',
  'workflows',
  'issueTypeSchemes',
  'workflowSchemes',
  'screenSchemes',
  'issueTypeScreenSchemes',
  'fieldConfigurations',
  'fieldConfigurationSchemes',
  'permissionSchemes',
  'notificationSchemes',
];

const KIND_LABEL: Partial<Record<keyof Config, string>> = {
  statuses: 'status',
  issueTypes: 'issue type',
  priorities: 'priority',
  resolutions: 'resolution',
  issueLinkTypes: 'link type',
  groups: 'group',
  roles: 'role',
  projects: 'project',
  screens: 'screen',
  workflows: 'workflow',
};

export const uniqueNames: ConfigRule = {
  name: 'unique-names',
  about:
    'names unique where trackers require it: statuses, issue types, custom fields, project keys and names, groups, screens, schemes, options, transitions from one status',
  run: ({ config }, report) => {
    for (const kind of UNIQUE_NAMES) {
      const list = config[kind] as unknown as readonly { name: string }[];
      checkUnique(
        report,
        list,
        (i) => `${kind}[${i}].name`,
        (e) => lower(e.name),
        `${KIND_LABEL[kind] ?? kind} name`,
        'error',
        (e) => e.name,
      );
    }
    checkUnique(
      report,
      config.projects,
      (i) => `projects[${i}].key`,
      (p) => p.key,
      'project key',
    );
    // Custom fields may share a name with a system field in Jira, but not with each other.
    const custom = config.fields.map((f, i) => ({ f, i })).filter((x) => x.f.custom);
    checkUnique(
      report,
      custom,
      (j) => `fields[${custom[j]!.i}].name`,
      (x) => lower(x.f.name),
      'custom field name',
      'error',
      (x) => x.f.name,
    );
    const system = new Set(config.fields.filter((f) => !f.custom).map((f) => lower(f.name)));
    for (const { f, i } of custom) {
      if (system.has(lower(f.name)))
        report(`fields[${i}].name`, `custom field name ${q(f.name)} is also a system field's name: JQL and the UI cannot tell them apart`, 'warning');
    }
    config.fields.forEach((f, fi) =>
      f.contexts.forEach((c, ci) => {
        checkUnique(
          report,
          c.options ?? [],
          (oi) => `fields[${fi}].contexts[${ci}].options[${oi}].value`,
          (o) => lower(o.value),
          'option value',
          'error',
          (o) => o.value,
        );
        (c.options ?? []).forEach((o, oi) =>
          checkUnique(
            report,
            o.children ?? [],
            (k) => `fields[${fi}].contexts[${ci}].options[${oi}].children[${k}].value`,
            (o2) => lower(o2.value),
            'child option value',
            'error',
            (o2) => o2.value,
          ),
        );
      }),
    );
    config.projects.forEach((p, pi) => {
      checkUnique(
        report,
        p.components,
        (i) => `projects[${pi}].components[${i}].name`,
        (c) => lower(c.name),
        'component name',
        'error',
        (c) => c.name,
      );
      checkUnique(
        report,
        p.versions,
        (i) => `projects[${pi}].versions[${i}].name`,
        (v) => lower(v.name),
        'version name',
        'error',
        (v) => v.name,
      );
    });
    config.workflows.forEach((w, wi) => {
      // A person picks a transition by name from the status the issue is in: two alike are ambiguous.
      const sources = new Set(w.statuses.map((s) => s.status));
      for (const status of sources) {
        const available = w.transitions
          .map((t, ti) => ({ t, ti }))
          .filter(({ t }) => t.type === 'global' || (t.type === 'directed' && t.from.includes(status)));
        checkUnique(
          report,
          available,
          (j) => `workflows[${wi}].transitions[${available[j]!.ti}].name`,
          (x) => lower(x.t.name),
          `transition name from status ${q(status)}`,
          'error',
          (x) => x.t.name,
        );
      }
    });
    const byOwner = config.filters.map((f, i) => ({ f, i }));
    checkUnique(
      report,
      byOwner,
      (j) => `filters[${byOwner[j]!.i}].name`,
      (x) => `${lower(x.f.name)}\u0000${x.f.owner}`,
      'filter name (same owner)',
      'error',
      (x) => x.f.name,
    );
  },
};
