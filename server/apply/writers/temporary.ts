/**
 * Temporary changes a writer makes so that Jira lets it do a step and undoes right after: a field
 * put on an edit screen, a user grant of the permissions the account lacks. Each is journaled (the
 * step's scratch) before it is made, so a kill in between is finished — and undone — on --resume.
 */
import { screenFor } from '../../model/index.ts';
import type { ProjectPermission } from '../../model/index.ts';
import { ConfigIndex } from '../../model/index.ts';
import { can } from '../../tracker/index.ts';
import type { RunContext } from './types.ts';

export interface TempField {
  screenId: string;
  tabId: string;
  fieldId: string;
}

/** Puts the edit's fields on the edit screens that lack them; returns what it added (journaled first). */
export const widenScreens = async (rc: RunContext, found: { project: string; issueType: string }[], fieldIds: string[]): Promise<TempField[]> => {
  const config = rc.view.config;
  const temp = (rc.scratch.tempFields as TempField[] | undefined) ?? [];
  const wanted: TempField[] = [];
  for (const i of found) {
    const project = config.projects.find((x) => x.key === i.project);
    const screen = project ? screenFor(config, project, i.issueType, 'edit') : undefined;
    if (!screen) continue;
    for (const fieldId of fieldIds) {
      if (screen.tabs.some((t) => t.fields.includes(fieldId)) || wanted.some((w) => w.screenId === screen.id && w.fieldId === fieldId)) continue;
      wanted.push({ screenId: screen.id, tabId: screen.tabs[0]!.id, fieldId });
    }
  }
  const all = [...temp, ...wanted.filter((w) => !temp.some((t) => t.screenId === w.screenId && t.fieldId === w.fieldId))];
  if (wanted.length) {
    rc.scratch.tempFields = all;
    await rc.saveScratch();
  }
  for (const w of wanted) {
    rc.log(`  (putting '${w.fieldId}' on the screen ${w.screenId} for the edit; taken off again after it)`);
    await rc.send({ method: 'POST', path: `${rc.api}/screens/${w.screenId}/tabs/${w.tabId}/fields`, body: { fieldId: w.fieldId } });
  }
  return all;
};

export interface TempGrant {
  schemeId: string;
  scheme: string;
  permission: ProjectPermission;
}

/** Grants the account what editing the issues of these projects needs, where it lacks it. */
export const widenPermissions = async (
  rc: RunContext,
  projects: readonly string[],
  needed: readonly ProjectPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
): Promise<TempGrant[]> => {
  const config = rc.view.config;
  const ix = new ConfigIndex(config);
  const temp = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? [];
  const wanted: TempGrant[] = [];
  for (const key of new Set(projects)) {
    const project = config.projects.find((p) => p.key === key);
    const scheme = project && config.permissionSchemes.find((x) => x.id === project.schemes.permissionScheme);
    if (!project || !scheme) continue;
    for (const permission of needed) {
      if (can(ix, rc.account, permission, project) || [...temp, ...wanted].some((t) => t.schemeId === scheme.id && t.permission === permission))
        continue;
      wanted.push({ schemeId: scheme.id, scheme: scheme.name, permission });
    }
  }
  if (!wanted.length) return temp;
  rc.scratch.tempGrants = [...temp, ...wanted];
  await rc.saveScratch();
  for (const w of wanted) {
    rc.log(`  (granting the account ${w.permission} in '${w.scheme}' for the change; removed again after it)`);
    await rc.send({
      method: 'POST',
      path: `${rc.api}/permissionscheme/${w.schemeId}/permission`,
      body: { permission: w.permission, holder: rc.dc ? { type: 'user', parameter: rc.account } : { type: 'user', value: rc.account } },
    });
  }
  return [...temp, ...wanted];
};

export const narrowPermissions = async (rc: RunContext, temp: TempGrant[]): Promise<void> => {
  const view = await rc.refresh();
  for (const t of temp) {
    const id = view.keys.id('grant', `${t.scheme}|${t.permission}:user:${rc.account}`);
    if (id) await rc.send({ method: 'DELETE', path: `${rc.api}/permissionscheme/${t.schemeId}/permission/${id}` });
  }
  delete rc.scratch.tempGrants;
  await rc.saveScratch();
};

export const narrowScreens = async (rc: RunContext, temp: TempField[]): Promise<void> => {
  for (const t of temp) {
    const view = await rc.refresh();
    const screen = view.config.screens.find((s) => s.id === t.screenId);
    if (screen?.tabs.some((tab) => tab.fields.includes(t.fieldId))) {
      await rc.send({ method: 'DELETE', path: `${rc.api}/screens/${t.screenId}/tabs/${t.tabId}/fields/${encodeURIComponent(t.fieldId)}` });
    }
  }
  delete rc.scratch.tempFields;
  await rc.saveScratch();
};

/**
 * Issues of an archived project are read-only in Jira: the project is restored for the edit
 * (`POST /project/{key}/restore`) and archived again after (`POST /project/{key}/archive`).
 */
export const widenProjects = async (rc: RunContext, projects: readonly string[]): Promise<string[]> => {
  const temp = (rc.scratch.tempRestored as string[] | undefined) ?? [];
  const wanted = [...new Set(projects)].filter((k) => rc.view.config.projects.find((p) => p.key === k)?.archived && !temp.includes(k));
  if (!wanted.length) return temp;
  rc.scratch.tempRestored = [...temp, ...wanted];
  await rc.saveScratch();
  for (const k of wanted) {
    rc.log(`  (restoring the archived project ${k} for the edit; archived again after it)`);
    await rc.send({ method: 'POST', path: `${rc.api}/project/${k}/restore` });
  }
  await rc.refresh();
  return [...temp, ...wanted];
};

export const narrowProjects = async (rc: RunContext, temp: readonly string[]): Promise<void> => {
  const view = await rc.refresh();
  for (const k of temp)
    if (view.config.projects.find((p) => p.key === k)?.archived === false) await rc.send({ method: 'POST', path: `${rc.api}/project/${k}/archive` });
  delete rc.scratch.tempRestored;
  await rc.saveScratch();
};
