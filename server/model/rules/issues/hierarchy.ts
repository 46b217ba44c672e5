/** Sub-tasks have a parent in the same project that is not itself a sub-task; links name known link types. */
import { q } from '../../suggest.ts';
import { checkRef } from '../rule.ts';
import type { IssueRule } from './rule.ts';

export const issueParent: IssueRule = {
  name: 'issue-parent',
  about: 'a sub-task has a parent that exists, is in the same project and is not a sub-task; other issues have no parent',
  run: (issue, { ix, byKey }, report) => {
    const type = ix.issueTypes.get(issue.issueType);
    if (!type) return;
    if (!type.subtask) {
      if (issue.parent !== undefined)
        report(
          'parent',
          `issue of type ${q(type.name)} has parent ${q(issue.parent)}, but only sub-task types have parents (remove it or change the type)`,
        );
      return;
    }
    if (issue.parent === undefined) return report('parent', `sub-task has no parent (set 'parent' to the key of an issue in ${issue.project})`);
    const parent = byKey.get(issue.parent);
    if (!parent) return report('parent', `parent ${q(issue.parent)} does not exist in the snapshot`);
    if (parent.project !== issue.project)
      report(
        'parent',
        `parent ${q(issue.parent)} is in project ${q(parent.project)}, not in ${q(issue.project)} (a sub-task lives in its parent's project)`,
      );
    if (ix.issueTypes.get(parent.issueType)?.subtask) report('parent', `parent ${q(issue.parent)} is itself a sub-task (sub-tasks cannot nest)`);
  },
};

export const issueLinks: IssueRule = {
  name: 'issue-links',
  about: 'links name existing link types; a link to an issue missing from the snapshot is a warning (a sample may omit it)',
  run: (issue, { ix, byKey }, report) => {
    for (let i = 0; i < issue.links.length; i++) {
      const l = issue.links[i]!;
      if (!ix.linkTypes.has(l.type)) checkRef(report, `links[${i}].type`, 'issue link type', l.type, ix.linkTypes, ix.candidates.linkType);
      if (l.issue === issue.key) report(`links[${i}].issue`, 'issue links to itself');
      else if (!byKey.has(l.issue)) report(`links[${i}].issue`, `linked issue ${q(l.issue)} is not in the snapshot`, 'warning');
    }
  },
};
