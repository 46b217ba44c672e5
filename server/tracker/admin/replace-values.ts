/** Replacing one value by another on every issue that holds it (a deleted priority, resolution or issue type), with history. */
import type { Issue } from '../../model/index.ts';
import { changeItem } from '../history.ts';
import type { Tx } from './tx.ts';

type Key = 'priority' | 'resolution' | 'issueType';
const FIELD: Record<Key, string> = { priority: 'priority', resolution: 'resolution', issueType: 'issuetype' };

/** Issues whose `key` is `from`. */
export const holding = (tx: Tx, key: Key, from: string): Issue[] => tx.issues.filter((i) => i[key] === from);

export const replaceOnIssues = (tx: Tx, key: Key, from: string, to: string): number => {
  const issues = holding(tx, key, from);
  // Custom fields of type priority hold priority ids too.
  const customPriority = key === 'priority' ? tx.config.fields.filter((f) => f.custom && f.type === 'priority').map((f) => f.id) : [];
  let count = issues.length;
  for (const issue of tx.issues) {
    for (const fid of customPriority) {
      if (issue.customFields[fid] !== from) continue;
      const project = tx.ix.projects.get(issue.project)!;
      tx.changeIssue(issue, [changeItem(tx.ix, project, issue.issueType, fid, from, to)], (w) => {
        w.customFields[fid] = to;
      });
      if (!issues.includes(issue)) count++;
    }
  }
  for (const issue of issues) {
    const project = tx.ix.projects.get(issue.project)!;
    const item =
      key === 'issueType'
        ? {
            field: 'issuetype',
            fieldId: 'issuetype',
            from,
            fromString: tx.ix.issueTypes.get(from)?.name ?? from,
            to,
            toString: tx.ix.issueTypes.get(to)?.name ?? to,
          }
        : changeItem(tx.ix, project, issue.issueType, FIELD[key], from, to);
    tx.changeIssue(issue, [item], (w) => {
      w[key] = to;
    });
  }
  return count;
};
