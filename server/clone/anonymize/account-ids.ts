/**
 * Where a source account id was replaced (it named its user), every reference to it follows:
 * leads, role actors, permission and notification holders, filter owners and shares, workflow
 * rules and field defaults that name a user, and the people fields of issues, comments and changelog.
 * Opaque ids map to themselves, so for them this changes nothing.
 */
import type { Config, Issue } from '../../model/index.ts';
import type { FieldKinds } from './field-kinds.ts';

type IdOf = (sourceId: string) => string;

/** A user field's value: an id, a list of ids, or anything else left as it is. */
const userValue = (v: unknown, idOf: IdOf): unknown => (typeof v === 'string' ? idOf(v) : Array.isArray(v) ? v.map((x) => userValue(x, idOf)) : v);

export const rekeyConfig = (config: Config, idOf: IdOf, fields: FieldKinds): void => {
  for (const p of config.projects) {
    p.lead = idOf(p.lead);
    for (const c of p.components) if (c.lead) c.lead = idOf(c.lead);
    for (const r of p.roles) for (const a of r.actors) if (a.type === 'user') a.id = idOf(a.id);
  }
  for (const s of config.permissionSchemes)
    for (const g of s.grants) if (g.holder.type === 'user' && g.holder.value) g.holder.value = idOf(g.holder.value);
  for (const s of config.notificationSchemes)
    for (const e of s.events) for (const r of e.recipients) if (r.type === 'user' && r.value) r.value = idOf(r.value);
  for (const f of config.filters) {
    f.owner = idOf(f.owner);
    for (const s of f.shares) if (s.type === 'user' && s.value) s.value = idOf(s.value);
  }
  for (const f of config.fields)
    if (fields.isUserField(f.id)) for (const c of f.contexts) if (c.default !== undefined) c.default = userValue(c.default, idOf);
  for (const w of config.workflows)
    for (const t of w.transitions) {
      const walk = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        const n = node as { type?: string; field?: string; value?: unknown; conditions?: unknown[] };
        if (n.type === 'fieldValue' && n.field && fields.isUserField(n.field)) n.value = userValue(n.value, idOf);
        n.conditions?.forEach(walk);
      };
      walk(t.rules.conditions);
      for (const pf of t.rules.postFunctions) {
        if (pf.type === 'assign' && pf.user) pf.user = idOf(pf.user);
        if (pf.type === 'setField' && fields.isUserField(pf.field)) pf.value = userValue(pf.value, idOf);
      }
    }
};

export const rekeyIssue = (issue: Issue, idOf: IdOf, fields: FieldKinds): void => {
  if (issue.assignee) issue.assignee = idOf(issue.assignee);
  if (issue.reporter) issue.reporter = idOf(issue.reporter);
  issue.watchers = issue.watchers.map(idOf);
  for (const [id, v] of Object.entries(issue.customFields)) if (fields.isUserField(id)) issue.customFields[id] = userValue(v, idOf);
  for (const c of issue.comments) {
    c.author = idOf(c.author);
    if (c.updateAuthor) c.updateAuthor = idOf(c.updateAuthor);
  }
  for (const a of issue.attachments ?? []) if (a.author) a.author = idOf(a.author);
  for (const w of issue.worklogs ?? []) {
    if (w.author) w.author = idOf(w.author);
    if (w.updateAuthor) w.updateAuthor = idOf(w.updateAuthor);
  }
  if (issue.voters) issue.voters = issue.voters.map(idOf);
  for (const h of issue.history) {
    if (h.author) h.author = idOf(h.author);
    for (const it of h.items) {
      if (!fields.isUserField(it.fieldId ?? it.field) && !fields.isUserField(it.field)) continue;
      if (it.from) it.from = it.from.split(/,\s*/).map(idOf).join(', ');
      if (it.to) it.to = it.to.split(/,\s*/).map(idOf).join(', ');
    }
  }
};
