/** Jira's built-in permissions as `GET /permissions` lists them: key → id, name, type. */
import { GLOBAL_PERMISSIONS, PROJECT_PERMISSIONS } from '../../model/index.ts';

const IDS: Record<string, number> = {
  ADMINISTER: 0,
  BROWSE_PROJECTS: 10,
  CREATE_ISSUES: 11,
  EDIT_ISSUES: 12,
  ASSIGN_ISSUES: 13,
  RESOLVE_ISSUES: 14,
  ADD_COMMENTS: 15,
  DELETE_ISSUES: 16,
  ASSIGNABLE_USER: 17,
  CLOSE_ISSUES: 18,
  CREATE_ATTACHMENTS: 19,
  WORK_ON_ISSUES: 20,
  LINK_ISSUES: 21,
  CREATE_SHARED_OBJECTS: 22,
  ADMINISTER_PROJECTS: 23,
  MANAGE_GROUP_FILTER_SUBSCRIPTIONS: 24,
  MOVE_ISSUES: 25,
  SET_ISSUE_SECURITY: 26,
  USER_PICKER: 27,
  SCHEDULE_ISSUES: 28,
  VIEW_DEV_TOOLS: 29,
  MODIFY_REPORTER: 30,
  VIEW_VOTERS_AND_WATCHERS: 31,
  MANAGE_WATCHERS: 32,
  BULK_CHANGE: 33,
  EDIT_ALL_COMMENTS: 34,
  EDIT_OWN_COMMENTS: 35,
  DELETE_ALL_COMMENTS: 36,
  DELETE_OWN_COMMENTS: 37,
  DELETE_ALL_ATTACHMENTS: 38,
  DELETE_OWN_ATTACHMENTS: 39,
  EDIT_OWN_WORKLOGS: 40,
  EDIT_ALL_WORKLOGS: 41,
  DELETE_OWN_WORKLOGS: 42,
  DELETE_ALL_WORKLOGS: 43,
  SYSTEM_ADMIN: 44,
  VIEW_READONLY_WORKFLOW: 45,
  TRANSITION_ISSUES: 46,
  MANAGE_SPRINTS_PERMISSION: 10_400,
  SERVICEDESK_AGENT: 10_500,
  VIEW_AGGREGATED_DATA: 10_600,
};

const nameOf = (key: string) => key.charAt(0) + key.slice(1).toLowerCase().replace(/_/g, ' ');

export interface PermissionInfo {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

export const PERMISSIONS: readonly PermissionInfo[] = [
  ...GLOBAL_PERMISSIONS.map((key) => ({ key, type: 'GLOBAL' as const })),
  ...PROJECT_PERMISSIONS.map((key) => ({ key, type: 'PROJECT' as const })),
].map(({ key, type }) => ({ id: String(IDS[key] ?? -1), key, name: nameOf(key), type, description: '' }));

export const permissionInfo = (key: string): PermissionInfo | undefined => PERMISSIONS.find((p) => p.key === key);
