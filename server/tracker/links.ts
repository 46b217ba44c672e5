/**
 * Issue links as Jira makes them: `outward` is the issue the link type's outward phrase starts
 * from ("A blocks B": A outward, B inward). Creating needs BROWSE_PROJECTS on both and LINK_ISSUES
 * on the outward issue; each side gets a "Link" history entry; an optional comment goes to the
 * outward issue. A duplicate request answers as created and adds nothing. Links send no notification.
 */
import type { Issue, IssueLink, IssueLinkType } from '../model/index.ts';
import { need, recordActivity } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { addComment } from './issue-actions.ts';
import { badRequest, denied, notFound } from './errors.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';
import type { VisibilityInput } from './visibility-input.ts';

export interface LinkInput {
  type: { id?: string; name?: string };
  inward: string;
  outward: string;
  comment?: { body: string; visibility?: VisibilityInput };
}
export interface LinkView {
  id: string;
  type: IssueLinkType;
  inward: Issue;
  outward: Issue;
}

export const linkTypeByRef = (ctx: Ctx, ref: { id?: string; name?: string }): IssueLinkType | undefined =>
  ctx.ix.config.issueLinkTypes.find(
    (t) => (ref.id !== undefined && t.id === String(ref.id)) || (ref.name !== undefined && t.name.toLowerCase() === String(ref.name).toLowerCase()),
  );

const phrase = (type: IssueLinkType, direction: IssueLink['direction']) => (direction === 'outward' ? type.outward : type.inward);

const linkItem = (type: IssueLinkType, direction: IssueLink['direction'], other: string, removed: boolean) => {
  const text = `This issue ${phrase(type, direction)} ${other}`;
  return removed
    ? { field: 'Link', fieldId: 'issuelinks', from: other, fromString: text, to: null, toString: null }
    : { field: 'Link', fieldId: 'issuelinks', from: null, fromString: null, to: other, toString: text };
};

export const linkIssues = (ctx: Ctx, actor: Actor, input: LinkInput): void => {
  const type = linkTypeByRef(ctx, input.type);
  if (!type) throw notFound(`No issue link type with name '${input.type.name ?? input.type.id ?? ''}' found.`);
  const outward = visibleIssue(ctx, actor, input.outward);
  const inward = visibleIssue(ctx, actor, input.inward);
  need(ctx, actor, 'LINK_ISSUES', outward.project, outward.issue, 'You do not have the permission to link issues.');
  if (outward.issue.key === inward.issue.key) throw badRequest(['You cannot link an issue to itself.']);
  const exists = outward.issue.links.some((l) => l.type === type.id && l.direction === 'outward' && l.issue === inward.issue.key);
  if (!exists) {
    const id = ctx.issues.nextLinkId();
    outward.issue.links = [...outward.issue.links, { id, type: type.id, direction: 'outward', issue: inward.issue.key }];
    inward.issue.links = [...inward.issue.links, { id, type: type.id, direction: 'inward', issue: outward.issue.key }];
    recordActivity(ctx, outward.issue, actor, { items: [linkItem(type, 'outward', inward.issue.key, false)] });
    recordActivity(ctx, inward.issue, actor, { items: [linkItem(type, 'inward', outward.issue.key, false)] });
  }
  if (input.comment?.body) addComment(ctx, actor, outward.issue.key, input.comment.body, input.comment.visibility);
};

/** A link by id, when the actor may see both of its issues. */
export const getLink = (ctx: Ctx, actor: Actor, id: string): LinkView => {
  const gone = () => notFound(`No issue link with id '${id}' exists.`);
  let side: { issue: Issue; link: IssueLink } | undefined;
  for (const issue of ctx.state.issues) {
    const link = issue.links.find((l) => l.id === id && l.direction === 'outward');
    if (link) {
      side = { issue, link };
      break;
    }
  }
  if (!side) throw gone();
  const type = ctx.ix.config.issueLinkTypes.find((t) => t.id === side.link.type);
  let outward: Issue, inward: Issue;
  try {
    outward = visibleIssue(ctx, actor, side.issue.key).issue;
    inward = visibleIssue(ctx, actor, side.link.issue).issue;
  } catch {
    throw gone();
  }
  if (!type) throw gone();
  return { id, type, inward, outward };
};

/** Deleting needs LINK_ISSUES on either issue; both sides get a history entry. */
export const deleteLink = (ctx: Ctx, actor: Actor, id: string): void => {
  const view = getLink(ctx, actor, id);
  const outward = visibleIssue(ctx, actor, view.outward.key);
  const inward = visibleIssue(ctx, actor, view.inward.key);
  if (!can(ctx.ix, actor, 'LINK_ISSUES', outward.project, outward.issue) && !can(ctx.ix, actor, 'LINK_ISSUES', inward.project, inward.issue)) {
    throw denied(actor, 'You do not have the permission to delete links.');
  }
  outward.issue.links = outward.issue.links.filter((l) => l.id !== id);
  inward.issue.links = inward.issue.links.filter((l) => l.id !== id);
  recordActivity(ctx, outward.issue, actor, { items: [linkItem(view.type, 'outward', inward.issue.key, true)] });
  recordActivity(ctx, inward.issue, actor, { items: [linkItem(view.type, 'inward', outward.issue.key, true)] });
};
