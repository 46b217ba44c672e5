/** What the JQL evaluator knows about a searchable field. */
import type { Issue, Visibility } from '../../model/index.ts';

/**
 * What the searching actor may see: Jira answers a project or issue key the actor cannot browse
 * exactly like one that does not exist, so values are resolved against these.
 */
export interface Seen {
  project(key: string): boolean;
  issue(issue: Issue): boolean;
  /** Whether an item of the issue restricted to `visibility` (a comment, a worklog) may be seen: text searches read only those. */
  item(issue: Issue, visibility: Visibility | undefined): boolean;
}
export const SEE_ALL: Seen = { project: () => true, issue: () => true, item: () => true };

export type JqlKind = 'ref' | 'labels' | 'text' | 'date' | 'number' | 'key';

/** Ids an operand stands for; `empty` when the operand also means "no value" (e.g. Unresolved). */
export interface Resolved {
  ids: string[];
  empty: boolean;
}

export interface JqlField {
  /** How Jira names it in messages: the name the query used. */
  name: string;
  kind: JqlKind;
  /** ref: id or ids; labels: lower-case strings; text: string; date/number: number; key: key. */
  get(issue: Issue): unknown;
  /** ref fields: the ids a value names (by id or name, case-insensitively); throws when unknown. */
  resolve?(value: string): Resolved;
  /** User-valued ref fields accept currentUser() and membersOf(). */
  users?: boolean;
  /** Changelog field ids searched by WAS; WAS is refused without them. */
  history?: string[];
  /** Ordered ref fields (priority) support <, >, <=, >=: higher rank = more important. */
  rank?(id: string): number | undefined;
  /** number fields: how a written value reads (durations like `2h` for time tracking); default Number(). */
  parse?(value: string): number | undefined;
  /** date/number fields with several values per issue (worklogDate): a clause matches when any does. */
  getAll?(issue: Issue): number[];
  /** Value for ORDER BY; null sorts as the greatest value. Absent: the field cannot sort. */
  sortKey?(issue: Issue): string | number | null;
}
