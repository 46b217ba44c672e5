/** Rules over one issue at a time: O(1) lookups in indexes built once, so a million issues stay fast. */
import type { ConfigIndex } from '../../config-index.ts';
import type { Issue } from '../../types.ts';
import type { Report } from '../rule.ts';

/** What the rules know about every issue of the snapshot, by key (for parents and links). */
export interface IssueRef {
  project: string;
  issueType: string;
}

export interface IssueContext {
  ix: ConfigIndex;
  byKey: ReadonlyMap<string, IssueRef>;
}

export interface IssueRule {
  name: string;
  about: string;
  /** Paths are relative to the issue (`status`, `customFields.customfield_10010`). */
  run: (issue: Issue, cx: IssueContext, report: Report) => void;
}
