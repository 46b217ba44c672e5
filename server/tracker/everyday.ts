/**
 * The Tracker's issue-level activity and the reads everyday scripts use (attachments, worklogs and
 * estimates, links, remote links, watchers, votes, properties, comment edits),
 * as a base class so tracker.ts stays one screen long. Same contract as every
 * Tracker method: model values in and out, TrackerError for what Jira refuses.
 */
import type { Attachment, Comment, Issue, RemoteLink, Worklog } from '../model/index.ts';
import { addAttachments, checkCanAttach, deleteAttachment, getAttachment, type NewAttachment } from './attachments.ts';
import { deleteComment, editComment, getComment, visibleComments, type CommentEdit } from './comment-actions.ts';
import type { Ctx } from './context.ts';
import { visibleIssue } from './context.ts';
import { deleteLink, getLink, linkIssues, linkTypeByRef, type LinkInput, type LinkView } from './links.ts';
import { deleteProperty, getProperty, propertyKeys, setProperty, type PropertyOwner } from './properties.ts';
import { deleteRemoteLink, putRemoteLink, remoteLink, remoteLinksOf, type RemoteLinkInput } from './remote-links.ts';
import type { Actor } from './types.ts';
import { addVote, addWatcher, removeVote, removeWatcher, votesOf, watchersOf, type PeopleView } from './watchers-votes.ts';
import {
  addWorklog,
  deleteWorklog,
  getWorklog,
  setEstimates,
  timeSpentOf,
  updateWorklog,
  worklogsOf,
  type EstimateAdjust,
  type WorklogInput,
} from './worklogs.ts';

export type { CommentEdit, EstimateAdjust, LinkInput, LinkView, NewAttachment, PeopleView, PropertyOwner, RemoteLinkInput, WorklogInput };

export abstract class EverydayMethods {
  protected abstract get ctx(): Ctx;

  /** The comments of an issue the actor may see (restricted ones only for their group or role). */
  comments(actor: Actor, key: string): Comment[] {
    return visibleComments(this.ctx, actor, visibleIssue(this.ctx, actor, key).issue);
  }
  comment(actor: Actor, key: string, id: string): Comment {
    return getComment(this.ctx, actor, key, id).comment;
  }
  editComment(actor: Actor, key: string, id: string, edit: CommentEdit): Comment {
    return editComment(this.ctx, actor, key, id, edit);
  }
  deleteComment(actor: Actor, key: string, id: string): void {
    deleteComment(this.ctx, actor, key, id);
  }

  watchers(actor: Actor, key: string): PeopleView {
    return watchersOf(this.ctx, actor, key);
  }
  addWatcher(actor: Actor, key: string, who?: string): void {
    addWatcher(this.ctx, actor, key, who);
  }
  removeWatcher(actor: Actor, key: string, who: string | undefined): void {
    removeWatcher(this.ctx, actor, key, who);
  }
  votes(actor: Actor, key: string): PeopleView {
    return votesOf(this.ctx, actor, key);
  }
  addVote(actor: Actor, key: string): void {
    addVote(this.ctx, actor, key);
  }
  removeVote(actor: Actor, key: string): void {
    removeVote(this.ctx, actor, key);
  }

  linkIssues(actor: Actor, input: LinkInput): void {
    linkIssues(this.ctx, actor, input);
  }
  issueLink(actor: Actor, id: string): LinkView {
    return getLink(this.ctx, actor, id);
  }
  deleteIssueLink(actor: Actor, id: string): void {
    deleteLink(this.ctx, actor, id);
  }
  linkType(ref: { id?: string; name?: string }) {
    return linkTypeByRef(this.ctx, ref);
  }

  remoteLinks(actor: Actor, key: string): RemoteLink[] {
    return remoteLinksOf(this.ctx, actor, key).links;
  }
  remoteLink(actor: Actor, key: string, ref: { id?: string; globalId?: string }): RemoteLink {
    return remoteLink(this.ctx, actor, key, ref).link;
  }
  putRemoteLink(actor: Actor, key: string, input: RemoteLinkInput, id?: string) {
    return putRemoteLink(this.ctx, actor, key, input, id);
  }
  deleteRemoteLink(actor: Actor, key: string, ref: { id?: string; globalId?: string }): void {
    deleteRemoteLink(this.ctx, actor, key, ref);
  }

  propertyKeys(actor: Actor, owner: PropertyOwner): string[] {
    return propertyKeys(this.ctx, actor, owner);
  }
  property(actor: Actor, owner: PropertyOwner, key: string): unknown {
    return getProperty(this.ctx, actor, owner, key);
  }
  setProperty(actor: Actor, owner: PropertyOwner, key: string, value: unknown): boolean {
    return setProperty(this.ctx, actor, owner, key, value);
  }
  deleteProperty(actor: Actor, owner: PropertyOwner, key: string): void {
    deleteProperty(this.ctx, actor, owner, key);
  }

  worklogs(actor: Actor, key: string): Worklog[] {
    return worklogsOf(this.ctx, actor, key).worklogs;
  }
  worklog(actor: Actor, key: string, id: string): Worklog {
    return getWorklog(this.ctx, actor, key, id).worklog;
  }
  addWorklog(actor: Actor, key: string, input: WorklogInput, a?: EstimateAdjust): Worklog {
    return addWorklog(this.ctx, actor, key, input, a);
  }
  updateWorklog(actor: Actor, key: string, id: string, input: WorklogInput, a?: EstimateAdjust): Worklog {
    return updateWorklog(this.ctx, actor, key, id, input, a);
  }
  deleteWorklog(actor: Actor, key: string, id: string, a?: EstimateAdjust): void {
    deleteWorklog(this.ctx, actor, key, id, a);
  }
  setEstimates(actor: Actor, key: string, input: { originalEstimate?: unknown; remainingEstimate?: unknown }): void {
    setEstimates(this.ctx, actor, key, input);
  }
  timeSpent(issue: Issue): number {
    return timeSpentOf(issue);
  }

  /** Throws unless the actor may attach to the issue; call before storing any content. */
  checkCanAttach(actor: Actor, key: string): Issue {
    return checkCanAttach(this.ctx, actor, key);
  }
  addAttachments(actor: Actor, key: string, files: readonly NewAttachment[]): Attachment[] {
    return addAttachments(this.ctx, actor, key, files);
  }
  attachment(actor: Actor, id: string): { issue: Issue; attachment: Attachment } {
    return getAttachment(this.ctx, actor, id);
  }
  deleteAttachment(actor: Actor, id: string): void {
    deleteAttachment(this.ctx, actor, id);
  }
}
