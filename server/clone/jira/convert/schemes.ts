/** Permission and notification schemes. Holders and events the model does not know are left out and said. */
import {
  isOneOf,
  type NotificationEvent,
  type NotificationRecipient,
  type NotificationScheme,
  type PermissionGrant,
  type PermissionHolder,
  type PermissionScheme,
  PROJECT_PERMISSIONS,
} from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { str, text, type Skipped } from './common.ts';

const HOLDER: Record<string, PermissionHolder['type']> = {
  anyone: 'anyone',
  applicationRole: 'loggedIn',
  group: 'group',
  projectRole: 'projectRole',
  user: 'user',
  reporter: 'reporter',
  assignee: 'assignee',
  projectLead: 'projectLead',
};

const grantOf = (g: Obj, skipped: Skipped): PermissionGrant[] => {
  const type = HOLDER[String(g.holder?.type)];
  if (!type) {
    skipped.add('permission grants to holders the model does not know', String(g.holder?.type));
    return [];
  }
  if (!isOneOf(PROJECT_PERMISSIONS, g.permission)) {
    skipped.add('permission grants of app or unknown permissions', String(g.permission));
    return [];
  }
  const value = g.holder.value ?? g.holder.parameter;
  const keepsValue = ['group', 'projectRole', 'user'].includes(type);
  return [{ id: str(g.id), permission: g.permission, holder: { type, ...(keepsValue && value !== undefined ? { value: str(value) } : {}) } }];
};

export const permissionSchemesOf = (raw: Obj[], skipped: Skipped): PermissionScheme[] =>
  raw.map((s) => ({
    id: str(s.id),
    name: str(s.name),
    ...text(s.description),
    grants: (s.permissions ?? []).flatMap((g: Obj) => grantOf(g, skipped)),
  }));

const EVENTS: Record<string, NotificationEvent> = {
  1: 'created',
  2: 'updated',
  3: 'assigned',
  4: 'resolved',
  5: 'closed',
  6: 'commented',
  7: 'reopened',
  8: 'deleted',
  13: 'transitioned',
  10: 'worklogged',
  14: 'commentEdited',
  15: 'worklogUpdated',
  16: 'worklogDeleted',
  17: 'commentDeleted',
};
const RECIPIENT: Record<string, NotificationRecipient['type']> = {
  CurrentAssignee: 'currentAssignee',
  Reporter: 'reporter',
  CurrentUser: 'currentUser',
  ProjectLead: 'projectLead',
  ComponentLead: 'componentLead',
  User: 'user',
  Group: 'group',
  ProjectRole: 'projectRole',
  AllWatchers: 'watchers',
};

export const notificationSchemesOf = (raw: Obj[], skipped: Skipped): NotificationScheme[] =>
  raw.map((s) => ({
    id: str(s.id),
    name: str(s.name),
    ...text(s.description),
    events: (s.notificationSchemeEvents ?? []).flatMap((e: Obj) => {
      const event = EVENTS[String(e.event?.id)];
      if (!event) {
        skipped.add('notification events the model does not know', String(e.event?.name ?? e.event?.id));
        return [];
      }
      const recipients = (e.notifications ?? []).flatMap((n: Obj): NotificationRecipient[] => {
        const type = RECIPIENT[String(n.notificationType)];
        if (!type) {
          skipped.add('notification recipients the model does not know', String(n.notificationType));
          return [];
        }
        const value = n.group?.groupId ?? n.recipient ?? n.parameter;
        return [{ type, ...(['user', 'group', 'projectRole'].includes(type) && value !== undefined ? { value: str(value) } : {}) }];
      });
      return [{ event, recipients }];
    }),
  }));
