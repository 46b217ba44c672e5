/**
 * Who may browse and administer each project, asked of the tracker itself (no browser): the
 * `permissions` observations the lockout check compares, for every active user, so a change that
 * leaves a project with nobody able to browse or administer it is found before any regression run.
 */
import type { Config, Issue } from '../model/index.ts';
import { fixedClock, Tracker } from '../tracker/index.ts';
import type { Observation } from './result.ts';

const CHECKED = ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'] as const;

export const holderObservations = (state: { config: Config; issues: readonly Issue[] }, now: string): Observation[] => {
  const tracker = new Tracker({ config: state.config, issues: [...state.issues] }, { clock: fixedClock(now), outbox: [] });
  const out: Observation[] = [];
  for (const project of state.config.projects) {
    for (const user of state.config.users) {
      if (!user.active) continue;
      for (const perm of CHECKED) {
        out.push({
          check: 'permissions',
          id: `permissions|${project.key}|${user.email}|${perm}`,
          label: `${user.displayName} holds ${perm} in ${project.name} (${project.key})`,
          keys: { project: [project.key, project.name], persona: [user.email, user.displayName, user.accountId], permission: [perm] },
          value: tracker.can(user.accountId, perm, project.key),
        });
      }
    }
  }
  return out;
};
