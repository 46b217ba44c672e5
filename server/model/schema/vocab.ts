/** Closed vocabularies of the model, as `as const` lists with derived types and guards. */

export const STATUS_CATEGORIES = ['todo', 'in-progress', 'done'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

export const FIELD_TYPES = [
  'text',
  'paragraph',
  'number',
  'date',
  'datetime',
  'url',
  'select',
  'multi-select',
  'radio',
  'checkboxes',
  'cascading-select',
  'user',
  'multi-user',
  'group',
  'multi-group',
  'labels',
  'version',
  'multi-version',
  'components',
  'priority',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
/** Field types whose values are option ids of the field's context. */
export const OPTION_FIELD_TYPES = ['select', 'multi-select', 'radio', 'checkboxes', 'cascading-select'] as const;
export const MULTI_VALUE_FIELD_TYPES = ['multi-select', 'checkboxes', 'multi-user', 'multi-group', 'labels', 'multi-version', 'components'] as const;

/** Jira's project permission keys. */
export const PROJECT_PERMISSIONS = [
  'BROWSE_PROJECTS',
  'CREATE_ISSUES',
  'EDIT_ISSUES',
  'ASSIGN_ISSUES',
  'ASSIGNABLE_USER',
  'RESOLVE_ISSUES',
  'CLOSE_ISSUES',
  'TRANSITION_ISSUES',
  'ADD_COMMENTS',
  'DELETE_ISSUES',
  'ADMINISTER_PROJECTS',
  'LINK_ISSUES',
  'MOVE_ISSUES',
  'SCHEDULE_ISSUES',
  'MANAGE_WATCHERS',
  'VIEW_VOTERS_AND_WATCHERS',
  'EDIT_ALL_COMMENTS',
  'EDIT_OWN_COMMENTS',
  'DELETE_ALL_COMMENTS',
  'DELETE_OWN_COMMENTS',
  'CREATE_ATTACHMENTS',
  'WORK_ON_ISSUES',
  'SET_ISSUE_SECURITY',
  'DELETE_ALL_ATTACHMENTS',
  'DELETE_OWN_ATTACHMENTS',
  'EDIT_OWN_WORKLOGS',
  'EDIT_ALL_WORKLOGS',
  'DELETE_OWN_WORKLOGS',
  'DELETE_ALL_WORKLOGS',
  'MODIFY_REPORTER',
  'VIEW_READONLY_WORKFLOW',
  'VIEW_DEV_TOOLS',
  'MANAGE_SPRINTS_PERMISSION',
  'SERVICEDESK_AGENT',
  'VIEW_AGGREGATED_DATA',
] as const;
export type ProjectPermission = (typeof PROJECT_PERMISSIONS)[number];

/** Jira's global permission keys. `ADMINISTER` makes a persona an admin. */
export const GLOBAL_PERMISSIONS = [
  'ADMINISTER',
  'SYSTEM_ADMIN',
  'USER_PICKER',
  'CREATE_SHARED_OBJECTS',
  'BULK_CHANGE',
  'MANAGE_GROUP_FILTER_SUBSCRIPTIONS',
] as const;
export type GlobalPermission = (typeof GLOBAL_PERMISSIONS)[number];

export const PERMISSION_HOLDER_TYPES = ['anyone', 'loggedIn', 'group', 'projectRole', 'user', 'reporter', 'assignee', 'projectLead'] as const;
export type PermissionHolderType = (typeof PERMISSION_HOLDER_TYPES)[number];

export const NOTIFICATION_EVENTS = [
  'created',
  'updated',
  'assigned',
  'resolved',
  'closed',
  'commented',
  'reopened',
  'deleted',
  'transitioned',
  'commentEdited',
  'commentDeleted',
  'worklogged',
  'worklogUpdated',
  'worklogDeleted',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const RECIPIENT_TYPES = [
  'currentAssignee',
  'reporter',
  'currentUser',
  'projectLead',
  'componentLead',
  'user',
  'group',
  'projectRole',
  'watchers',
] as const;
export type RecipientType = (typeof RECIPIENT_TYPES)[number];

export const PROJECT_KINDS = ['software', 'service_desk', 'business'] as const;
export const PROJECT_STYLES = ['scrum', 'kanban', 'basic'] as const;
export const TRANSITION_TYPES = ['initial', 'global', 'directed'] as const;
export const SHARE_TYPES = ['global', 'authenticated', 'group', 'project', 'projectRole', 'user'] as const;
export const BOARD_TYPES = ['scrum', 'kanban'] as const;
export const ROLE_ACTOR_TYPES = ['user', 'group'] as const;
export const SNAPSHOT_KINDS = ['fixture', 'clone'] as const;

export const isOneOf = <const T extends readonly string[]>(list: T, value: unknown): value is T[number] =>
  typeof value === 'string' && (list as readonly string[]).includes(value);
