/**
 * Issues: free text (summary, description, environment, comments, text custom fields, text
 * changelog values) is replaced by text of the same shape; people in changelog strings become
 * personas. Account ids, keys, dates, option ids and links stay, so the issue behaves the same.
 */
import type { ChangeItem, Issue } from '../../model/index.ts';
import { rekeyIssue } from './account-ids.ts';
import type { Ctx } from './context.ts';
import { TEXT_SYSTEM } from './field-kinds.ts';
import { anonymizeActivity } from './activity.ts';

const SUMMARY_MAX = 255;

const fails = (patterns: RegExp[], before: string, after: string) => patterns.some((p) => p.test(before) && !p.test(after));

/**
 * A text custom field's value. Where a format validator (workflow `fieldMatches`) accepts the
 * original, the replacement must pass too: first try keeping the pattern's literal words
 * (`github`, `pull`), and keep the whole value only when that fails as well.
 */
const customText = (ctx: Ctx, id: string, value: string): string => {
  const patterns = ctx.fields.patternsOf(id);
  const out = ctx.text(value);
  if (!fails(patterns, value, out)) return out;
  const literals = new Set(patterns.flatMap((p) => p.source.toLowerCase().match(/\p{L}+/gu) ?? []));
  const second = ctx.text(value, literals);
  if (!fails(patterns, value, second)) {
    ctx.keep(`words of ${id} that its format pattern names`, "the field's format validator (a workflow fieldMatches rule) requires them literally");
    return second;
  }
  ctx.keep(`values of ${id}`, "they must match the field's format validator (a workflow fieldMatches rule), which no replacement did");
  return value;
};

const changeItem = (ctx: Ctx, it: ChangeItem): ChangeItem => {
  const id = it.fieldId ?? it.field;
  if (ctx.fields.isUserField(id) || ctx.fields.isUserField(it.field)) {
    ctx.ref('changelog user value', [it.from, it.to]);
    const name = (ref: string | null, shown: string | null) =>
      shown === null ? null : ref !== null && ctx.personas.byAccountId.has(ref) ? ctx.personas.byAccountId.get(ref)!.displayName : ctx.people(shown);
    return { ...it, fromString: name(it.from, it.fromString), toString: name(it.to, it.toString) };
  }
  if (TEXT_SYSTEM.has(id.toLowerCase()) || ctx.fields.isTextField(id)) {
    const t = (s: string | null) => (s === null ? null : ctx.text(s));
    return { ...it, from: t(it.from), fromString: t(it.fromString), to: t(it.to), toString: t(it.toString) };
  }
  return { ...it };
};

export const anonymizeIssue = (ctx: Ctx, src: Issue): Issue => {
  const issue = structuredClone(src);
  ctx.ref('assignee', issue.assignee);
  ctx.ref('reporter', issue.reporter);
  ctx.ref('watcher', issue.watchers);
  let summary = ctx.text(issue.summary);
  if (summary.length > SUMMARY_MAX) summary = summary.slice(0, SUMMARY_MAX).trimEnd() || summary.slice(0, SUMMARY_MAX);
  issue.summary = summary;
  if (issue.description) issue.description = ctx.text(issue.description);
  if (issue.environment) issue.environment = ctx.text(issue.environment);
  for (const [id, v] of Object.entries(issue.customFields)) {
    if (ctx.fields.isTextField(id) && typeof v === 'string') issue.customFields[id] = customText(ctx, id, v);
    else if (ctx.fields.isUserField(id)) ctx.ref('user custom field', Array.isArray(v) ? (v as string[]) : (v as string | null));
  }
  for (const c of issue.comments) {
    ctx.ref('comment author', c.author);
    c.body = ctx.text(c.body);
  }
  anonymizeActivity(ctx, issue);
  for (const h of issue.history) {
    ctx.ref('changelog author', h.author);
    h.items = h.items.map((it) => changeItem(ctx, it));
  }
  if (issue.labels.length) ctx.keep('labels', 'they are vocabulary that JQL, boards and filters select on, not free text', issue.labels.length);
  rekeyIssue(issue, ctx.personas.idOf, ctx.fields);
  if (issue.refs || issue.ext) ctx.keep('issue refs/ext', 'native ids and vendor detail kept for round trips; not interpreted');
  return issue;
};
