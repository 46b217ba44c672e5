/**
 * An admin's script, written with jira.js 5.4.0's own admin methods only: for one entity of each
 * kind it creates, changes and removes it (and puts back what it changed on existing ones). Run
 * against a sandbox, the canonical hash afterwards must be what it was before.
 */
import type { Version3Client } from 'jira.js';

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';

/** Waits for an async task (jira.js follows the 303 and returns the task as it was then). */
const settle = async (client: Version3Client, task: unknown): Promise<void> => {
  let t = task as { id: string; status: string };
  for (let i = 0; i < 200 && ['ENQUEUED', 'RUNNING', 'CANCEL_REQUESTED'].includes(t.status); i++) {
    await new Promise((r) => setTimeout(r, 10));
    t = (await client.tasks.getTask({ taskId: t.id })) as unknown as typeof t;
  }
  if (t.status !== 'COMPLETE') throw new Error(`task ${t.id} ended ${t.status}`);
};

export const runAdminScript = async (client: Version3Client, me: string, log: (line: string) => void = () => {}): Promise<string[]> => {
  const done: string[] = [];
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    const r = await fn();
    done.push(what);
    log(what);
    return r;
  };

  // Statuses
  const [status] = await step('status created', () =>
    client.status.createStatuses({ scope: { type: 'GLOBAL' }, statuses: [{ name: 'Script Done', statusCategory: 'DONE' }] }),
  );
  await step('status updated', () =>
    client.status.updateStatuses({ statuses: [{ id: status!.id!, name: 'Script Finished', statusCategory: 'DONE' }] }),
  );

  // Workflows: create one on the new status, change it with its version token, delete it.
  // jira.js 5.4.0 types these bodies and answers loosely (statuses as JiraWorkflowStatus, answers as void): its own methods, cast.
  const made = (await step('workflow created', () =>
    client.workflows.createWorkflows({
      scope: { type: 'GLOBAL' },
      statuses: [],
      workflows: [
        {
          name: 'Script Flow',
          statuses: [{ statusReference: status!.id!, properties: {} }],
          transitions: [{ name: 'Create', type: 'INITIAL', toStatusReference: status!.id!, links: [] }],
        },
      ],
    } as never),
  )) as unknown as { workflows: Array<{ id: string; version: { id: string; versionNumber: number } }> };
  const wf = made.workflows[0]!;
  await step('workflow updated', () =>
    client.workflows.updateWorkflows({
      statuses: [],
      workflows: [
        {
          id: wf.id,
          version: wf.version,
          description: 'Changed by the script',
          statuses: [{ statusReference: status!.id!, properties: {} }],
          transitions: [{ id: '1', name: 'Create', type: 'INITIAL', toStatusReference: status!.id!, links: [] }],
        },
      ],
    } as never),
  );

  // Workflow schemes
  const scheme = await step('workflow scheme created', () =>
    client.workflowSchemes.createWorkflowScheme({ name: 'Script Scheme', defaultWorkflow: 'Script Flow' }),
  );
  await step('workflow scheme updated', () =>
    client.workflowSchemes.updateWorkflowScheme({ id: scheme.id!, name: 'Script Scheme 2', defaultWorkflow: 'Script Flow', issueTypeMappings: {} }),
  );
  await step('workflow scheme deleted', () => client.workflowSchemes.deleteWorkflowScheme({ id: scheme.id! }));
  await step('workflow deleted', () => client.workflows.deleteInactiveWorkflow(wf.id, undefined as never));
  await step('status deleted', () => client.status.deleteStatusesById({ id: [status!.id!] }));

  // Custom fields, contexts, options, defaults
  const field = await step('custom field created', () =>
    client.issueFields.createCustomField({ name: 'Script Select', type: `${CF}select`, searcherKey: `${CF}multiselectsearcher` }),
  );
  await step('custom field updated', () =>
    client.issueFields.updateCustomField({ fieldId: field.id!, name: 'Script Choice', description: 'made by a script' }),
  );
  const ctx = (await step('context created', () =>
    client.issueCustomFieldContexts.createCustomFieldContext({
      fieldId: field.id!,
      name: 'Web only',
      projectIds: ['10000'],
      issueTypeIds: [],
    } as never),
  )) as unknown as { id: string };
  const opts = await step('options created', () =>
    client.issueCustomFieldOptions.createCustomFieldOption({
      fieldId: field.id!,
      contextId: Number(ctx.id),
      options: [{ value: 'Alpha' }, { value: 'Beta' }],
    }),
  );
  await step('options reordered', () =>
    client.issueCustomFieldOptions.reorderCustomFieldOptions({
      fieldId: field.id!,
      contextId: Number(ctx.id),
      customFieldOptionIds: [opts.options![1]!.id!],
      position: 'First',
    }),
  );
  await step('default set', () =>
    client.issueCustomFieldContexts.setDefaultValues({
      fieldId: field.id!,
      defaultValues: [{ type: 'option.single', contextId: ctx.id!, optionId: opts.options![0]!.id! } as never],
    }),
  );
  await step('option updated', () =>
    client.issueCustomFieldOptions.updateCustomFieldOption({
      fieldId: field.id!,
      contextId: Number(ctx.id),
      options: [{ id: opts.options![0]!.id!, value: 'Alef' }],
    }),
  );
  await step('field trashed', () => client.issueFields.trashCustomField({ id: field.id! }));
  await step('field restored', () => client.issueFields.restoreCustomField({ id: field.id! }));
  await settle(client, await step('custom field deleted (task)', () => client.issueFields.deleteCustomField({ id: field.id! })));

  // Field configurations and their schemes; an existing configuration changed and put back.
  const fc = await step('field configuration created', () =>
    client.issueFieldConfigurations.createFieldConfiguration({ name: 'Script FC', description: 'x' }),
  );
  await step('field configuration updated', () => client.issueFieldConfigurations.updateFieldConfiguration({ id: fc.id, name: 'Script FC 2' }));
  await step('field required', () =>
    client.issueFieldConfigurations.updateFieldConfigurationItems({
      id: 10001,
      fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: true }],
    }),
  );
  await step('field optional again', () =>
    client.issueFieldConfigurations.updateFieldConfigurationItems({
      id: 10001,
      fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: false }],
    }),
  );
  const fcs = await step('field configuration scheme created', () =>
    client.issueFieldConfigurations.createFieldConfigurationScheme({ name: 'Script FCS' }),
  );
  await step('field configuration scheme mapped', () =>
    client.issueFieldConfigurations.setFieldConfigurationSchemeMapping({
      id: Number(fcs.id),
      mappings: [{ issueTypeId: '1', fieldConfigurationId: String(fc.id) }],
    }),
  );
  await step('field configuration scheme unmapped', () =>
    client.issueFieldConfigurations.removeIssueTypesFromGlobalFieldConfigurationScheme({ id: Number(fcs.id), issueTypeIds: ['1'] }),
  );
  await step('field configuration scheme deleted', () => client.issueFieldConfigurations.deleteFieldConfigurationScheme({ id: Number(fcs.id) }));
  await step('field configuration deleted', () => client.issueFieldConfigurations.deleteFieldConfiguration({ id: fc.id }));

  // Screens, tabs, fields, screen schemes, issue type screen schemes
  const screen = await step('screen created', () => client.screens.createScreen({ name: 'Script Screen' }));
  await step('screen updated', () => client.screens.updateScreen({ screenId: screen.id!, name: 'Script Screen 2' }));
  const tab = await step('tab added', () => client.screenTabs.addScreenTab({ screenId: screen.id!, name: 'Script Tab' }));
  await step('field added', () => client.screenTabFields.addScreenTabField({ screenId: screen.id!, tabId: tab.id!, fieldId: 'summary' }));
  await step('field added', () => client.screenTabFields.addScreenTabField({ screenId: screen.id!, tabId: tab.id!, fieldId: 'priority' }));
  await step('field moved', () =>
    client.screenTabFields.moveScreenTabField({ screenId: screen.id!, tabId: tab.id!, id: 'priority', position: 'First' }),
  );
  await step('field removed', () => client.screenTabFields.removeScreenTabField({ screenId: screen.id!, tabId: tab.id!, id: 'summary' }));
  const ss = await step('screen scheme created', () =>
    client.screenSchemes.createScreenScheme({ name: 'Script SS', screens: { default: screen.id! } }),
  );
  const itss = await step('issue type screen scheme created', () =>
    client.issueTypeScreenSchemes.createIssueTypeScreenScheme({
      name: 'Script ITSS',
      issueTypeMappings: [{ issueTypeId: 'default', screenSchemeId: String(ss.id) }],
    }),
  );
  await step('issue type screen scheme renamed', () =>
    client.issueTypeScreenSchemes.updateIssueTypeScreenScheme({ issueTypeScreenSchemeId: itss.id!, name: 'Script ITSS 2' }),
  );
  await step('issue type screen scheme deleted', () =>
    client.issueTypeScreenSchemes.deleteIssueTypeScreenScheme({ issueTypeScreenSchemeId: itss.id! }),
  );
  await step('screen scheme deleted', () => client.screenSchemes.deleteScreenScheme({ screenSchemeId: String(ss.id) }));
  await step('tab deleted', () => client.screenTabs.deleteScreenTab({ screenId: screen.id!, tabId: tab.id! }));
  await step('screen deleted', () => client.screens.deleteScreen({ screenId: screen.id! }));

  // Priorities and resolutions (deletes are tasks)
  const priority = await step('priority created', () => client.issuePriorities.createPriority({ name: 'Script P', statusColor: '#00ff00' }));
  await step('priority updated', () => client.issuePriorities.updatePriority({ id: priority.id!, name: 'Script P2', statusColor: '#00ff00' }));
  await step('priority moved', () => client.issuePriorities.movePriorities({ ids: [priority.id!], position: 'First' }));
  await step('priority moved back', () => client.issuePriorities.movePriorities({ ids: [priority.id!], position: 'Last' }));
  await settle(client, await step('priority deleted (task)', () => client.issuePriorities.deletePriority({ id: priority.id! })));
  const resolution = await step('resolution created', () => client.issueResolutions.createResolution({ name: 'Script R' }));
  await step('resolution updated', () => client.issueResolutions.updateResolution({ id: resolution.id!, name: 'Script R2' }));
  await settle(
    client,
    await step('resolution deleted (task)', () => client.issueResolutions.deleteResolution({ id: resolution.id!, replaceWith: '1' })),
  );

  // Issue types and issue type schemes
  const type = await step('issue type created', () => client.issueTypes.createIssueType({ name: 'Script Type', hierarchyLevel: 0 }));
  await step('issue type updated', () => client.issueTypes.updateIssueType({ id: type.id!, description: 'x' }));
  const its = await step('issue type scheme created', () =>
    client.issueTypeSchemes.createIssueTypeScheme({ name: 'Script ITS', issueTypeIds: ['3', type.id!] }),
  );
  await step('issue types reordered', () =>
    client.issueTypeSchemes.reorderIssueTypesInIssueTypeScheme({
      issueTypeSchemeId: Number(its.issueTypeSchemeId),
      issueTypeIds: [type.id!],
      position: 'First',
    }),
  );
  await step('issue type removed from the scheme', () =>
    client.issueTypeSchemes.removeIssueTypeFromIssueTypeScheme({ issueTypeSchemeId: Number(its.issueTypeSchemeId), issueTypeId: Number(type.id) }),
  );
  await step('issue type scheme deleted', () => client.issueTypeSchemes.deleteIssueTypeScheme({ issueTypeSchemeId: Number(its.issueTypeSchemeId) }));
  await step('issue type deleted', () => client.issueTypes.deleteIssueType({ id: type.id! }));

  // Permission schemes and grants; a grant on an existing scheme added and taken away.
  const ps = await step('permission scheme created', () =>
    client.permissionSchemes.createPermissionScheme({
      name: 'Script PS',
      permissions: [{ holder: { type: 'group', parameter: 'developers' }, permission: 'BROWSE_PROJECTS' }],
    }),
  );
  await step('permission scheme updated', () => client.permissionSchemes.updatePermissionScheme({ schemeId: ps.id!, name: 'Script PS 2' }));
  const grant = await step('grant added', () =>
    client.permissionSchemes.createPermissionGrant({ schemeId: 10000, holder: { type: 'group', parameter: 'triage' }, permission: 'ADD_COMMENTS' }),
  );
  await step('grant deleted', () => client.permissionSchemes.deletePermissionSchemeEntity({ schemeId: 10000, permissionId: grant.id! }));
  await step('permission scheme deleted', () => client.permissionSchemes.deletePermissionScheme({ schemeId: ps.id! }));

  // Notification schemes
  const ns = await step('notification scheme created', () => client.issueNotificationSchemes.createNotificationScheme({ name: 'Script NS' }));
  await step('notification scheme renamed', () => client.issueNotificationSchemes.updateNotificationScheme({ id: ns.id!, name: 'Script NS 2' }));
  await step('notification added', () =>
    client.issueNotificationSchemes.addNotifications({
      id: ns.id!,
      notificationSchemeEvents: [{ event: { id: '1' }, notifications: [{ notificationType: 'Group', parameter: 'triage' }] }],
    }),
  );
  const read = await client.issueNotificationSchemes.getNotificationScheme({ id: Number(ns.id), expand: 'all' });
  const n = read.notificationSchemeEvents![0]!.notifications![0]!;
  await step('notification removed', () =>
    client.issueNotificationSchemes.removeNotificationFromNotificationScheme({ notificationSchemeId: ns.id!, notificationId: String(n.id) }),
  );
  await step('notification scheme deleted', () => client.issueNotificationSchemes.deleteNotificationScheme({ notificationSchemeId: ns.id! }));

  // Groups, project roles, role actors
  await step('group created', () => client.groups.createGroup({ name: 'script-group' }));
  await step('member added', () => client.groups.addUserToGroup({ groupname: 'script-group', accountId: me }));
  const role = await step('project role created', () => client.projectRoles.createProjectRole({ name: 'Script Role', description: 'x' }));
  await step('project role updated', () => client.projectRoles.partialUpdateProjectRole({ id: role.id!, description: 'y' }));
  await step('role actors added', () => client.projectRoleActors.addActorUsers({ projectIdOrKey: 'WEB', id: role.id!, group: ['script-group'] }));
  await step('role actor removed', () => client.projectRoleActors.deleteActor({ projectIdOrKey: 'WEB', id: role.id!, group: 'script-group' }));
  await step('project role deleted', () => client.projectRoles.deleteProjectRole({ id: role.id! }));
  await step('member removed', () => client.groups.removeUserFromGroup({ groupname: 'script-group', accountId: me }));
  await step('group deleted', () => client.groups.removeGroup({ groupname: 'script-group' }));

  // Filters
  const filter = await step('filter created', () => client.filters.createFilter({ name: 'Script Filter', jql: 'project = WEB', favourite: false }));
  await step('filter updated', () =>
    client.filters.updateFilter({ id: Number(filter.id), name: 'Script Filter 2', jql: 'project = WEB AND issuetype = Bug' }),
  );
  await step('filter favourited', () => client.filters.setFavouriteForFilter({ id: Number(filter.id) }));
  await step('filter deleted', () => client.filters.deleteFilter({ id: Number(filter.id) }));

  // Versions and components
  const version = await step('version created', () => client.projectVersions.createVersion({ projectId: 10000, name: 'Script 1.0' }));
  await step('version released', () => client.projectVersions.updateVersion({ id: version.id!, released: true }));
  await step('version deleted', () => client.projectVersions.deleteAndReplaceVersion({ id: version.id! }));
  const component = await step('component created', () => client.projectComponents.createComponent({ project: 'WEB', name: 'Script Component' }));
  await step('component updated', () => client.projectComponents.updateComponent({ id: component.id!, name: 'Script Component 2' }));
  await step('component deleted', () => client.projectComponents.deleteComponent({ id: component.id! }));

  // The announcement banner, set and put back
  const banner = await client.announcementBanner.getBanner();
  await step('banner set', () => client.announcementBanner.setBanner({ message: 'Scripted maintenance', isEnabled: true, visibility: 'private' }));
  await step('banner put back', () =>
    client.announcementBanner.setBanner({
      message: banner.message ?? '',
      isEnabled: banner.isEnabled ?? false,
      isDismissible: banner.isDismissible ?? true,
      visibility: banner.visibility ?? 'private',
    }),
  );

  await step('audit log read', () => client.auditRecords.getAuditRecords({ limit: 10 }));
  return done;
};
