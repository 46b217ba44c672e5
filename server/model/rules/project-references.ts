/** Projects name existing people, roles and schemes; their issue types all get a workflow, screens and a field configuration. */
import type { Project } from '../types.ts';
import { q } from '../suggest.ts';
import { checkRef, type ConfigRule, type Report } from './rule.ts';
import type { ConfigIndex } from '../config-index.ts';

const activeUser = (ix: ConfigIndex, report: Report, path: string, id: string, what: string): void => {
  if (checkRef(report, path, 'user', id, ix.users, ix.candidates.user) && !ix.users.get(id)!.active) {
    report(path, `${what} ${q(id)} is an inactive user`, 'warning');
  }
};

type Named = ReadonlyMap<string, { id: string; name: string }>;
const schemeMaps = (ix: ConfigIndex): [keyof Project['schemes'], string, Named][] => [
  ['issueTypeScheme', 'issue type scheme', ix.issueTypeSchemes],
  ['workflowScheme', 'workflow scheme', ix.workflowSchemes],
  ['issueTypeScreenScheme', 'issue type screen scheme', ix.issueTypeScreenSchemes],
  ['fieldConfigurationScheme', 'field configuration scheme', ix.fieldConfigurationSchemes],
  ['permissionScheme', 'permission scheme', ix.permissionSchemes],
  ['notificationScheme', 'notification scheme', ix.notificationSchemes],
];

export const projectReferences: ConfigRule = {
  name: 'project-references',
  about: 'project leads, component leads and role actors exist; every scheme a project names exists',
  run: (ix, report) =>
    ix.config.projects.forEach((p, pi) => {
      const base = `projects[${pi}]`;
      activeUser(ix, report, `${base}.lead`, p.lead, 'project lead');
      p.components.forEach((c, ci) => {
        if (c.lead !== undefined) activeUser(ix, report, `${base}.components[${ci}].lead`, c.lead, 'component lead');
      });
      p.roles.forEach((r, ri) => {
        checkRef(report, `${base}.roles[${ri}].role`, 'project role', r.role, ix.roles, ix.candidates.role);
        r.actors.forEach((a, ai) => {
          const path = `${base}.roles[${ri}].actors[${ai}].id`;
          if (a.type === 'user') checkRef(report, path, 'user', a.id, ix.users, ix.candidates.user);
          else checkRef(report, path, 'group', a.id, ix.groups, ix.candidates.group);
        });
      });
      for (const [key, label, map] of schemeMaps(ix)) {
        checkRef(report, `${base}.schemes.${key}`, label, p.schemes[key], map, () => [...map.values()]);
      }
    }),
};

export const schemeCoverage: ConfigRule = {
  name: 'scheme-coverage',
  about:
    'for every project × issue type of its issue type scheme, the workflow scheme yields a workflow and the screen and field configuration schemes resolve',
  run: (ix, report) =>
    ix.config.projects.forEach((p, pi) => {
      const types = ix.projectTypes(p.key);
      if (!types || !ix.workflowSchemes.has(p.schemes.workflowScheme)) return; // reported by project-references
      for (const t of types) {
        if (!ix.issueTypes.has(t)) continue;
        const wf = ix.workflowOf(p.key, t);
        const typeName = ix.issueTypes.get(t)!.name;
        if (!wf)
          report(
            `projects[${pi}].schemes.workflowScheme`,
            `workflow scheme ${q(p.schemes.workflowScheme)} gives issue type ${q(typeName)} of project ${q(p.key)} no existing workflow`,
          );
      }
    }),
};

export const peopleReferences: ConfigRule = {
  name: 'people-references',
  about: "users' groups exist; global permissions name existing groups and somebody active holds ADMINISTER",
  run: (ix, report) => {
    ix.config.users.forEach((u, ui) =>
      u.groups.forEach((g, gi) => checkRef(report, `users[${ui}].groups[${gi}]`, 'group', g, ix.groups, ix.candidates.group)),
    );
    ix.config.globalPermissions.forEach((g, gi) =>
      checkRef(report, `globalPermissions[${gi}].group`, 'group', g.group, ix.groups, ix.candidates.group),
    );
    const adminGroups = new Set(
      ix.config.globalPermissions.filter((g) => g.permission === 'ADMINISTER' || g.permission === 'SYSTEM_ADMIN').map((g) => g.group),
    );
    if (!ix.config.users.some((u) => u.active && u.groups.some((g) => adminGroups.has(g)))) {
      report('globalPermissions', 'no active user holds the global ADMINISTER permission (grant it to a group with an active member)', 'warning');
    }
  },
};
