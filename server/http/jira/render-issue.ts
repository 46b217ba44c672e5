/**
 * An issue as Jira's IssueBean: `fields` filtered by the `fields` parameter (`*all`, `*navigable`,
 * ids, `-id` to exclude), plus the `expand`s: names, renderedFields, transitions, changelog, editmeta.
 */
import type { Comment, HistoryEntry, Issue, Project } from '../../model/index.ts';
import type { J } from './handler.ts';
import { BUILT_IN_FIELDS, jiraTime, richOut } from '../../jira-wire/index.ts';
import { issueTypeJson, projectRef, statusJson, userById } from './render-basic.ts';
import { valueOfIssue } from './render-values.ts';
import { fieldMetaJson, transitionJson } from './render-meta.ts';
import { activityFields, visibilityJson } from './render-activity.ts';

const SYSTEM_VALUE_FIELDS = [
  'summary',
  'description',
  'environment',
  'priority',
  'assignee',
  'reporter',
  'labels',
  'components',
  'fixVersions',
  'versions',
  'duedate',
  'resolution',
];

export const commentJson = (j: J, issue: Issue, c: Comment) => ({
  self: `${j.api}/issue/${issue.id}/comment/${c.id}`,
  id: c.id,
  author: userById(j, c.author),
  body: richOut(j.v, c.body),
  updateAuthor: userById(j, c.updateAuthor ?? c.author),
  created: jiraTime(c.created),
  updated: jiraTime(c.updated ?? c.created),
  jsdPublic: true,
  ...visibilityJson(j, c.visibility),
});

export const changelogJson = (j: J, h: HistoryEntry) => ({
  id: h.id,
  ...(h.author ? { author: userById(j, h.author) } : {}),
  created: jiraTime(h.created),
  items: h.items.map((i) => ({
    field: i.field,
    fieldtype: i.fieldId?.startsWith('customfield_') ? 'custom' : 'jira',
    ...(i.fieldId ? { fieldId: i.fieldId } : {}),
    from: i.from,
    fromString: i.fromString,
    to: i.to,
    toString: i.toString,
  })),
});

const issueLinkRef = (j: J, other: Issue | undefined, key: string) => {
  const tr = j.ctx.tracker;
  if (!other) return { key };
  return {
    id: other.id,
    key: other.key,
    self: `${j.api}/issue/${other.id}`,
    fields: {
      summary: other.summary,
      status: (() => {
        const s = tr.status(other.status);
        return s ? statusJson(j, s) : null;
      })(),
      issuetype: (() => {
        const t = tr.issueType(other.issueType);
        return t ? issueTypeJson(j, t) : null;
      })(),
      priority: valueOfIssue(j, other, tr.project(other.project)!, 'priority'),
    },
  };
};

/** Which field ids the `fields` parameter asks for; undefined = all. */
export const fieldFilter = (param: string | undefined): ((id: string) => boolean) => {
  const parts = (param ?? '*all')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) return () => true;
  const include = new Set(parts.filter((p) => !p.startsWith('-')));
  const exclude = new Set(parts.filter((p) => p.startsWith('-')).map((p) => p.slice(1)));
  const all = include.has('*all') || include.has('*navigable') || include.size === 0;
  return (id) => !exclude.has(id) && (all || include.has(id));
};

export interface IssueOptions {
  fields?: string;
  expand?: string[] /** Issue property keys to include (`*all`: every one). */;
  properties?: string[];
}

