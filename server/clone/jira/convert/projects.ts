/** Projects with components, versions, role actors and the schemes they use; project roles. */
import type { Project, ProjectRole, RoleActor } from '../../../model/index.ts';
import type { Obj, RawConfig, RawProject } from '../raw.ts';
import { str, text, userIdOf } from './common.ts';

export const rolesOf = (raw: Obj[]): ProjectRole[] => raw.map((r) => ({ id: str(r.id), name: str(r.name), ...text(r.description) }));

const KINDS = ['software', 'service_desk', 'business'] as const;

const actorsOf = (dc: boolean, role: Obj): RoleActor[] =>
  (role.actors ?? []).flatMap((a: Obj): RoleActor[] => {
    if (a.actorGroup || a.type === 'atlassian-group-role-actor')
      return [{ type: 'group', id: str(a.actorGroup?.groupId ?? a.actorGroup?.name ?? a.name) }];
    const id = userIdOf(dc, a.actorUser) ?? (a.name ? str(a.name) : undefined);
    return id ? [{ type: 'user', id }] : [];
  });

/** Which scheme of a kind each project uses, from Jira's `…/project` mapping answers. */
const schemeByProject = (rows: Obj[], key: string): Map<string, string> => {
  const out = new Map<string, string>();
  for (const row of rows) {
    const scheme = row[key];
    for (const p of row.projectIds ?? []) if (scheme?.id !== undefined) out.set(str(p), str(scheme.id));
  }
  return out;
};

export const projectsOf = (raw: RawConfig): Project[] => {
  const its = schemeByProject(raw.issueTypeSchemeProjects, 'issueTypeScheme');
  const wfs = schemeByProject(raw.workflowSchemeProjects, 'workflowScheme');
  const itss = schemeByProject(raw.issueTypeScreenSchemeProjects, 'issueTypeScreenScheme');
  const fcs = schemeByProject(raw.fieldConfigurationSchemeProjects, 'fieldConfigurationScheme');
  const first = (list: Obj[]) => (list[0] ? str(list[0].id) : '');
  return raw.projects.map(({ project: p, components, versions, roles, properties }: RawProject): Project => {
    const id = str(p.id);
    const key = str(p.key);
    return {
      id,
      key,
      name: str(p.name),
      kind: (KINDS as readonly string[]).includes(p.projectTypeKey) ? p.projectTypeKey : 'software',
      ...text(p.description),
      lead: userIdOf(raw.dc, p.lead) ?? '',
      archived: p.archived === true,
      components: components.map((c) => ({
        id: str(c.id),
        name: str(c.name),
        ...text(c.description),
        ...(userIdOf(raw.dc, c.lead) ? { lead: userIdOf(raw.dc, c.lead)! } : {}),
      })),
      versions: versions.map((v) => ({
        id: str(v.id),
        name: str(v.name),
        released: v.released === true,
        archived: v.archived === true,
        ...(v.releaseDate ? { releaseDate: str(v.releaseDate) } : {}),
        ...text(v.description),
      })),
      roles: roles.map((r) => ({ role: str(r.id), actors: actorsOf(raw.dc, r) })).filter((r) => r.actors.length > 0),
      schemes: {
        issueTypeScheme: its.get(id) ?? first(raw.issueTypeSchemes),
        workflowScheme: wfs.get(id) ?? first(raw.workflowSchemes),
        issueTypeScreenScheme: itss.get(id) ?? first(raw.issueTypeScreenSchemes),
        fieldConfigurationScheme: fcs.get(id) ?? first(raw.fieldConfigurationSchemes),
        permissionScheme: str(raw.projectPermissionSchemes[key]?.id ?? first(raw.permissionSchemes)),
        notificationScheme: str(raw.projectNotificationSchemes[key]?.id ?? first(raw.notificationSchemes)),
      },
      ...(properties && Object.keys(properties).length ? { properties } : {}),
    };
  });
};
