/** Every per-issue rule, in the order their problems are reported. */
import type { IssueRule } from './rule.ts';
import { issueProject, issueResolution, issueStatus, issueTypeInProject } from './catalog.ts';
import { issueUsers } from './people.ts';
import { issueComponentsVersions, issueCustomFields } from './values.ts';
import { issueLinks, issueParent } from './hierarchy.ts';
import { issueActivity } from './activity.ts';

export const ISSUE_RULES: readonly IssueRule[] = [
  issueProject,
  issueTypeInProject,
  issueStatus,
  issueResolution,
  issueUsers,
  issueComponentsVersions,
  issueCustomFields,
  issueParent,
  issueLinks,
  issueActivity,
];

export type { IssueContext, IssueRef, IssueRule } from './rule.ts';
