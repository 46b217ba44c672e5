/**
 * An issue's activity (issue 18): people become personas (authors of attachments and worklogs,
 * comment editors, voters — the ids by rekeyIssue), and free text is replaced by text of the same
 * shape: worklog comments, remote link titles and summaries, the host and path of remote link URLs
 * (their scheme stays), string values inside issue properties (keys, numbers and booleans stay:
 * they are structure apps read), and attachment file names — a name like "jane-doe-passport.pdf"
 * is personal data; the extension stays, so the type a script filters on is kept. Changelog
 * entries that name an attachment or remote link get the same replacements.
 */
import type { Issue } from '../../model/index.ts';
import type { Ctx } from './context.ts';

const fileName = (ctx: Ctx, name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${ctx.text(name.slice(0, dot))}${name.slice(dot)}` : ctx.text(name);
};

const url = (ctx: Ctx, u: string): string => {
  const m = /^([a-z][a-z0-9+.-]*:\/\/)?(.*)$/is.exec(u)!;
  return `${m[1] ?? ''}${ctx.text(m[2] ?? '')}`;
};

/** Entity property values: strings get same-shape text; keys, numbers and booleans stay (apps read them). */
export const anonymizeProperties = (ctx: Ctx, props: Record<string, unknown>): Record<string, unknown> =>
  strings(ctx, props) as Record<string, unknown>;

const strings = (ctx: Ctx, v: unknown): unknown => {
  if (typeof v === 'string') return ctx.text(v);
  if (Array.isArray(v)) return v.map((x) => strings(ctx, x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, strings(ctx, x)]));
  return v;
};

export const anonymizeActivity = (ctx: Ctx, issue: Issue): void => {
  const renamed = new Map<string, string>();
  for (const a of issue.attachments ?? []) {
    ctx.ref('attachment author', a.author);
    const next = fileName(ctx, a.filename);
    renamed.set(a.filename, next);
    a.filename = next;
  }
  for (const w of issue.worklogs ?? []) {
    ctx.ref('worklog author', w.author);
    if (w.comment) w.comment = ctx.text(w.comment);
  }
  for (const c of issue.comments) ctx.ref('comment editor', c.updateAuthor ?? null);
  if (issue.voters) ctx.ref('voter', issue.voters);
  for (const r of issue.remoteLinks ?? []) {
    r.object.title = ctx.text(r.object.title);
    if (r.object.summary) r.object.summary = ctx.text(r.object.summary);
    r.object.url = url(ctx, r.object.url);
  }
  if (issue.properties) issue.properties = anonymizeProperties(ctx, issue.properties);
  for (const h of issue.history) {
    for (const it of h.items) {
      if (it.field === 'Attachment') {
        if (it.fromString) it.fromString = renamed.get(it.fromString) ?? fileName(ctx, it.fromString);
        if (it.toString) it.toString = renamed.get(it.toString) ?? fileName(ctx, it.toString);
      } else if (it.field === 'RemoteIssueLink') {
        if (it.fromString) it.fromString = ctx.text(it.fromString);
        if (it.toString) it.toString = ctx.text(it.toString);
      }
    }
  }
};
