/** Users an issue names exist; an inactive assignee is worth a warning (nobody will pick the issue up). */
import { q } from '../../suggest.ts';
import { checkRef } from '../rule.ts';
import type { IssueRule } from './rule.ts';

export const issueUsers: IssueRule = {
  name: 'issue-users',
  about: 'reporter, assignee, watchers and the authors of comments and history exist; an inactive assignee is a warning',
  run: (issue, { ix }, report) => {
    const user = ix.candidates.user;
    if (issue.reporter !== null) checkRef(report, 'reporter', 'user', issue.reporter, ix.users, user);
    if (issue.assignee !== null && checkRef(report, 'assignee', 'user', issue.assignee, ix.users, user) && !ix.users.get(issue.assignee)!.active) {
      report('assignee', `assigned to inactive user ${q(issue.assignee)}`, 'warning');
    }
    // Loops, and the path text only for a problem: this runs for every comment and history entry of a million issues.
    for (let i = 0; i < issue.watchers.length; i++) {
      const w = issue.watchers[i]!;
      if (!ix.users.has(w)) checkRef(report, `watchers[${i}]`, 'user', w, ix.users, user);
    }
    for (let i = 0; i < issue.comments.length; i++) {
      const a = issue.comments[i]!.author;
      if (!ix.users.has(a)) checkRef(report, `comments[${i}].author`, 'user', a, ix.users, user);
    }
    for (let i = 0; i < issue.history.length; i++) {
      const a = issue.history[i]!.author;
      if (a !== null && !ix.users.has(a)) checkRef(report, `history[${i}].author`, 'user', a, ix.users, user);
    }
  },
};
