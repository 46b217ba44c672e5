/**
 * Where a production tracker admin finds each part of the configuration, in Jira's administration
 * menus, so the runbook's checklist names screens instead of JSON paths.
 */
import type { Config } from '../../model/index.ts';

const SCREENS: Record<Exclude<keyof Config, '$schema'>, string> = {
  tracker: 'System → General configuration',
  statuses: 'Issues → Statuses',
  issueTypes: 'Issues → Issue types',
  priorities: 'Issues → Priorities',
  resolutions: 'Issues → Resolutions',
  issueLinkTypes: 'Issues → Issue linking',
  fields: 'Issues → Custom fields',
  users: 'User management → Users',
  groups: 'User management → Groups',
  roles: 'System → Project roles',
  globalPermissions: 'System → Global permissions',
  projects: 'Projects → the project → Project settings',
  issueTypeSchemes: 'Issues → Issue type schemes',
  workflows: 'Issues → Workflows',
  workflowSchemes: 'Issues → Workflow schemes',
  screens: 'Issues → Screens',
  screenSchemes: 'Issues → Screen schemes',
  issueTypeScreenSchemes: 'Issues → Issue type screen schemes',
  fieldConfigurations: 'Issues → Field configurations',
  fieldConfigurationSchemes: 'Issues → Field configuration schemes',
  permissionSchemes: 'Issues → Permission schemes',
  notificationSchemes: 'Issues → Notification schemes',
  filters: 'Filters → View all filters',
  boards: 'Boards → the board → Board settings',
};

/** The admin screen for a `configChanges` line (`workflows['Bug workflow'].transitions…: …`), or undefined. */
export const adminScreenOf = (changeLine: string): string | undefined => {
  const key = /^([A-Za-z$]+)/.exec(changeLine)?.[1];
  return key && Object.hasOwn(SCREENS, key) ? SCREENS[key as keyof typeof SCREENS] : undefined;
};