export const issueFields = (j: J, issue: Issue, project: Project, want: (id: string) => boolean): Record<string, unknown> => {
  const tr = j.ctx.tracker;
  const out: Record<string, unknown> = {};
  const put = (id: string, value: () => unknown) => {
    if (want(id)) out[id] = value();
  };
  put('issuetype', () => {
    const t = tr.issueType(issue.issueType);
    return t ? issueTypeJson(j, t) : null;
  });
  put('project', () => projectRef(j, project));
  put('status', () => {
    const s = tr.status(issue.status);
    return s ? statusJson(j, s) : null;
  });
  for (const id of SYSTEM_VALUE_FIELDS) put(id, () => valueOfIssue(j, issue, project, id));
  put('created', () => jiraTime(issue.created));
  put('updated', () => jiraTime(issue.updated));
  put('resolutiondate', () => jiraTime(issue.resolutionDate ?? null));
  put('creator', () => userById(j, issue.reporter));
  const t = j.ctx.tracker;
  for (const [id, value] of Object.entries(
    activityFields(j, issue, t.watchers(j.actor, issue.key), t.votes(j.actor, issue.key), t.worklogs(j.actor, issue.key)),
  ))
    put(id, value);
  put('comment', () => {
    const comments = t.comments(j.actor, issue.key);
    return {
      comments: comments.map((c) => commentJson(j, issue, c)),
      self: `${j.api}/issue/${issue.id}/comment`,
      maxResults: comments.length,
      total: comments.length,
      startAt: 0,
    };
  });
  put('issuelinks', () =>
    issue.links.map((l) => {
      const type = j.ctx.tracker.config.issueLinkTypes.find((t) => t.id === l.type);
      const other = j.ctx.tracker.issues.length ? findIssue(j, l.issue) : undefined;
      return {
        id: l.id,
        self: `${j.api}/issueLink/${l.id}`,
        type: type
          ? { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${j.api}/issueLinkType/${type.id}` }
          : { id: l.type },
        [l.direction === 'outward' ? 'outwardIssue' : 'inwardIssue']: issueLinkRef(j, other, l.issue),
      };
    }),
  );
  put('subtasks', () => subtasksOf(j, issue).map((s) => issueLinkRef(j, s, s.key)));
  if (issue.parent) put('parent', () => issueLinkRef(j, findIssue(j, issue.parent!), issue.parent!));
  for (const f of tr.config.fields) {
    if (f.custom) put(f.id, () => valueOfIssue(j, issue, project, f.id));
  }
  return out;
};

const findIssue = (j: J, key: string): Issue | undefined => {
  try {
    return j.ctx.tracker.getIssue(j.actor, key);
  } catch {
    return undefined;
  }
};

const subtasksOf = (j: J, issue: Issue): Issue[] => j.ctx.tracker.issues.filter((i) => i.parent === issue.key);

export const issueJson = (j: J, issue: Issue, options: IssueOptions = {}): Record<string, unknown> => {
  const tr = j.ctx.tracker;
  const project = tr.project(issue.project)!;
  const expand = new Set(options.expand ?? []);
  const fields = issueFields(j, issue, project, fieldFilter(options.fields));
  const out: Record<string, unknown> = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: `${j.api}/issue/${issue.id}`,
    key: issue.key,
    fields,
  };
  if (options.properties) {
    const all = options.properties.includes('*all');
    out.properties = Object.fromEntries(Object.entries(issue.properties ?? {}).filter(([k]) => all || options.properties!.includes(k)));
  }
  if (expand.has('names'))
    out.names = Object.fromEntries(Object.keys(fields).map((id) => [id, tr.field(id)?.name ?? BUILT_IN_FIELDS.find((b) => b.id === id)?.name ?? id]));
  if (expand.has('renderedFields')) {
    out.renderedFields = Object.fromEntries(
      Object.entries(fields).map(([id, v]) => [
        id,
        typeof (issue as unknown as Record<string, unknown>)[id] === 'string' && ['description', 'environment'].includes(id)
          ? htmlOf((issue as unknown as Record<string, string>)[id]!)
          : v,
      ]),
    );
  }
  if (expand.has('transitions'))
    out.transitions = j.ctx.tracker.transitions(j.actor, issue.key).map((t) => transitionJson(j, issue, t, expand.has('transitions.fields')));
  if (expand.has('changelog'))
    out.changelog = {
      startAt: 0,
      maxResults: issue.history.length,
      total: issue.history.length,
      histories: issue.history.map((h) => changelogJson(j, h)),
    };
  if (expand.has('editmeta'))
    out.editmeta = {
      fields: Object.fromEntries(j.ctx.tracker.editMeta(j.actor, issue.key).map((m) => [m.fieldId, fieldMetaJson(j, m, project, issue.issueType)])),
    };
  return out;
};

const htmlOf = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map(
      (p) =>
        `<p>${p.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!).replace(/\n/g, '<br/>')}</p>`,
    )
    .join('');
