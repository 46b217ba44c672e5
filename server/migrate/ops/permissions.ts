/** Grants and revocations in permission schemes; notification recipients in notification schemes. */
import {
  isOneOf,
  NOTIFICATION_EVENTS,
  type NotificationEvent,
  type NotificationScheme,
  type PermissionGrant,
  type PermissionScheme,
  PROJECT_PERMISSIONS,
  type ProjectPermission,
  projectsUsingScheme,
} from '../../model/index.ts';
import { closest, fail } from '../names.ts';
import { defineOp, q } from './define.ts';
import { nextId } from './common.ts';
import { holderText, toHolder, toRecipient, type HolderInput, type RecipientInput } from './holders.ts';
import type { Lookup } from '../lookup.ts';

export interface GrantArgs {
  /** The permission scheme; every project using it is affected. */
  scheme: string;
  permission: ProjectPermission;
  holder: HolderInput;
}
export type RevokeArgs = GrantArgs;
export interface NotificationArgs {
  scheme: string;
  event: NotificationEvent;
  recipient: RecipientInput;
}

const permission = (look: Lookup, p: unknown): ProjectPermission =>
  isOneOf(PROJECT_PERMISSIONS, p)
    ? p
    : fail(
        look.site,
        `permission: ${JSON.stringify(p)} is not a project permission; did you mean ${closest(String(p), PROJECT_PERMISSIONS)
          .map((x) => `'${x}'`)
          .join(' or ')}?`,
        closest(String(p), PROJECT_PERMISSIONS),
      );

const sameHolder = (a: PermissionGrant['holder'], b: PermissionGrant['holder']) => a.type === b.type && a.value === b.value;

const usedBy = (s: Parameters<typeof projectsUsingScheme>[0], kind: 'permissionScheme' | 'notificationScheme', id: string): string => {
  const keys = projectsUsingScheme(s, kind, id).map((p) => p.key);
  return keys.length ? ` (used by ${keys.join(', ')})` : '';
};

export const grant = defineOp<GrantArgs, { scheme: PermissionScheme; g: PermissionGrant }>({
  kind: 'grant',
  area: 'permissions',
  required: ['scheme', 'permission', 'holder'],
  optional: [],
  describe: (a, s) =>
    `Grant ${a.permission} to ${holderText(a.holder)} in the permission scheme ${q(a.scheme)}${usedBy(s.config, 'permissionScheme', s.config.permissionSchemes.find((x) => x.name === a.scheme)?.id ?? '')}.`,
  prepare: (s, a, look, site) => {
    const scheme = look.permissionScheme(a.scheme, 'scheme');
    const g: PermissionGrant = {
      id: nextId(
        s.config.permissionSchemes.flatMap((x) => x.grants.map((y) => y.id)),
        'grant',
      ),
      permission: permission(look, a.permission),
      holder: toHolder(look, a.holder),
    };
    if (scheme.grants.some((x) => x.permission === g.permission && sameHolder(x.holder, g.holder)))
      fail(site, `${q(scheme.name)} already grants ${g.permission} to ${holderText(a.holder)}`);
    return { scheme, g };
  },
  mutate: (_s, p) => void p.scheme.grants.push(p.g),
});

export const revoke = defineOp<RevokeArgs, { scheme: PermissionScheme; g: PermissionGrant }>({
  kind: 'revoke',
  area: 'permissions',
  required: ['scheme', 'permission', 'holder'],
  optional: [],
  describe: (a, s) =>
    `Revoke ${a.permission} from ${holderText(a.holder)} in the permission scheme ${q(a.scheme)}${usedBy(s.config, 'permissionScheme', s.config.permissionSchemes.find((x) => x.name === a.scheme)?.id ?? '')}.`,
  prepare: (_s, a, look, site) => {
    const scheme = look.permissionScheme(a.scheme, 'scheme');
    const perm = permission(look, a.permission);
    const holder = toHolder(look, a.holder);
    const g = scheme.grants.find((x) => x.permission === perm && sameHolder(x.holder, holder));
    if (!g)
      fail(
        site,
        `${q(scheme.name)} does not grant ${perm} to ${holderText(a.holder)}`,
        scheme.grants.filter((x) => x.permission === perm).map((x) => `${x.holder.type}${x.holder.value ? ` ${x.holder.value}` : ''}`),
      );
    return { scheme, g: g! };
  },
  mutate: (_s, p) => void p.scheme.grants.splice(p.scheme.grants.indexOf(p.g), 1),
});

const event = (look: Lookup, e: unknown): NotificationEvent =>
  isOneOf(NOTIFICATION_EVENTS, e)
    ? e
    : fail(look.site, `event: ${JSON.stringify(e)} is not a notification event (expected one of: ${NOTIFICATION_EVENTS.join(', ')})`);

type NotifPlan = { scheme: NotificationScheme; event: NotificationEvent; r: NotificationScheme['events'][number]['recipients'][number] };

export const addNotification = defineOp<NotificationArgs, NotifPlan>({
  kind: 'addNotification',
  area: 'notifications',
  required: ['scheme', 'event', 'recipient'],
  optional: [],
  describe: (a) => `Notify ${holderText(a.recipient)} on ${a.event} in the notification scheme ${q(a.scheme)}.`,
  prepare: (_s, a, look, site) => {
    const scheme = look.notificationScheme(a.scheme, 'scheme');
    const ev = event(look, a.event);
    const r = toRecipient(look, a.recipient);
    const entry = scheme.events.find((x) => x.event === ev);
    if (entry?.recipients.some((x) => x.type === r.type && x.value === r.value))
      fail(site, `${q(scheme.name)} already notifies ${holderText(a.recipient)} on ${ev}`);
    return { scheme, event: ev, r };
  },
  mutate: (_s, p) => {
    const entry = p.scheme.events.find((x) => x.event === p.event);
    if (entry) entry.recipients.push(p.r);
    else p.scheme.events.push({ event: p.event, recipients: [p.r] });
  },
});

export const removeNotification = defineOp<NotificationArgs, NotifPlan>({
  kind: 'removeNotification',
  area: 'notifications',
  required: ['scheme', 'event', 'recipient'],
  optional: [],
  describe: (a) => `Stop notifying ${holderText(a.recipient)} on ${a.event} in the notification scheme ${q(a.scheme)}.`,
  prepare: (_s, a, look, site) => {
    const scheme = look.notificationScheme(a.scheme, 'scheme');
    const ev = event(look, a.event);
    const r = toRecipient(look, a.recipient);
    const entry = scheme.events.find((x) => x.event === ev);
    if (!entry?.recipients.some((x) => x.type === r.type && x.value === r.value)) {
      fail(
        site,
        `${q(scheme.name)} does not notify ${holderText(a.recipient)} on ${ev}`,
        (entry?.recipients ?? []).map((x) => `${x.type}${x.value ? ` ${x.value}` : ''}`),
      );
    }
    return { scheme, event: ev, r };
  },
  mutate: (_s, p) => {
    const entry = p.scheme.events.find((x) => x.event === p.event)!;
    entry.recipients.splice(
      entry.recipients.findIndex((x) => x.type === p.r.type && x.value === p.r.value),
      1,
    );
  },
});
