/** What a snapshot's manifest counts and says it does not contain, shared by the fixture generator and the clone. */
import type { Config, Issue } from './types.ts';

/** The tool a manifest names as its writer. */
export const GENERATOR_TOOL = 'understudy 0.1.0';

/** What no snapshot holds (a clone says more): said in every manifest, so a green rehearsal is not over-read. */
export const NOT_CONTAINED = [
  'attachments',
  'worklogs and time tracking',
  'sprints and sprint history',
  'issue security levels and schemes',
  'automation rules',
  'dashboards and gadgets',
  'filter subscriptions',
  'votes',
  'app-specific fields and workflow rules of apps (marketplace add-ons)',
  'service desk request types, queues and SLAs',
  'issue ranks (board ordering)',
  'epic links and advanced roadmaps hierarchy',
  'user avatars and profile properties',
  'webhooks',
  'mail handlers',
  'audit log',
];

/** A manifest's `counts`: entities of the configuration, issues and what they hold. */
export const countsOf = (config: Config, issues: readonly Issue[], integrationCount: number): Record<string, number> => {
  let comments = 0;
  let history = 0;
  let links = 0;
  let subtasks = 0;
  for (const issue of issues) {
    comments += issue.comments.length;
    history += issue.history.length;
    links += issue.links.length;
    if (issue.parent) subtasks++;
  }
  return {
    projects: config.projects.length,
    issueTypes: config.issueTypes.length,
    statuses: config.statuses.length,
    priorities: config.priorities.length,
    resolutions: config.resolutions.length,
    issueLinkTypes: config.issueLinkTypes.length,
    fields: config.fields.length,
    customFields: config.fields.filter((f) => f.custom).length,
    users: config.users.length,
    groups: config.groups.length,
    roles: config.roles.length,
    workflows: config.workflows.length,
    workflowSchemes: config.workflowSchemes.length,
    screens: config.screens.length,
    screenSchemes: config.screenSchemes.length,
    issueTypeScreenSchemes: config.issueTypeScreenSchemes.length,
    fieldConfigurations: config.fieldConfigurations.length,
    fieldConfigurationSchemes: config.fieldConfigurationSchemes.length,
    issueTypeSchemes: config.issueTypeSchemes.length,
    permissionSchemes: config.permissionSchemes.length,
    notificationSchemes: config.notificationSchemes.length,
    filters: config.filters.length,
    boards: config.boards.length,
    issues: issues.length,
    subtasks,
    comments,
    historyEntries: history,
    issueLinks: links / 2,
    integrations: integrationCount,
  };
};
