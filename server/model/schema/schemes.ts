import { Type } from '../typebox.ts';
import { Closed, Entity, Id, Name, OneOf } from './common.ts';
import { NOTIFICATION_EVENTS, PERMISSION_HOLDER_TYPES, PROJECT_PERMISSIONS, RECIPIENT_TYPES } from './vocab.ts';

/** Who a grant is for; `value` names the group, role or user for those holder types. */
export const PermissionHolder = Closed({ type: OneOf(PERMISSION_HOLDER_TYPES), value: Type.Optional(Id) });

export const PermissionGrant = Closed({ id: Id, permission: OneOf(PROJECT_PERMISSIONS), holder: PermissionHolder });

export const PermissionScheme = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  grants: Type.Array(PermissionGrant),
  ...Entity,
});

export const NotificationRecipient = Closed({ type: OneOf(RECIPIENT_TYPES), value: Type.Optional(Id) });

export const NotificationScheme = Closed({
  id: Id,
  name: Name,
  description: Type.Optional(Type.String()),
  events: Type.Array(Closed({ event: OneOf(NOTIFICATION_EVENTS), recipients: Type.Array(NotificationRecipient) })),
  ...Entity,
});
