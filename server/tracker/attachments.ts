/**
 * Attachments' metadata on issues (the content is stored by the HTTP layer, content-addressed,
 * before this records it): adding needs CREATE_ATTACHMENTS, deleting DELETE_ALL_ATTACHMENTS or
 * DELETE_OWN_ATTACHMENTS for one's own. Each add and delete writes Jira's "Attachment" history item
 * and sends "Issue Updated", as Jira does.
 */
import type { Attachment, Issue } from '../model/index.ts';
import { need, needOwnOrAll, recordActivity, setList } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { badRequest, notFound } from './errors.ts';
import type { Actor } from './types.ts';

export type NewAttachment = Pick<Attachment, 'filename' | 'mimeType' | 'size'> & { sha256: string };

/** Throws unless the actor may attach files to the issue (checked before any content is stored). */
export const checkCanAttach = (ctx: Ctx, actor: Actor, key: string): Issue => {
  const { issue, project } = visibleIssue(ctx, actor, key);
  need(ctx, actor, 'CREATE_ATTACHMENTS', project, issue, 'You do not have permission to create attachments for this issue.');
  return issue;
};

export const addAttachments = (ctx: Ctx, actor: Actor, key: string, files: readonly NewAttachment[]): Attachment[] => {
  const issue = checkCanAttach(ctx, actor, key);
  if (!files.length) throw badRequest(['No file was sent: attach one or more files in a multipart/form-data field named "file".']);
  const now = ctx.clock.now();
  const added = files.map(
    (f): Attachment => ({
      id: ctx.issues.nextAttachmentId(),
      filename: f.filename,
      author: actor,
      created: now,
      size: f.size,
      mimeType: f.mimeType,
      sha256: f.sha256,
    }),
  );
  setList(issue, 'attachments', [...(issue.attachments ?? []), ...added]);
  recordActivity(ctx, issue, actor, {
    items: added.map((a) => ({ field: 'Attachment', fieldId: 'attachment', from: null, fromString: null, to: a.id, toString: a.filename })),
    event: 'updated',
  });
  return added;
};

/** An attachment by id, when the actor may browse its issue (else 404, as Jira). */
export const getAttachment = (ctx: Ctx, actor: Actor, id: string): { issue: Issue; attachment: Attachment } => {
  for (const issue of ctx.state.issues) {
    const attachment = issue.attachments?.find((a) => a.id === id);
    if (!attachment) continue;
    try {
      visibleIssue(ctx, actor, issue.key);
    } catch {
      break;
    }
    return { issue, attachment };
  }
  throw notFound(`The attachment with id '${id}' does not exist or you do not have permission to see it.`);
};

export const deleteAttachment = (ctx: Ctx, actor: Actor, id: string): void => {
  const { issue, attachment } = getAttachment(ctx, actor, id);
  const project = ctx.ix.projects.get(issue.project)!;
  needOwnOrAll(
    ctx,
    actor,
    project,
    issue,
    attachment.author,
    'DELETE_OWN_ATTACHMENTS',
    'DELETE_ALL_ATTACHMENTS',
    'You do not have permission to delete this attachment.',
  );
  setList(
    issue,
    'attachments',
    (issue.attachments ?? []).filter((a) => a.id !== id),
  );
  recordActivity(ctx, issue, actor, {
    items: [{ field: 'Attachment', fieldId: 'attachment', from: attachment.id, fromString: attachment.filename, to: null, toString: null }],
    event: 'updated',
  });
};
