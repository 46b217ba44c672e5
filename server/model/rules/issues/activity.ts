/**
 * An issue's activity beyond comments and history: attachments, worklogs, votes, remote links and
 * restricted comments name users, groups and roles that exist; ids are unique within the issue.
 */
import type { Issue, Visibility } from '../../types.ts';
import { checkRef, checkUnique, idsOf } from '../rule.ts';
import type { IssueRule } from './rule.ts';

export const issueActivity: IssueRule = {
  name: 'issue-activity',
  about:
    'attachment and worklog authors, voters and comment/worklog visibility groups and roles exist; attachment, worklog and remote link ids are unique',
  run: (issue: Issue, { ix }, report) => {
    const user = ix.candidates.user;
    const who = (path: string, id: string | null | undefined) => {
      if (id && !ix.users.has(id)) checkRef(report, path, 'user', id, ix.users, user);
    };
    const seen = (path: string, v: Visibility | undefined) => {
      if (!v) return;
      if (v.type === 'group') checkRef(report, `${path}.value`, 'group', v.value, ix.groups, idsOf(ix.config.groups));
      else if (!ix.config.roles.some((r) => r.id === v.value)) report(`${path}.value`, `unknown project role '${v.value}'`);
    };
    issue.comments.forEach((c, i) => {
      who(`comments[${i}].updateAuthor`, c.updateAuthor);
      seen(`comments[${i}].visibility`, c.visibility);
    });
    (issue.attachments ?? []).forEach((a, i) => who(`attachments[${i}].author`, a.author));
    (issue.worklogs ?? []).forEach((w, i) => {
      who(`worklogs[${i}].author`, w.author);
      who(`worklogs[${i}].updateAuthor`, w.updateAuthor);
      seen(`worklogs[${i}].visibility`, w.visibility);
    });
    (issue.voters ?? []).forEach((v, i) => who(`voters[${i}]`, v));
    checkUnique(
      report,
      issue.attachments ?? [],
      (i) => `attachments[${i}].id`,
      (a) => a.id,
      'attachment id',
    );
    checkUnique(
      report,
      issue.worklogs ?? [],
      (i) => `worklogs[${i}].id`,
      (w) => w.id,
      'worklog id',
    );
    checkUnique(
      report,
      issue.remoteLinks ?? [],
      (i) => `remoteLinks[${i}].id`,
      (r) => r.id,
      'remote link id',
    );
  },
};
