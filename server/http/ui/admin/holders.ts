/** Names for permission holders and notification recipients. */
import type { NotificationRecipient, PermissionHolder } from '../../../model/index.ts';
import type { Tracker } from '../../../tracker/index.ts';

const LABELS: Record<string, string> = {
  anyone: 'Anyone (including anonymous)',
  loggedIn: 'Any logged-in user',
  reporter: 'Reporter',
  assignee: 'Current assignee',
  currentAssignee: 'Current assignee',
  projectLead: 'Project lead',
  componentLead: 'Component lead',
  currentUser: 'Current user',
  watchers: 'All watchers',
};

export const holderName = (tr: Tracker, h: PermissionHolder | NotificationRecipient): string => {
  switch (h.type) {
    case 'group':
      return `Group: ${tr.group(h.value ?? '')?.name ?? h.value}`;
    case 'projectRole':
      return `Project role: ${tr.config.roles.find((r) => r.id === h.value)?.name ?? h.value}`;
    case 'user':
      return `User: ${tr.user(h.value ?? '')?.displayName ?? h.value}`;
    default:
      return LABELS[h.type] ?? h.type;
  }
};
