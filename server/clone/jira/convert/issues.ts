/** Jira's IssueBean (fields=*all, expand=changelog) → the model's Issue; values by id, rich text as stored strings. */
import { fromAdf } from '../../../jira-wire/index.ts';
import type { Attachment, Comment, Config, Field, HistoryEntry, Issue, IssueLink, RemoteLink, Worklog } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { iso, str, userIdOf } from './common.ts';

const richText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  try {
    return fromAdf(v);
  } catch {
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
};

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => x && x.id !== undefined).map((x) => str(x.id)) : []);

const customValue = (dc: boolean, f: Field, v: unknown): unknown => {
  if (v === null || v === undefined) return undefined;
  const o = v as Obj;
  switch (f.type) {
    case 'select':
    case 'radio':
    case 'version':
    case 'priority':
      return o.id === undefined ? undefined : str(o.id);
    case 'multi-select':
    case 'checkboxes':
    case 'multi-version':
    case 'components':
      return ids(v);
    case 'cascading-select':
      return { parent: str(o.id), ...(o.child?.id !== undefined ? { child: str(o.child.id) } : {}) };
    case 'user':
      return userIdOf(dc, o);
    case 'multi-user':
      return Array.isArray(v) ? v.map((u) => userIdOf(dc, u)).filter((x) => x !== undefined) : undefined;
    case 'group':
      return o.groupId ?? o.name;
    case 'multi-group':
      return Array.isArray(v) ? v.map((g: Obj) => str(g.groupId ?? g.name)) : undefined;
    case 'paragraph':
      return richText(v) ?? undefined;
    case 'datetime':
      return iso(v) ?? undefined;
    default:
      return v;
  }
};

/** Jira shows a restriction by the group's or role's name and, on Cloud, its id (`identifier`). */
const visibilityOf = (config: Config, v: Obj | undefined): { visibility: { type: 'group' | 'role'; value: string } } | Record<string, never> => {
  if (!v || (v.type !== 'group' && v.type !== 'role')) return {};
  const ref = str(v.identifier ?? v.value);
  const list = v.type === 'group' ? config.groups : config.roles;
  const hit = list.find((x) => x.id === ref) ?? list.find((x) => x.name === str(v.value));
  return hit ? { visibility: { type: v.type, value: hit.id } } : {};
};

export const commentOf = (dc: boolean, c: Obj, config?: Config): Comment => {
  const updateAuthor = userIdOf(dc, c.updateAuthor);
  const author = userIdOf(dc, c.author) ?? '';
  return {
    id: str(c.id),
    author,
    body: richText(c.body) ?? '',
    created: iso(c.created)!,
    ...(c.updated && iso(c.updated) !== iso(c.created) ? { updated: iso(c.updated)! } : {}),
    ...(updateAuthor && updateAuthor !== author ? { updateAuthor } : {}),
    ...(config ? visibilityOf(config, c.visibility) : {}),
  };
};

/** Metadata only: the content is not copied (no sha256), and the manifest says so. */
export const attachmentOf = (dc: boolean, a: Obj): Attachment => ({
  id: str(a.id),
  filename: str(a.filename),
  author: userIdOf(dc, a.author) ?? null,
  created: iso(a.created)!,
  size: Number(a.size ?? 0),
  mimeType: str(a.mimeType ?? 'application/octet-stream'),
});

export const worklogOf = (dc: boolean, config: Config, w: Obj): Worklog => {
  const author = userIdOf(dc, w.author) ?? null;
  const updateAuthor = userIdOf(dc, w.updateAuthor) ?? null;
  const comment = richText(w.comment);
  return {
    id: str(w.id),
    author,
    ...(updateAuthor && updateAuthor !== author ? { updateAuthor } : {}),
    ...(comment ? { comment } : {}),
    started: iso(w.started)!,
    timeSpentSeconds: Number(w.timeSpentSeconds),
    created: iso(w.created)!,
    ...(w.updated && iso(w.updated) !== iso(w.created) ? { updated: iso(w.updated)! } : {}),
    ...visibilityOf(config, w.visibility),
  };
};

export const remoteLinkOf = (r: Obj): RemoteLink => {
  const o = (r.object ?? {}) as Obj;
  return {
    id: str(r.id),
    ...(r.globalId !== undefined ? { globalId: str(r.globalId) } : {}),
    ...(r.relationship !== undefined ? { relationship: str(r.relationship) } : {}),
    ...(r.application && (r.application.type || r.application.name)
      ? {
          application: {
            ...(r.application.type ? { type: str(r.application.type) } : {}),
            ...(r.application.name ? { name: str(r.application.name) } : {}),
          },
        }
      : {}),
    object: {
      url: str(o.url),
      title: str(o.title),
      ...(o.summary !== undefined ? { summary: str(o.summary) } : {}),
      ...(o.icon && (o.icon.url16x16 || o.icon.title)
        ? { icon: { ...(o.icon.url16x16 ? { url16x16: str(o.icon.url16x16) } : {}), ...(o.icon.title ? { title: str(o.icon.title) } : {}) } }
        : {}),
      ...(o.status && typeof o.status.resolved === 'boolean' ? { status: { resolved: o.status.resolved } } : {}),
    },
  };
};

