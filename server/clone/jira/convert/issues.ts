/** Jira's IssueBean (fields=*all, expand=changelog) → the model's Issue; values by id, rich text as stored strings. */
import { fromAdf } from '../../../jira-wire/index.ts';
import type { Comment, Config, Field, HistoryEntry, Issue, IssueLink } from '../../../model/index.ts';
import type { Obj } from '../raw.ts';
import { iso, str, userIdOf } from './common.ts';

const richText = (v: unknown): string | null => {
  if (v === null || v === undefined) return null;
  try { return fromAdf(v); } catch { return typeof v === 'string' ? v : JSON.stringify(v); }
};

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => x && x.id !== undefined).map((x) => str(x.id)) : []);

const customValue = (dc: boolean, f: Field, v: unknown): unknown => {
  if (v === null || v === undefined) return undefined;
  const o = v as Obj;
  switch (f.type) {
    case 'select': case 'radio': case 'version': case 'priority': return o.id === undefined ? undefined : str(o.id);
    case 'multi-select': case 'checkboxes': case 'multi-version': case 'components': return ids(v);
    case 'cascading-select': return { parent: str(o.id), ...(o.child?.id !== undefined ? { child: str(o.child.id) } : {}) };
    case 'user': return userIdOf(dc, o);
    case 'multi-user': return Array.isArray(v) ? v.map((u) => userIdOf(dc, u)).filter((x) => x !== undefined) : undefined;
    case 'group': return o.groupId ?? o.name;
    case 'multi-group': return Array.isArray(v) ? v.map((g: Obj) => str(g.groupId ?? g.name)) : undefined;
    case 'paragraph': return richText(v) ?? undefined;
    case 'datetime': return iso(v) ?? undefined;
    default: return v;
  }
};

export const commentOf = (dc: boolean, c: Obj): Comment => ({
  id: str(c.id), author: userIdOf(dc, c.author) ?? '', body: richText(c.body) ?? '', created: iso(c.created)!,
  ...(c.updated && iso(c.updated) !== iso(c.created) ? { updated: iso(c.updated)! } : {}),
});

export const historyOf = (dc: boolean, h: Obj): HistoryEntry => ({
  id: str(h.id), author: userIdOf(dc, h.author) ?? null, created: iso(h.created)!,
  items: (h.items ?? []).map((i: Obj) => ({
    field: str(i.field), ...(i.fieldId ? { fieldId: str(i.fieldId) } : {}),
    from: i.from ?? null, fromString: i.fromString ?? null, to: i.to ?? null, toString: i.toString ?? null,
  })),
});

const linkOf = (l: Obj): IssueLink[] => {
  const out = l.outwardIssue ?? l.inwardIssue;
  if (!out?.key || l.type?.id === undefined) return [];
  return [{ id: str(l.id), type: str(l.type.id), direction: l.outwardIssue ? 'outward' : 'inward', issue: str(out.key) }];
};

/** Comments, changelog and watchers are passed separately where Jira pages them apart from the issue. */
export const issueOf = (dc: boolean, config: Config, bean: Obj, extra: { comments: Obj[]; histories: Obj[]; watchers: Obj[] }): Issue => {
  const f = (bean.fields ?? {}) as Obj;
  const customFields: Record<string, unknown> = {};
  for (const field of config.fields) {
    if (!field.custom) continue;
    const v = customValue(dc, field, f[field.id]);
    if (v !== undefined) customFields[field.id] = v;
  }
  return {
    id: str(bean.id), key: str(bean.key), project: str(f.project?.key), issueType: str(f.issuetype?.id), status: str(f.status?.id),
    resolution: f.resolution?.id !== undefined ? str(f.resolution.id) : null, priority: f.priority?.id !== undefined ? str(f.priority.id) : null,
    summary: str(f.summary ?? ''), description: richText(f.description),
    ...(f.environment !== undefined && f.environment !== null ? { environment: richText(f.environment) } : {}),
    reporter: userIdOf(dc, f.reporter) ?? null, assignee: userIdOf(dc, f.assignee) ?? null,
    labels: Array.isArray(f.labels) ? f.labels.map(str) : [], components: ids(f.components), fixVersions: ids(f.fixVersions), versions: ids(f.versions),
    ...(f.duedate ? { duedate: str(f.duedate) } : {}),
    created: iso(f.created)!, updated: iso(f.updated)!, ...(f.resolutiondate ? { resolutionDate: iso(f.resolutiondate) } : {}),
    ...(f.parent?.key ? { parent: str(f.parent.key) } : {}),
    watchers: extra.watchers.map((w) => userIdOf(dc, w)).filter((x): x is string => x !== undefined),
    customFields, comments: extra.comments.map((c) => commentOf(dc, c)), history: extra.histories.map((h) => historyOf(dc, h)),
    links: (Array.isArray(f.issuelinks) ? f.issuelinks : []).flatMap(linkOf),
  };
};
