/**
 * Every open project has somebody active who can browse it and somebody who can administer it,
 * through its permission scheme (failure mode 9: an imported scheme naming missing groups locked
 * everybody out). Grants to reporter or assignee depend on issues and do not count here.
 */
import type { ConfigIndex } from '../config-index.ts';
import type { PermissionHolder, Project } from '../types.ts';
import { q } from '../suggest.ts';
import type { ConfigRule } from './rule.ts';

const activeInGroup = (ix: ConfigIndex, group: string): boolean => ix.config.users.some((u) => u.active && u.groups.includes(group));

const holderReachesSomeone = (ix: ConfigIndex, project: Project, h: PermissionHolder): boolean => {
  switch (h.type) {
    case 'anyone':
    case 'loggedIn':
      return ix.config.users.some((u) => u.active);
    case 'group':
      return h.value !== undefined && activeInGroup(ix, h.value);
    case 'user':
      return h.value !== undefined && ix.users.get(h.value)?.active === true;
    case 'projectLead':
      return ix.users.get(project.lead)?.active === true;
    case 'projectRole': {
      const actors = project.roles.find((r) => r.role === h.value)?.actors ?? [];
      return actors.some((a) => (a.type === 'user' ? ix.users.get(a.id)?.active === true : activeInGroup(ix, a.id)));
    }
    case 'reporter':
    case 'assignee':
      return false;
  }
};

export const projectAccess: ConfigRule = {
  name: 'project-access',
  about: 'every project that is not archived has an active person able to browse it and one able to administer it',
  run: (ix, report) =>
    ix.config.projects.forEach((p, pi) => {
      if (p.archived) return;
      const scheme = ix.permissionSchemes.get(p.schemes.permissionScheme);
      if (!scheme) return; // reported by project-references
      for (const permission of ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] as const) {
        const grants = scheme.grants.filter((g) => g.permission === permission);
        if (grants.some((g) => holderReachesSomeone(ix, p, g.holder))) continue;
        const holders = grants.map((g) => `${g.holder.type}${g.holder.value ? ` ${q(g.holder.value)}` : ''}`).join(', ');
        const why = holders ? `grants ${permission} only to ${holders}, which reach no active user` : `does not grant ${permission} at all`;
        report(
          `projects[${pi}].schemes.permissionScheme`,
          `nobody active can ${permission === 'BROWSE_PROJECTS' ? 'browse' : 'administer'} project ${q(p.key)}: scheme ${q(scheme.name)} ${why}`,
        );
      }
    }),
};
