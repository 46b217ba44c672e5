/** An issue's project, type, status, resolution and priority exist and fit together. */
import { q } from '../../suggest.ts';
import { checkRef } from '../rule.ts';
import type { IssueRule } from './rule.ts';

export const issueProject: IssueRule = {
  name: 'issue-project',
  about: "an issue's project exists and its key starts with the project key",
  run: (issue, { ix }, report) => {
    checkRef(report, 'project', 'project key', issue.project, ix.projects, ix.candidates.project);
    const prefix = issue.key.slice(0, issue.key.lastIndexOf('-'));
    if (prefix !== issue.project)
      report('key', `key ${q(issue.key)} does not start with its project key ${q(issue.project)} (expected ${q(`${issue.project}-…`)})`);
  },
};

export const issueTypeInProject: IssueRule = {
  name: 'issue-type',
  about: "an issue's type exists and is offered by its project's issue type scheme",
  run: (issue, { ix }, report) => {
    if (!checkRef(report, 'issueType', 'issue type', issue.issueType, ix.issueTypes, ix.candidates.issueType)) return;
    const types = ix.projectTypes(issue.project);
    if (types && !types.has(issue.issueType)) {
      const offered = [...types].map((t) => `${t} (${ix.issueTypes.get(t)?.name ?? '?'})`).join(', ');
      report(
        'issueType',
        `issue type ${q(issue.issueType)} (${ix.issueTypes.get(issue.issueType)!.name}) is not in project ${q(issue.project)}'s issue type scheme (offered: ${offered})`,
      );
    }
  },
};

export const issueStatus: IssueRule = {
  name: 'issue-status',
  about: "an issue's status exists and belongs to the workflow its project × issue type uses",
  run: (issue, { ix }, report) => {
    if (!checkRef(report, 'status', 'status', issue.status, ix.statuses, ix.candidates.status)) return;
    const wf = ix.workflowOf(issue.project, issue.issueType);
    if (!wf || ix.workflowStatuses(wf).has(issue.status)) return;
    const own = wf.statuses.map((s) => `${s.status} (${ix.statuses.get(s.status)?.name ?? '?'})`).join(', ');
    report(
      'status',
      `status ${q(issue.status)} (${ix.statuses.get(issue.status)!.name}) is not in workflow ${q(wf.name)}, which ${issue.project} × ${ix.issueTypes.get(issue.issueType)?.name ?? issue.issueType} uses (its statuses: ${own})`,
    );
  },
};

export const issueResolution: IssueRule = {
  name: 'issue-resolution',
  about: 'resolution and priority exist; an issue has a resolution exactly when its status is in the done category',
  run: (issue, { ix }, report) => {
    if (issue.priority !== null) checkRef(report, 'priority', 'priority', issue.priority, ix.priorities, ix.candidates.priority);
    if (issue.resolution !== null && !checkRef(report, 'resolution', 'resolution', issue.resolution, ix.resolutions, ix.candidates.resolution))
      return;
    const status = ix.statuses.get(issue.status);
    if (!status) return;
    const done = status.category === 'done';
    if (done && issue.resolution === null)
      report('resolution', `issue is in done-category status ${q(status.name)} but has no resolution (reports count it as unresolved)`, 'warning');
    if (!done && issue.resolution !== null)
      report(
        'resolution',
        `issue has resolution ${q(ix.resolutions.get(issue.resolution)?.name ?? issue.resolution)} but its status ${q(status.name)} is not done (reports count it as resolved)`,
        'warning',
      );
  },
};
