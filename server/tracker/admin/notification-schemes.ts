/**
 * Notification schemes: create, update, delete, notifications added and removed. A notification's
 * id is derived from what it is (event, recipient type and value), so ids are stable across reads
 * and the same in a clone; the model keeps no ids of its own for them.
 */
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../../model/index.ts';
import type { NotificationRecipient, NotificationScheme } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { projectsUsing } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import { checkedName, setDescription, type Kind } from './named.ts';
import type { Tx } from './tx.ts';

const ADMIN_ONLY = 'You are not authorized to perform this action. Administrator privileges are required.';

export const NOTIFICATION_SCHEME: Kind<NotificationScheme> = {
  list: (c) => c.notificationSchemes,
  set: (c, l) => {
    c.notificationSchemes = l;
  },
  idKind: 'notificationScheme',
  what: 'notification scheme',
  notFound: 'The notification scheme was not found.',
  taken: (n) => `A notification scheme with the name '${n}' already exists.`,
  adminOnly: ADMIN_ONLY,
};

/** A stable id for one recipient of one event (FNV-1a over its description). */
export const notificationId = (event: NotificationEvent, r: NotificationRecipient): number => {
  let h = 0x811c9dc5;
  for (const ch of `${event}|${r.type}|${r.value ?? ''}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 10000 + (h % 900_000_000);
};

export interface EventNotifications {
  event: NotificationEvent;
  recipients: NotificationRecipient[];
}

const schemeOr404 = (tx: Tx, id: string): NotificationScheme => {
  const s = tx.config.notificationSchemes.find((x) => x.id === String(id));
  if (!s) throw notFound(`Notification scheme with ID ${id} not found.`);
  return s;
};

const checkRecipient = (tx: Tx, r: NotificationRecipient): void => {
  if (r.type === 'group' && !tx.config.groups.some((g) => g.id === r.value)) throw badRequest([`The group '${r.value}' does not exist.`]);
  if (r.type === 'projectRole' && !tx.config.roles.some((x) => x.id === r.value))
    throw badRequest([`The project role with ID ${r.value} does not exist.`]);
  if (r.type === 'user' && !tx.config.users.some((u) => u.accountId === r.value))
    throw badRequest([`The user with account ID '${r.value}' does not exist.`]);
};

const add = (tx: Tx, s: NotificationScheme, list: EventNotifications[]): void => {
  for (const e of list) {
    if (!(NOTIFICATION_EVENTS as readonly string[]).includes(e.event))
      throw badRequest([`Event type ${e.event} is not one the Understudy sandbox models.`]);
    let entry = s.events.find((x) => x.event === e.event);
    if (!entry) {
      entry = { event: e.event, recipients: [] };
      s.events.push(entry);
    }
    for (const r of e.recipients) {
      checkRecipient(tx, r);
      if (entry.recipients.some((x) => x.type === r.type && (x.value ?? null) === (r.value ?? null)))
        throw badRequest([`The notification ${r.type}${r.value ? ` ${r.value}` : ''} is already in the scheme for this event.`]);
      entry.recipients.push({ ...r });
    }
  }
};

export const notificationSchemes = {
  create: (env: AdminEnv, actor: Actor, input: { name: unknown; description?: unknown; events: EventNotifications[] }): NotificationScheme => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    return write(env, actor, (tx) => {
      const s: NotificationScheme = { id: tx.nextId('notificationScheme'), name: checkedName(tx, NOTIFICATION_SCHEME, input.name), events: [] };
      setDescription(NOTIFICATION_SCHEME, s, input.description, 4000);
      add(tx, s, input.events);
      tx.config.notificationSchemes.push(s);
      return s;
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: { name?: unknown; description?: unknown }): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = schemeOr404(tx, id);
      if (input.name !== undefined) s.name = checkedName(tx, NOTIFICATION_SCHEME, input.name, s.id);
      setDescription(NOTIFICATION_SCHEME, s, input.description, 4000);
    });
  },
  addNotifications: (env: AdminEnv, actor: Actor, id: string, list: EventNotifications[]): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => add(tx, schemeOr404(tx, id), list));
  },
  deleteNotification: (env: AdminEnv, actor: Actor, id: string, notification: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = schemeOr404(tx, id);
      for (const e of s.events) {
        const at = e.recipients.findIndex((r) => String(notificationId(e.event, r)) === String(notification));
        if (at < 0) continue;
        e.recipients.splice(at, 1);
        if (!e.recipients.length) s.events = s.events.filter((x) => x !== e);
        return;
      }
      throw notFound(`Notification with ID ${notification} not found.`);
    });
  },
  delete: (env: AdminEnv, actor: Actor, id: string): void => {
    requireAdministrator(env.ctx(), actor, ADMIN_ONLY);
    write(env, actor, (tx) => {
      const s = schemeOr404(tx, id);
      if (tx.config.notificationSchemes[0] === s) throw badRequest(['You can’t delete the default notification scheme.']);
      const users = projectsUsing(tx.config, 'notificationScheme', s.id);
      if (users.length)
        throw badRequest([`The notification scheme '${s.name}' is used by ${users.join(', ')}: assign those projects another scheme first.`]);
      tx.config.notificationSchemes = tx.config.notificationSchemes.filter((x) => x !== s);
    });
  },
  get: (env: AdminEnv, id: string): NotificationScheme | undefined => env.ctx().state.config.notificationSchemes.find((s) => s.id === String(id)),
};
