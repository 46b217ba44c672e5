/**
 * Project permissions from the project's permission scheme, for one actor and optionally one issue.
 * Issue-level holders (reporter, assignee) need the issue; without one they grant nothing, except
 * that a `reporter` grant of CREATE_ISSUES holds (the creator becomes the reporter, as in Jira).
 * Jira administrators (global ADMINISTER) administer every project. Archived projects are read-only:
 * only BROWSE_PROJECTS and ADMINISTER_PROJECTS survive.
 */
import { type ConfigIndex, type Issue, type PermissionHolder, type Project, PROJECT_PERMISSIONS, type ProjectPermission } from '../model/index.ts';
import type { Actor } from './types.ts';

const READ_ONLY_KEEP = new Set<ProjectPermission>(['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS']);

export const holderMatches = (
  ix: ConfigIndex,
  holder: PermissionHolder,
  actor: Actor,
  project: Project,
  issue: Issue | undefined,
  permission: ProjectPermission,
): boolean => {
  const user = ix.activeUser(actor);
  switch (holder.type) {
    case 'anyone':
      return true;
    case 'loggedIn':
      return user !== undefined;
    case 'group':
      return user !== undefined && holder.value !== undefined && user.groups.includes(holder.value);
    case 'projectRole':
      return user !== undefined && holder.value !== undefined && ix.roleHolders(project, holder.value).has(user.accountId);
    case 'user':
      return user !== undefined && holder.value === user.accountId;
    case 'projectLead':
      return user !== undefined && project.lead === user.accountId;
    case 'reporter':
      if (!user) return false;
      return issue ? issue.reporter === user.accountId : permission === 'CREATE_ISSUES';
    case 'assignee':
      return user !== undefined && issue !== undefined && issue.assignee === user.accountId;
  }
};

/** Every project permission the actor holds in the project (on the issue, when given). */
export const permissionsOf = (ix: ConfigIndex, actor: Actor, project: Project, issue?: Issue): Set<ProjectPermission> => {
  const out = new Set<ProjectPermission>();
  const scheme = ix.config.permissionSchemes.find((s) => s.id === project.schemes.permissionScheme);
  for (const grant of scheme?.grants ?? []) {
    if (out.has(grant.permission)) continue;
    if (holderMatches(ix, grant.holder, actor, project, issue, grant.permission)) out.add(grant.permission);
  }
  if (ix.hasGlobal(actor, 'ADMINISTER')) out.add('ADMINISTER_PROJECTS');
  if (project.archived) for (const p of [...out]) if (!READ_ONLY_KEEP.has(p)) out.delete(p);
  // ASSIGNABLE_USER describes a person who can be assigned: an inactive or anonymous one never is.
  if (!ix.activeUser(actor)) out.delete('ASSIGNABLE_USER');
  return out;
};

export const can = (ix: ConfigIndex, actor: Actor, permission: ProjectPermission, project: Project, issue?: Issue): boolean => {
  const scheme = ix.config.permissionSchemes.find((s) => s.id === project.schemes.permissionScheme);
  if (project.archived && !READ_ONLY_KEEP.has(permission)) return false;
  if (permission === 'ADMINISTER_PROJECTS' && ix.hasGlobal(actor, 'ADMINISTER')) return true;
  if (permission === 'ASSIGNABLE_USER' && !ix.activeUser(actor)) return false;
  return (scheme?.grants ?? []).some((g) => g.permission === permission && holderMatches(ix, g.holder, actor, project, issue, permission));
};

/**
 * How an actor may browse a project, computed once per search: 'all' (a project-level grant),
 * 'none', or 'issue' (only through reporter/assignee grants, decided per issue).
 */
export const browseMode = (ix: ConfigIndex, actor: Actor, project: Project): 'all' | 'none' | 'issue' => {
  const scheme = ix.config.permissionSchemes.find((s) => s.id === project.schemes.permissionScheme);
  const grants = (scheme?.grants ?? []).filter((g) => g.permission === 'BROWSE_PROJECTS');
  if (
    grants.some(
      (g) =>
        g.holder.type !== 'reporter' && g.holder.type !== 'assignee' && holderMatches(ix, g.holder, actor, project, undefined, 'BROWSE_PROJECTS'),
    )
  )
    return 'all';
  if (ix.activeUser(actor) && grants.some((g) => g.holder.type === 'reporter' || g.holder.type === 'assignee')) return 'issue';
  return 'none';
};

export { PROJECT_PERMISSIONS };
