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
    issue.watchers.forEach((w, i) => checkRef(report, `watchers[${i}]`, 'user', w, ix.users, user));
    issue.comments.forEach((c, i) => checkRef(report, `comments[${i}].author`, 'user', c.author, ix.users, user));
    issue.history.forEach((h, i) => { if (h.author !== null) checkRef(report, `history[${i}].author`, 'user', h.author, ix.users, user); });
  },
};
