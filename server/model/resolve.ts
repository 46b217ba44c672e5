/**
 * Which scheme, workflow, screen and field configuration apply to a project × issue type: the
 * lookups every part (rules, tracker, migrations, regression) shares. Pure; returns undefined where
 * the configuration does not resolve (validation reports that).
 */
import type { Config, Field, FieldConfiguration, FieldContext, IssueTypeScreenScheme, Project, Screen, Workflow } from './types.ts';

export type ScreenOperation = 'create' | 'edit' | 'view';

export const projectByKey = (config: Config, key: string): Project | undefined => config.projects.find((p) => p.key === key);

/** Issue type ids a project offers, in its issue type scheme's order. */
export const issueTypesOf = (config: Config, project: Project): string[] =>
  config.issueTypeSchemes.find((s) => s.id === project.schemes.issueTypeScheme)?.issueTypes ?? [];

export const workflowFor = (config: Config, project: Project, issueTypeId: string): Workflow | undefined => {
  const scheme = config.workflowSchemes.find((s) => s.id === project.schemes.workflowScheme);
  if (!scheme) return undefined;
  const id = scheme.mappings.find((m) => m.issueType === issueTypeId)?.workflow ?? scheme.defaultWorkflow;
  return config.workflows.find((w) => w.id === id);
};

const screenSchemeFor = (config: Config, project: Project, issueTypeId: string) => {
  const itss: IssueTypeScreenScheme | undefined = config.issueTypeScreenSchemes.find((s) => s.id === project.schemes.issueTypeScreenScheme);
  if (!itss) return undefined;
  const id = itss.mappings.find((m) => m.issueType === issueTypeId)?.screenScheme ?? itss.default;
  return config.screenSchemes.find((s) => s.id === id);
};

export const screenFor = (config: Config, project: Project, issueTypeId: string, operation: ScreenOperation): Screen | undefined => {
  const scheme = screenSchemeFor(config, project, issueTypeId);
  if (!scheme) return undefined;
  const id = scheme.screens[operation] ?? scheme.screens.default;
  return config.screens.find((s) => s.id === id);
};

/** Field ids on a screen, tab by tab, in order. */
export const screenFieldIds = (screen: Screen): string[] => screen.tabs.flatMap((t) => t.fields);

export const fieldConfigurationFor = (config: Config, project: Project, issueTypeId: string): FieldConfiguration | undefined => {
  const scheme = config.fieldConfigurationSchemes.find((s) => s.id === project.schemes.fieldConfigurationScheme);
  if (!scheme) return undefined;
  const id = scheme.mappings.find((m) => m.issueType === issueTypeId)?.fieldConfiguration ?? scheme.default;
  return config.fieldConfigurations.find((f) => f.id === id);
};

export interface FieldBehaviour {
  required: boolean;
  hidden: boolean;
}

export const fieldBehaviour = (fc: FieldConfiguration | undefined, fieldId: string): FieldBehaviour => {
  const item = fc?.items.find((i) => i.field === fieldId);
  return { required: item?.required === true, hidden: item?.hidden === true };
};

/**
 * The context of a field that applies to a project × issue type: the most specific one wins
 * (project and type named > project named > type named > global), as in Jira.
 */
export const fieldContextFor = (field: Field, projectKey: string, issueTypeId: string): FieldContext | undefined => {
  let best: FieldContext | undefined;
  let bestScore = -1;
  for (const ctx of field.contexts) {
    const projectOk = ctx.projects.length === 0 || ctx.projects.includes(projectKey);
    const typeOk = ctx.issueTypes.length === 0 || ctx.issueTypes.includes(issueTypeId);
    if (!projectOk || !typeOk) continue;
    const score = (ctx.projects.length ? 2 : 0) + (ctx.issueTypes.length ? 1 : 0);
    if (score > bestScore) {
      best = ctx;
      bestScore = score;
    }
  }
  return best;
};

/** System fields (not custom) apply everywhere; custom fields only where a context applies. */
export const fieldApplies = (field: Field, projectKey: string, issueTypeId: string): boolean =>
  !field.custom || fieldContextFor(field, projectKey, issueTypeId) !== undefined;

export const permissionSchemeOf = (config: Config, project: Project) =>
  config.permissionSchemes.find((s) => s.id === project.schemes.permissionScheme);
export const notificationSchemeOf = (config: Config, project: Project) =>
  config.notificationSchemes.find((s) => s.id === project.schemes.notificationScheme);

/** Projects that use a scheme, by the key of `Project['schemes']` naming it. */
export const projectsUsingScheme = (config: Config, kind: keyof Project['schemes'], schemeId: string): Project[] =>
  config.projects.filter((p) => p.schemes[kind] === schemeId);

/** Account ids of a group's members, in user order. */
export const groupMembers = (config: Config, groupId: string): string[] =>
  config.users.filter((u) => u.groups.includes(groupId)).map((u) => u.accountId);

/** Account ids holding a project role in a project, through users and groups. */
export const roleMembers = (config: Config, project: Project, roleId: string): string[] => {
  const actors = project.roles.find((r) => r.role === roleId)?.actors ?? [];
  const ids = new Set<string>();
  for (const a of actors) {
    if (a.type === 'user') ids.add(a.id);
    else for (const m of groupMembers(config, a.id)) ids.add(m);
  }
  return [...ids];
};
