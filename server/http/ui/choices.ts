/** People and groups to pick from: active users, the project's assignable users, all groups. */
import type { Issue } from '../../model/index.ts';
import type { Tracker } from '../../tracker/index.ts';
import type { Choices } from './field-input.ts';

export const choicesFor = (tracker: Tracker, projectKey: string, issue?: Issue): Choices => {
  const config = tracker.config;
  const active = config.users.filter((u) => u.active);
  return {
    users: active.map((u) => ({ id: u.accountId, name: u.displayName })),
    assignable: active
      .filter((u) => tracker.can(u.accountId, 'ASSIGNABLE_USER', projectKey, issue))
      .map((u) => ({ id: u.accountId, name: u.displayName })),
    groups: config.groups.map((g) => ({ id: g.id, name: g.name })),
    nameOf: (id) => {
      const u = tracker.user(id);
      return u ? `${u.displayName}${u.active ? '' : ' (inactive)'}` : (tracker.group(id)?.name ?? id);
    },
  };
};
