/** Ids are unique per entity kind, and inside each entity's own lists. */
import type { Config } from '../types.ts';
import { q } from '../suggest.ts';
import { checkUnique, type ConfigRule } from './rule.ts';

const TOP_LEVEL: readonly (keyof Config)[] = [
  'statuses',
  'issueTypes',
  'priorities',
  'resolutions',
  'issueLinkTypes',
  'fields',
  'groups',
  'roles',
  'projects',
  'issueTypeSchemes',
  'workflows',
  'workflowSchemes',
  'screens',
  'screenSchemes',
  'issueTypeScreenSchemes',
  'fieldConfigurations',
  'fieldConfigurationSchemes',
  'permissionSchemes',
  'notificationSchemes',
  'filters',
  'boards',
];

export const uniqueIds: ConfigRule = {
  name: 'unique-ids',
  about: 'ids are unique per entity kind (and account ids and e-mails per user, option ids per context, transition ids per workflow…)',
  run: ({ config }, report) => {
    for (const kind of TOP_LEVEL) {
      const list = config[kind] as unknown as readonly { id: string }[];
      checkUnique(
        report,
        list,
        (i) => `${kind}[${i}].id`,
        (e) => e.id,
        'id',
      );
    }
    checkUnique(
      report,
      config.users,
      (i) => `users[${i}].accountId`,
      (u) => u.accountId,
      'accountId',
    );
    checkUnique(
      report,
      config.users,
      (i) => `users[${i}].email`,
      (u) => u.email.toLowerCase(),
      'e-mail (personas sign in with it)',
    );
    config.fields.forEach((f, fi) => {
      checkUnique(
        report,
        f.contexts,
        (i) => `fields[${fi}].contexts[${i}].id`,
        (c) => c.id,
        'context id',
      );
      f.contexts.forEach((c, ci) => {
        const flat = (c.options ?? []).flatMap((o, oi) => [
          { id: o.id, path: `fields[${fi}].contexts[${ci}].options[${oi}].id` },
          ...(o.children ?? []).map((ch, chi) => ({ id: ch.id, path: `fields[${fi}].contexts[${ci}].options[${oi}].children[${chi}].id` })),
        ]);
        checkUnique(
          report,
          flat,
          (i) => flat[i]!.path,
          (o) => o.id,
          'option id',
        );
      });
    });
    config.workflows.forEach((w, wi) =>
      checkUnique(
        report,
        w.transitions,
        (i) => `workflows[${wi}].transitions[${i}].id`,
        (t) => t.id,
        'transition id',
      ),
    );
    config.screens.forEach((s, si) =>
      checkUnique(
        report,
        s.tabs,
        (i) => `screens[${si}].tabs[${i}].id`,
        (t) => t.id,
        'tab id',
      ),
    );
    config.permissionSchemes.forEach((s, si) =>
      checkUnique(
        report,
        s.grants,
        (i) => `permissionSchemes[${si}].grants[${i}].id`,
        (g) => g.id,
        'grant id',
      ),
    );
    config.projects.forEach((p, pi) => {
      checkUnique(
        report,
        p.components,
        (i) => `projects[${pi}].components[${i}].id`,
        (c) => c.id,
        'component id',
      );
      checkUnique(
        report,
        p.versions,
        (i) => `projects[${pi}].versions[${i}].id`,
        (v) => v.id,
        'version id',
      );
      checkUnique(
        report,
        p.roles,
        (i) => `projects[${pi}].roles[${i}].role`,
        (r) => r.role,
        `role entry in project ${q(p.key)}`,
      );
    });
  },
};
