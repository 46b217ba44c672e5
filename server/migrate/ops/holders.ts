/** Permission holders and notification recipients as admins write them, resolved to the model's form. */
import type { NotificationRecipient, PermissionHolder } from '../../model/index.ts';
import type { Lookup } from '../lookup.ts';
import { fail } from '../names.ts';

/** Who holds a permission: a keyword, or a group, project role or user by name. */
export type HolderInput = 'anyone' | 'loggedIn' | 'reporter' | 'assignee' | 'projectLead' | { group: string } | { role: string } | { user: string };

/** Who receives a notification: a keyword, or a group, project role or user by name. */
export type RecipientInput =
  | 'currentAssignee'
  | 'reporter'
  | 'currentUser'
  | 'projectLead'
  | 'componentLead'
  | 'watchers'
  | { group: string }
  | { role: string }
  | { user: string };

const HOLDER_WORDS = ['anyone', 'loggedIn', 'reporter', 'assignee', 'projectLead'];
const RECIPIENT_WORDS = ['currentAssignee', 'reporter', 'currentUser', 'projectLead', 'componentLead', 'watchers'];

const named = (look: Lookup, v: object, arg: string): { type: 'group' | 'projectRole' | 'user'; value: string } | undefined => {
  const r = v as Record<string, unknown>;
  if ('group' in r) return { type: 'group', value: look.group(r.group, `${arg}.group`).id };
  if ('role' in r) return { type: 'projectRole', value: look.role(r.role, `${arg}.role`).id };
  if ('user' in r) return { type: 'user', value: look.user(r.user, `${arg}.user`).accountId };
  return undefined;
};

export const toHolder = (look: Lookup, v: HolderInput): PermissionHolder => {
  if (typeof v === 'string') {
    if (HOLDER_WORDS.includes(v)) return { type: v as PermissionHolder['type'] };
  } else if (v && typeof v === 'object') {
    const n = named(look, v, 'holder');
    if (n) return n;
  }
  return fail(
    look.site,
    `holder: ${JSON.stringify(v)} is not a holder (expected one of ${HOLDER_WORDS.join(', ')}, or { group }, { role }, { user })`,
  );
};

export const toRecipient = (look: Lookup, v: RecipientInput): NotificationRecipient => {
  if (typeof v === 'string') {
    if (RECIPIENT_WORDS.includes(v)) return { type: v as NotificationRecipient['type'] };
  } else if (v && typeof v === 'object') {
    const n = named(look, v, 'recipient');
    if (n) return n;
  }
  return fail(
    look.site,
    `recipient: ${JSON.stringify(v)} is not a recipient (expected one of ${RECIPIENT_WORDS.join(', ')}, or { group }, { role }, { user })`,
  );
};

export const holderText = (v: HolderInput | RecipientInput): string =>
  typeof v === 'string'
    ? v
    : Object.entries(v)
        .map(([k, x]) => `${k} '${String(x)}'`)
        .join('');
