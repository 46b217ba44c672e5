/**
 * `project-lockout` (LK101, LK102): a project that had someone able to browse (or administer) it at
 * baseline and has nobody after the change. LK101 asks the tracker in memory for every active user
 * before any browser starts; LK102 reads the permission matrix the regression runs observed.
 */
import type { Config, Issue } from '../../model/index.ts';
import { fixedClock, Tracker } from '../../tracker/index.ts';
import type { Hazard, Observation } from '../result.ts';
import { type Analyzer, coded } from './analyzer.ts';

const CHECKED = [
  ['BROWSE_PROJECTS', 'browse'],
  ['ADMINISTER_PROJECTS', 'administer'],
] as const;

/** Projects that had someone able to browse (or administer) them at baseline and have nobody after. */
export const reachabilityHazards = (baseline: readonly Observation[], after: readonly Observation[], lastMigration: string | undefined): Hazard[] => {
  const holders = (list: readonly Observation[], perm: string) => {
    const m = new Map<string, { name: string; n: number }>();
    for (const o of list) {
      if (o.check !== 'permissions' || o.keys.permission?.[0] !== perm) continue;
      const key = o.keys.project?.[0] ?? '';
      const e = m.get(key) ?? { name: o.keys.project?.[1] ?? key, n: 0 };
      if (o.value === true) e.n++;
      m.set(key, e);
    }
    return m;
  };
  const out: Hazard[] = [];
  for (const [perm, word] of CHECKED) {
    const before = holders(baseline, perm);
    const now = holders(after, perm);
    for (const [key, b] of before) {
      if (b.n > 0 && (now.get(key)?.n ?? 0) === 0) {
        out.push({
          kind: 'project-unreachable',
          severity: 'error',
          ...(lastMigration ? { migration: lastMigration } : {}),
          message: `after the change nobody can ${word} ${b.name} (${key}); ${b.n} persona${b.n === 1 ? '' : 's'} could before`,
          evidence: [`permission ${perm} is held by no active user in ${key}`],
        });
      }
    }
  }
  return out;
};

/** Who holds browse and administer in each project, asked of the tracker itself, as `permissions` observations. */
export const holderObservations = (state: { config: Config; issues: readonly Issue[] }, now: string): Observation[] => {
  const tracker = new Tracker({ config: state.config, issues: [...state.issues] }, { clock: fixedClock(now), outbox: [] });
  const out: Observation[] = [];
  for (const project of state.config.projects) {
    for (const user of state.config.users) {
      if (!user.active) continue;
      for (const [perm] of CHECKED) {
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

export const projectLockout: Analyzer<'change'> = {
  id: 'project-lockout',
  stage: 'change',
  summary: 'projects left with no active user able to browse or administer them (the tracker asked in memory)',
  codes: { LK101: 'after the change nobody can browse (or administer) a project someone could before' },
  analyze: (i) => coded('LK101', reachabilityHazards(holderObservations(i.baseline, i.now), holderObservations(i.after, i.now), i.lastMigration)),
};

export const observedLockout: Analyzer<'comparison'> = {
  id: 'observed-lockout',
  stage: 'comparison',
  summary: 'the same, read from the permission matrix the regression runs observed through REST',
  codes: { LK102: 'the observed permission matrix leaves a project with nobody able to browse (or administer) it' },
  analyze: (i) => coded('LK102', reachabilityHazards(i.baseline, i.afterUp, i.lastMigration)),
};
