/** What a caller may see of projects: Jira hides projects a caller cannot browse (404 / left out). */
import type { Project } from '../../model/index.ts';
import { notFound } from './errors.ts';
import type { J } from './handler.ts';

export const canSeeProject = (j: J, p: Project): boolean =>
  j.ctx.tracker.can(j.actor, 'BROWSE_PROJECTS', p.key) || j.ctx.tracker.can(j.actor, 'ADMINISTER_PROJECTS', p.key) || j.ctx.tracker.isAdmin(j.actor);

export const visibleProjects = (j: J): Project[] => j.ctx.tracker.config.projects.filter((p) => canSeeProject(j, p));

export const projectOr404 = (j: J, ref: string): Project => {
  const p = j.ctx.tracker.project(ref) ?? j.ctx.tracker.project(ref.toUpperCase());
  if (!p || !canSeeProject(j, p)) throw notFound(`No project could be found with key '${ref}'.`);
  return p;
};
