/**
 * Who an event notifies, through the project's notification scheme: concrete, active users who can
 * see the issue (Jira never mails someone an issue they cannot browse), de-duplicated, in scheme
 * order. Pure: a migration can count a bulk change's notifications without an outbox.
 */
import {
  type Config,
  ConfigIndex,
  groupMembers,
  type Issue,
  type NotificationEvent,
  type NotificationRecipient,
  type Project,
  type Visibility,
} from '../model/index.ts';
import { can } from './permissions.ts';
import type { Actor, OutboxEntry } from './types.ts';

export interface Recipient {
  accountId: string;
  email: string;
}

export interface NotifyExtra {
  /** For `assigned`: the assignee before the change, who Jira also tells (as current assignee). */
  previousAssignee?: string | null;
}

const holdersOf = (
  ix: ConfigIndex,
  r: NotificationRecipient,
  issue: Issue,
  actor: Actor,
  project: Project,
  extra: NotifyExtra,
): (string | null | undefined)[] => {
  switch (r.type) {
    case 'currentAssignee':
      return [issue.assignee, extra.previousAssignee];
    case 'reporter':
      return [issue.reporter];
    case 'currentUser':
      return [actor];
    case 'projectLead':
      return [project.lead];
    case 'componentLead':
      return issue.components.map((id) => project.components.find((c) => c.id === id)?.lead);
    case 'user':
      return [r.value];
    case 'group':
      return r.value ? groupMembers(ix.config, r.value) : [];
    case 'projectRole':
      return r.value ? [...ix.roleHolders(project, r.value)] : [];
    case 'watchers':
      return issue.watchers;
  }
};

export const recipientsFor = (ix: ConfigIndex, event: NotificationEvent, issue: Issue, actor: Actor, extra: NotifyExtra = {}): Recipient[] => {
  const project = ix.projects.get(issue.project);
  if (!project) return [];
  const scheme = ix.config.notificationSchemes.find((s) => s.id === project.schemes.notificationScheme);
  const seen = new Set<string>();
  const out: Recipient[] = [];
  for (const entry of scheme?.events ?? []) {
    if (entry.event !== event) continue;
    for (const r of entry.recipients) {
      for (const id of holdersOf(ix, r, issue, actor, project, extra)) {
        const user = ix.activeUser(id);
        if (!user || seen.has(user.accountId)) continue;
        seen.add(user.accountId);
        if (!can(ix, user.accountId, 'BROWSE_PROJECTS', { ...project, archived: false }, issue)) continue;
        out.push({ accountId: user.accountId, email: user.email });
      }
    }
  }
  return out;
};

const indexes = new WeakMap<Config, ConfigIndex>();
/**
 * The same, straight from a configuration (its index is built once per config object), for
 * callers without a tracker: a migration counting what a bulk change would send.
 */
export const notificationsFor = (config: Config, event: NotificationEvent, issue: Issue, actor: Actor, extra: NotifyExtra = {}): Recipient[] => {
  let ix = indexes.get(config);
  if (!ix) {
    ix = new ConfigIndex(config);
    indexes.set(config, ix);
  }
  return recipientsFor(ix, event, issue, actor, extra);
};

/** Appends one outbox entry per recipient; ids continue the outbox's numbering. */
export const record = (
  outbox: OutboxEntry[],
  at: string,
  event: NotificationEvent,
  issue: Issue,
  actor: Actor,
  recipients: readonly Recipient[],
  visibility?: Visibility,
): OutboxEntry[] => {
  const added: OutboxEntry[] = [];
  for (const r of recipients) {
    const entry: OutboxEntry = {
      id: String(outbox.length + 1),
      at,
      event,
      issueKey: issue.key,
      project: issue.project,
      actor,
      recipient: r.accountId,
      recipientEmail: r.email,
      ...(visibility ? { visibility } : {}),
    };
    outbox.push(entry);
    added.push(entry);
  }
  return added;
};
