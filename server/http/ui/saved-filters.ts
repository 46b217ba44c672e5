/** Which saved filters a persona sees: their own and those shared with them (as Jira's shares work). */
import type { SavedFilter } from '../../model/index.ts';
import type { Actor, Tracker } from '../../tracker/index.ts';

export const filterVisible = (tracker: Tracker, actor: Actor, f: SavedFilter): boolean => {
  const tr = tracker;
  const user = tr.activeUser(actor);
  if (user && f.owner === user.accountId) return true;
  return f.shares.some((s) => {
    switch (s.type) {
      case 'global':
        return true;
      case 'authenticated':
        return user !== undefined;
      case 'group':
        return s.value !== undefined && tr.inGroup(actor, s.value);
      case 'user':
        return user !== undefined && s.value === user.accountId;
      case 'project':
        return s.value !== undefined && tracker.can(actor, 'BROWSE_PROJECTS', s.value);
      case 'projectRole':
        return user !== undefined && s.value !== undefined && tr.config.projects.some((p) => tr.roleHolders(p, s.value!).has(user.accountId));
      default:
        return false;
    }
  });
};

export const visibleFilters = (tracker: Tracker, actor: Actor): SavedFilter[] =>
  tracker.config.filters.filter((f) => filterVisible(tracker, actor, f));
