/** Model → Jira JSON for an issue's activity: attachments, worklogs, time tracking, votes, watchers, remote links. */
import type { Attachment, Issue, RemoteLink, TimeTracking, Worklog } from '../../model/index.ts';
import { formatDuration, type PeopleView } from '../../tracker/index.ts';
import type { J } from './handler.ts';
import { userById } from './render-basic.ts';
import { jiraTime, richOut } from '../../jira-wire/index.ts';

export const attachmentJson = (j: J, a: Attachment) => ({
  self: `${j.api}/attachment/${a.id}`,
  id: a.id,
  filename: a.filename,
  ...(a.author ? { author: userById(j, a.author) ?? undefined } : {}),
  created: jiraTime(a.created),
  size: a.size,
  mimeType: a.mimeType,
  content: `${j.api}/attachment/content/${a.id}`,
});

export const visibilityJson = (j: J, v: { type: 'group' | 'role'; value: string } | undefined) => {
  if (!v) return {};
  const t = j.ctx.tracker;
  if (v.type === 'group') {
    const g = t.group(v.value);
    return { visibility: { type: 'group', value: g?.name ?? v.value, identifier: v.value } };
  }
  const r = t.config.roles.find((x) => x.id === v.value);
  return { visibility: { type: 'role', value: r?.name ?? v.value, identifier: v.value } };
};

export const worklogJson = (j: J, issue: Issue, w: Worklog) => ({
  self: `${j.api}/issue/${issue.id}/worklog/${w.id}`,
  ...(w.author ? { author: userById(j, w.author) ?? undefined } : {}),
  ...((w.updateAuthor ?? w.author) ? { updateAuthor: userById(j, w.updateAuthor ?? w.author) ?? undefined } : {}),
  ...(w.comment !== undefined ? { comment: richOut(j.v, w.comment) } : {}),
  created: jiraTime(w.created),
  updated: jiraTime(w.updated ?? w.created),
  started: jiraTime(w.started),
  timeSpent: formatDuration(w.timeSpentSeconds),
  timeSpentSeconds: w.timeSpentSeconds,
  id: w.id,
  issueId: issue.id,
  ...visibilityJson(j, w.visibility),
});

/** The `timetracking` field: only the parts that are set, as Jira answers. */
export const timeTrackingJson = (tt: TimeTracking | undefined, spent: number) => ({
  ...(tt?.originalEstimateSeconds !== undefined
    ? { originalEstimate: formatDuration(tt.originalEstimateSeconds), originalEstimateSeconds: tt.originalEstimateSeconds }
    : {}),
  ...(tt?.remainingEstimateSeconds !== undefined
    ? { remainingEstimate: formatDuration(tt.remainingEstimateSeconds), remainingEstimateSeconds: tt.remainingEstimateSeconds }
    : {}),
  ...(spent > 0 ? { timeSpent: formatDuration(spent), timeSpentSeconds: spent } : {}),
});

export const progressJson = (spent: number, remaining: number | undefined) => {
  const total = spent + (remaining ?? 0);
  return { progress: spent, total, ...(total > 0 ? { percent: Math.round((spent * 100) / total) } : {}) };
};

export const votesJson = (j: J, issue: Issue, v: PeopleView) => ({
  self: `${j.api}/issue/${issue.key}/votes`,
  votes: v.count,
  hasVoted: v.mine,
  voters: v.people.flatMap((id) => {
    const u = userById(j, id);
    return u ? [u] : [];
  }),
});

export const watchersJson = (j: J, issue: Issue, v: PeopleView) => ({
  self: `${j.api}/issue/${issue.key}/watchers`,
  isWatching: v.mine,
  watchCount: v.count,
  watchers: v.people.flatMap((id) => {
    const u = userById(j, id);
    return u ? [u] : [];
  }),
});

export const remoteLinkJson = (j: J, issue: Issue, l: RemoteLink) => ({
  id: Number(l.id) || l.id,
  self: `${j.api}/issue/${issue.key}/remotelink/${l.id}`,
  ...(l.globalId !== undefined ? { globalId: l.globalId } : {}),
  ...(l.application ? { application: l.application } : {}),
  ...(l.relationship !== undefined ? { relationship: l.relationship } : {}),
  object: l.object,
});

/** The fields an issue carries for its activity, by field id (Jira returns them empty where there are none). */
export const activityFields = (
  j: J,
  issue: Issue,
  watchers: PeopleView,
  votes: PeopleView,
  worklogs: readonly Worklog[],
): Record<string, () => unknown> => {
  const spent = j.ctx.tracker.timeSpent(issue);
  const tt = issue.timeTracking;
  const seconds = (n: number | undefined) => (n === undefined ? null : n);
  return {
    attachment: () => (issue.attachments ?? []).map((a) => attachmentJson(j, a)),
    worklog: () => ({ startAt: 0, maxResults: 20, total: worklogs.length, worklogs: worklogs.slice(0, 20).map((w) => worklogJson(j, issue, w)) }),
    votes: () => ({ self: `${j.api}/issue/${issue.key}/votes`, votes: votes.count, hasVoted: votes.mine }),
    watches: () => ({ self: `${j.api}/issue/${issue.key}/watchers`, watchCount: watchers.count, isWatching: watchers.mine }),
    timetracking: () => timeTrackingJson(tt, spent),
    timespent: () => (spent > 0 ? spent : null),
    aggregatetimespent: () => (spent > 0 ? spent : null),
    timeoriginalestimate: () => seconds(tt?.originalEstimateSeconds),
    aggregatetimeoriginalestimate: () => seconds(tt?.originalEstimateSeconds),
    timeestimate: () => seconds(tt?.remainingEstimateSeconds),
    aggregatetimeestimate: () => seconds(tt?.remainingEstimateSeconds),
    progress: () => progressJson(spent, tt?.remainingEstimateSeconds),
    aggregateprogress: () => progressJson(spent, tt?.remainingEstimateSeconds),
  };
};