/** Where Jira pages an issue's activity apart from the issue: read by the source, converted here. */
export interface IssueExtra {
  comments: Obj[];
  histories: Obj[];
  watchers: Obj[];
  worklogs?: Obj[];
  voters?: Obj[];
  remoteLinks?: Obj[];
}

export const historyOf = (dc: boolean, h: Obj): HistoryEntry => ({
  id: str(h.id),
  author: userIdOf(dc, h.author) ?? null,
  created: iso(h.created)!,
  items: (h.items ?? []).map((i: Obj) => ({
    field: str(i.field),
    ...(i.fieldId ? { fieldId: str(i.fieldId) } : {}),
    from: i.from ?? null,
    fromString: i.fromString ?? null,
    to: i.to ?? null,
    toString: i.toString ?? null,
  })),
});

const linkOf = (l: Obj): IssueLink[] => {
  const out = l.outwardIssue ?? l.inwardIssue;
  if (!out?.key || l.type?.id === undefined) return [];
  return [{ id: str(l.id), type: str(l.type.id), direction: l.outwardIssue ? 'outward' : 'inward', issue: str(out.key) }];
};

/** Comments, changelog, watchers, worklogs, voters and remote links are passed separately where Jira pages them apart from the issue. */
export const issueOf = (dc: boolean, config: Config, bean: Obj, extra: IssueExtra): Issue => {
  const f = (bean.fields ?? {}) as Obj;
  const customFields: Record<string, unknown> = {};
  for (const field of config.fields) {
    if (!field.custom) continue;
    const v = customValue(dc, field, f[field.id]);
    if (v !== undefined) customFields[field.id] = v;
  }
  return {
    id: str(bean.id),
    key: str(bean.key),
    project: str(f.project?.key),
    issueType: str(f.issuetype?.id),
    status: str(f.status?.id),
    resolution: f.resolution?.id !== undefined ? str(f.resolution.id) : null,
    priority: f.priority?.id !== undefined ? str(f.priority.id) : null,
    summary: str(f.summary ?? ''),
    description: richText(f.description),
    ...(f.environment !== undefined && f.environment !== null ? { environment: richText(f.environment) } : {}),
    reporter: userIdOf(dc, f.reporter) ?? null,
    assignee: userIdOf(dc, f.assignee) ?? null,
    labels: Array.isArray(f.labels) ? f.labels.map(str) : [],
    components: ids(f.components),
    fixVersions: ids(f.fixVersions),
    versions: ids(f.versions),
    ...(f.duedate ? { duedate: str(f.duedate) } : {}),
    created: iso(f.created)!,
    updated: iso(f.updated)!,
    ...(f.resolutiondate ? { resolutionDate: iso(f.resolutiondate) } : {}),
    ...(f.parent?.key ? { parent: str(f.parent.key) } : {}),
    watchers: extra.watchers.map((w) => userIdOf(dc, w)).filter((x): x is string => x !== undefined),
    customFields,
    comments: extra.comments.map((c) => commentOf(dc, c, config)),
    history: extra.histories.map((h) => historyOf(dc, h)),
    links: (Array.isArray(f.issuelinks) ? f.issuelinks : []).flatMap(linkOf),
    ...activityOf(dc, config, bean, extra),
  };
};

/** Attachments (metadata), worklogs, estimates, voters, remote links and issue properties: absent when empty. */
const activityOf = (dc: boolean, config: Config, bean: Obj, extra: IssueExtra): Partial<Issue> => {
  const f = (bean.fields ?? {}) as Obj;
  const tt = (f.timetracking ?? {}) as Obj;
  const timeTracking = {
    ...(typeof tt.originalEstimateSeconds === 'number' ? { originalEstimateSeconds: tt.originalEstimateSeconds } : {}),
    ...(typeof tt.remainingEstimateSeconds === 'number' ? { remainingEstimateSeconds: tt.remainingEstimateSeconds } : {}),
  };
  const worklogs = extra.worklogs ?? (Array.isArray(f.worklog?.worklogs) ? f.worklog.worklogs : []);
  const properties =
    bean.properties && typeof bean.properties === 'object' && Object.keys(bean.properties).length
      ? { properties: bean.properties as Record<string, unknown> }
      : {};
  const attachments: Attachment[] = (Array.isArray(f.attachment) ? f.attachment : []).map((a: Obj) => attachmentOf(dc, a));
  const logs: Worklog[] = worklogs.map((w: Obj) => worklogOf(dc, config, w));
  const voters: string[] = (extra.voters ?? []).map((v) => userIdOf(dc, v)).filter((x): x is string => x !== undefined);
  const remoteLinks: RemoteLink[] = (extra.remoteLinks ?? []).map(remoteLinkOf);
  return {
    ...(attachments.length ? { attachments } : {}),
    ...(logs.length ? { worklogs: logs } : {}),
    ...(Object.keys(timeTracking).length ? { timeTracking } : {}),
    ...(voters.length ? { voters } : {}),
    ...(remoteLinks.length ? { remoteLinks } : {}),
    ...properties,
  };
};
