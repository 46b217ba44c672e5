/**
 * Remote issue links (web pages, Confluence pages, builds): created or updated by `globalId`, with
 * LINK_ISSUES; each add and removal writes a "RemoteIssueLink" history entry, as Jira does.
 */
import type { Issue, RemoteLink } from '../model/index.ts';
import { need, recordActivity, setList } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { badRequest, fieldErrors, notFound } from './errors.ts';
import type { Actor } from './types.ts';

export type RemoteLinkInput = Omit<RemoteLink, 'id'>;

const noSuchLink = (ref: string) => notFound(`No remote link with id or global id '${ref}' exists on this issue.`);

const item = (l: RemoteLink, removed: boolean) => {
  const text = `This issue links to "${l.object.title} (${l.object.url})"`;
  return removed
    ? { field: 'RemoteIssueLink', from: l.id, fromString: text, to: null, toString: null }
    : { field: 'RemoteIssueLink', from: null, fromString: null, to: l.id, toString: text };
};

export const checkRemoteLink = (input: Partial<RemoteLinkInput>): void => {
  const errors: Record<string, string> = {};
  if (!input.object || typeof input.object !== 'object') errors.object = 'A remote link needs an object with a url and a title.';
  else {
    if (typeof input.object.url !== 'string' || !input.object.url.trim()) errors.url = "'url' is required.";
    if (typeof input.object.title !== 'string' || !input.object.title.trim()) errors.title = "'title' is required.";
  }
  if (Object.keys(errors).length) throw fieldErrors(errors);
};

export const remoteLinksOf = (ctx: Ctx, actor: Actor, key: string): { issue: Issue; links: RemoteLink[] } => {
  const { issue } = visibleIssue(ctx, actor, key);
  return { issue, links: issue.remoteLinks ?? [] };
};

export const remoteLink = (ctx: Ctx, actor: Actor, key: string, ref: { id?: string; globalId?: string }): { issue: Issue; link: RemoteLink } => {
  const { issue, links } = remoteLinksOf(ctx, actor, key);
  const link = links.find((l) => (ref.id !== undefined && l.id === ref.id) || (ref.globalId !== undefined && l.globalId === ref.globalId));
  if (!link) throw noSuchLink(ref.id ?? ref.globalId ?? '');
  return { issue, link };
};

/** Creates the link, or replaces the one with the same globalId; `created` says which. */
export const putRemoteLink = (ctx: Ctx, actor: Actor, key: string, input: RemoteLinkInput, id?: string): { link: RemoteLink; created: boolean } => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  need(ctx, actor, 'LINK_ISSUES', project, issue, 'You do not have the permission to link issues.');
  checkRemoteLink(input);
  const links = issue.remoteLinks ?? [];
  const existing =
    id !== undefined ? links.find((l) => l.id === id) : input.globalId !== undefined ? links.find((l) => l.globalId === input.globalId) : undefined;
  if (id !== undefined && !existing) throw noSuchLink(id);
  const link: RemoteLink = { ...input, id: existing?.id ?? ctx.issues.nextRemoteLinkId() };
  setList(issue, 'remoteLinks', existing ? links.map((l) => (l.id === existing.id ? link : l)) : [...links, link]);
  recordActivity(ctx, issue, actor, { items: existing ? [] : [item(link, false)] });
  return { link, created: !existing };
};

export const deleteRemoteLink = (ctx: Ctx, actor: Actor, key: string, ref: { id?: string; globalId?: string }): void => {
  if (ref.id === undefined && !ref.globalId) throw badRequest(['A global ID must be provided.']);
  const { issue, link } = remoteLink(ctx, actor, key, ref);
  const project = ctx.ix.projects.get(issue.project)!;
  need(ctx, actor, 'LINK_ISSUES', project, issue, 'You do not have the permission to link issues.');
  setList(
    issue,
    'remoteLinks',
    (issue.remoteLinks ?? []).filter((l) => l.id !== link.id),
  );
  recordActivity(ctx, issue, actor, { items: [item(link, true)] });
};
