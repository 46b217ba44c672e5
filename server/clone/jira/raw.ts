/** Jira's answers as read, before conversion: what the live adapter and `--from file` both produce. */
export type Obj = Record<string, any>;

export interface RawFieldContexts {
  contexts: Obj[];
  projectMapping: Obj[];
  issueTypeMapping: Obj[];
  defaults: Obj[];
  options: Record<string, Obj[]>;
}

export interface RawProject {
  project: Obj;
  components: Obj[];
  versions: Obj[];
  roles: Obj[];
  properties?: Record<string, unknown>;
}

export interface RawConfig {
  serverInfo: Obj;
  dc: boolean;
  statuses: Obj[];
  issueTypes: Obj[];
  priorities: Obj[];
  resolutions: Obj[];
  linkTypes: Obj[];
  fields: Obj[];
  contexts: Record<string, RawFieldContexts>;
  roles: Obj[];
  projects: RawProject[];
  groups: Obj[];
  members: Record<string, Obj[]>;
  extraUsers: Obj[];
  /** Account ids in the tracker's own user order (users/search), where it answers. */
  userOrder: string[];
  issueTypeSchemes: Obj[];
  issueTypeSchemeItems: Obj[];
  issueTypeSchemeProjects: Obj[];
  /** Current API (`statuses` + `workflows`) or legacy (`legacy`). */
  workflows: { current?: { statuses: Obj[]; workflows: Obj[] }; legacy?: Obj[] };
  workflowSchemes: Obj[];
  workflowSchemeProjects: Obj[];
  screens: Obj[];
  screenTabs: Record<string, { tab: Obj; fields: Obj[] }[]>;
  screenSchemes: Obj[];
  issueTypeScreenSchemes: Obj[];
  issueTypeScreenSchemeItems: Obj[];
  issueTypeScreenSchemeProjects: Obj[];
  fieldConfigurations: Obj[];
  fieldConfigurationItems: Record<string, Obj[]>;
  fieldConfigurationSchemes: Obj[];
  fieldConfigurationSchemeItems: Obj[];
  fieldConfigurationSchemeProjects: Obj[];
  permissionSchemes: Obj[];
  projectPermissionSchemes: Record<string, Obj>;
  notificationSchemes: Obj[];
  projectNotificationSchemes: Record<string, Obj>;
  filters: Obj[];
  boards: { board: Obj; configuration: Obj }[];
}
