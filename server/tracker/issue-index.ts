/**
 * Issues by key and the next free numbers (issue ids, keys per project, comment and history ids),
 * from one scan. Kept in step by the tracker's own operations; rebuilt when the issue list is replaced.
 * A copy of an issue list (a sandbox fork, a scratch tracker) may take its source's counters instead
 * of scanning again: `counters()` of the source, given to the copy's index.
 */
import type { Issue } from '../model/index.ts';

const num = (id: string): number => (/^\d+$/.test(id) ? Number(id) : 0);

/** The next free numbers of an issue list, as its index holds them (see `IssueIndex.counters`). */
export interface IssueCounters {
  readonly lastNumber: ReadonlyMap<string, number>;
  readonly ids: readonly [issue: number, comment: number, history: number, attachment: number, worklog: number, link: number, remoteLink: number];
}

export class IssueIndex {
  readonly byKey = new Map<string, Issue>();
  readonly byId = new Map<string, Issue>();
  private readonly lastNumber = new Map<string, number>();
  private issueId = 10000;
  private commentId = 10000;
  private historyId = 10000;
  private attachmentId = 10000;
  private worklogId = 10000;
  private linkId = 10000;
  private remoteLinkId = 10000;

  /**
   * `from`: the counters of the list `issues` is a copy of (same keys and ids), so no scan is needed;
   * they never run behind a scan, as keys and ids are never reused.
   */
  constructor(
    readonly issues: Issue[],
    from?: IssueCounters,
  ) {
    if (!from) {
      for (const issue of issues) this.add(issue);
      return;
    }
    for (const issue of issues) {
      this.byKey.set(issue.key, issue);
      this.byId.set(issue.id, issue);
    }
    for (const [k, v] of from.lastNumber) this.lastNumber.set(k, v);
    [this.issueId, this.commentId, this.historyId, this.attachmentId, this.worklogId, this.linkId, this.remoteLinkId] = from.ids;
  }

  /** A snapshot of the next free numbers, for the index of a copy of this list. */
  counters(): IssueCounters {
    return {
      lastNumber: new Map(this.lastNumber),
      ids: [this.issueId, this.commentId, this.historyId, this.attachmentId, this.worklogId, this.linkId, this.remoteLinkId],
    };
  }

  add(issue: Issue): void {
    this.byKey.set(issue.key, issue);
    this.byId.set(issue.id, issue);
    const n = Number(issue.key.slice(issue.key.lastIndexOf('-') + 1));
    if (n > (this.lastNumber.get(issue.project) ?? 0)) this.lastNumber.set(issue.project, n);
    this.issueId = Math.max(this.issueId, num(issue.id));
    for (const c of issue.comments) this.commentId = Math.max(this.commentId, num(c.id));
    for (const h of issue.history) this.historyId = Math.max(this.historyId, num(h.id));
    for (const a of issue.attachments ?? []) this.attachmentId = Math.max(this.attachmentId, num(a.id));
    for (const w of issue.worklogs ?? []) this.worklogId = Math.max(this.worklogId, num(w.id));
    for (const l of issue.links) this.linkId = Math.max(this.linkId, num(l.id));
    for (const r of issue.remoteLinks ?? []) this.remoteLinkId = Math.max(this.remoteLinkId, num(r.id));
  }

  remove(issue: Issue): void {
    this.byKey.delete(issue.key);
    this.byId.delete(issue.id);
    const i = this.issues.indexOf(issue);
    if (i >= 0) this.issues.splice(i, 1);
  }

  /** Keys are never reused, even after a delete, as in Jira (the counter stays past the highest key). */
  nextKey(projectKey: string): string {
    const n = (this.lastNumber.get(projectKey) ?? 0) + 1;
    this.lastNumber.set(projectKey, n);
    return `${projectKey}-${n}`;
  }

  nextIssueId(): string {
    return String(++this.issueId);
  }
  nextCommentId(): string {
    return String(++this.commentId);
  }
  nextHistoryId(): string {
    return String(++this.historyId);
  }
  nextAttachmentId(): string {
    return String(++this.attachmentId);
  }
  nextWorklogId(): string {
    return String(++this.worklogId);
  }
  nextLinkId(): string {
    return String(++this.linkId);
  }
  nextRemoteLinkId(): string {
    return String(++this.remoteLinkId);
  }
}
