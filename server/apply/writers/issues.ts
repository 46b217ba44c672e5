/**
 * Issue values (`PUT /issue/{key}?notifyUsers=false`, Cloud and Data Center): the values a
 * migration sets on issues, and a backout's recorded values put back. An ops-form migration's
 * change is carried to every issue production has that matches it (the projects, types and prior
 * value the rehearsal saw, as JQL); a functions-form migration's to the issues it edited, by key.
 * Jira edits only fields on the issue's edit screen, for someone with Edit Issues in the project: a
 * field that is not on the screen is put there for the edit and taken off again, and an account
 * without the permission is granted it (a user grant in the project's permission scheme) for the
 * edit and the grant removed again — both journaled first, so a kill in between is finished on
 * --resume.
 */
import { screenFor } from '../../model/resolve.ts';
import { ConfigIndex, can } from '../../tracker/index.ts';
import type { ProjectPermission } from '../../model/schema/vocab.ts';
import { normaliseValue } from '../normalise/index.ts';
import { fieldKeyOf, findIssues, jiraValue, normalisedValue, typeOfField } from '../production/issues.ts';
import type { IssueEdit } from '../plan/types.ts';
import { same } from './common.ts';
import type { EntityWriter, PlanContext, RunContext, StepDraft } from './types.ts';

const jqlString = (s: string): string => `"${s.replace(/["\\]/g, '\\$&')}"`;
const fieldRef = (id: string): string => (id.startsWith('customfield_') ? `cf[${id.slice(12)}]` : id);

/** Issue steps for the values a migration changed that no delete-with-replacement already covers. */
export const planIssueSteps = (p: PlanContext, covered: ReadonlySet<string>): StepDraft[] => {
  const groups = new Map<string, { field: string; from: unknown; to: unknown; issues: string[]; projects: Set<string>; types: Set<string> }>();
  for (const c of p.migration.issueChanges) {
    const type = typeOfField(p.before.config, c.field);
    const from = normaliseValue(type, c.from, p.before.keys) ?? null;
    const to = normaliseValue(type, c.to, p.after.keys) ?? null;
    if (typeof from === 'string' && covered.has(`${c.field}|${from}`)) continue;
    const k = JSON.stringify([c.field, from, to]);
    const g = groups.get(k) ?? { field: c.field, from, to, issues: [], projects: new Set<string>(), types: new Set<string>() };
    g.issues.push(c.issue);
    g.projects.add(c.project);
    g.types.add(c.issueType);
    groups.set(k, g);
  }
  return [...groups.values()].map((g): StepDraft => {
    const fieldKey = fieldKeyOf(p.before.keys, g.field);
    const byQuery = p.migration.ops !== undefined && (g.from === null || typeof g.from === 'string');
    const edit: IssueEdit = {
      fields: { [fieldKey]: g.field }, fieldKeys: [fieldKey], set: { [fieldKey]: g.to as never },
      ...(byQuery
        ? { jql: `project in (${[...g.projects].sort().map(jqlString).join(', ')}) AND issuetype in (${[...g.types].sort().join(', ')}) AND ${fieldRef(g.field)} ${g.from === null ? 'is EMPTY' : `= ${jqlString(String(g.from))}`}` }
        : { keys: g.issues }),
    };
    return {
      phase: 'migrate', class: 'automatic-record', writer: 'issues', changes: [], issues: edit,
      title: `set '${fieldKey}' to ${g.to === null ? 'nothing' : `'${String(g.to)}'`} on ${byQuery ? `every issue of ${[...g.projects].join(', ')} where it is ${g.from === null ? 'empty' : `'${String(g.from)}'`} (${g.issues.length} in the rehearsal)` : `${g.issues.length} issues`}`,
    };
  });
};

interface TempField { screenId: string; tabId: string; fieldId: string }

/** Puts the edit's fields on the edit screens that lack them; returns what it added (journaled first). */
const widenScreens = async (rc: RunContext, found: { project: string; issueType: string }[], fieldIds: string[]): Promise<TempField[]> => {
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

interface TempGrant { schemeId: string; scheme: string; permission: ProjectPermission }

/** Grants the account what editing the issues of these projects needs, where it lacks it. */
const widenPermissions = async (rc: RunContext, projects: readonly string[]): Promise<TempGrant[]> => {
  const config = rc.view.config;
  const ix = new ConfigIndex(config);
  const temp = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? [];
  const wanted: TempGrant[] = [];
  for (const key of new Set(projects)) {
    const project = config.projects.find((p) => p.key === key);
    const scheme = project && config.permissionSchemes.find((x) => x.id === project.schemes.permissionScheme);
    if (!project || !scheme) continue;
    for (const permission of ['BROWSE_PROJECTS', 'EDIT_ISSUES'] as const) {
      if (can(ix, rc.account, permission, project) || [...temp, ...wanted].some((t) => t.schemeId === scheme.id && t.permission === permission)) continue;
      wanted.push({ schemeId: scheme.id, scheme: scheme.name, permission });
    }
  }
  if (!wanted.length) return temp;
  rc.scratch.tempGrants = [...temp, ...wanted];
  await rc.saveScratch();
  for (const w of wanted) {
    rc.log(`  (granting the account ${w.permission} in '${w.scheme}' for the edit; removed again after it)`);
    await rc.send({ method: 'POST', path: `${rc.api}/permissionscheme/${w.schemeId}/permission`, body: { permission: w.permission, holder: rc.dc ? { type: 'user', parameter: rc.account } : { type: 'user', value: rc.account } } });
  }
  return [...temp, ...wanted];
};

const narrowPermissions = async (rc: RunContext, temp: TempGrant[]): Promise<void> => {
  const view = await rc.refresh();
  for (const t of temp) {
    const id = view.keys.id('grant', `${t.scheme}|${t.permission}:user:${rc.account}`);
    if (id) await rc.send({ method: 'DELETE', path: `${rc.api}/permissionscheme/${t.schemeId}/permission/${id}` });
  }
  delete rc.scratch.tempGrants;
  await rc.saveScratch();
};

const narrowScreens = async (rc: RunContext, temp: TempField[]): Promise<void> => {
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

export const issuesWriter: EntityWriter = {
  name: 'issues', collections: [],
  plan: () => [],
  run: async (step, rc) => {
    const edit = step.issues;
    if (!edit || edit.byJira) return;
    const targets = edit.restore ?? (rc.record ?? []).map((r) => ({ key: r.key, values: edit.set ?? {} }));
    if (!targets.length && !rc.scratch.tempFields && !rc.scratch.tempGrants) return;
    const fieldIds = edit.fieldKeys.map((k) => edit.fields[k]!);
    const found = await findIssues(rc.reader, rc.dc, { keys: targets.map((t) => t.key) }, fieldIds);
    const byKey = new Map(found.map((f) => [f.key, f]));
    const todo = targets.filter((t) => {
      const f = byKey.get(t.key);
      if (!f) throw new Error(`issue ${t.key} is no longer in production (or the account cannot see it)`);
      return edit.fieldKeys.some((k) => !same(normalisedValue(f.fields[edit.fields[k]!], typeOfField(rc.view.config, edit.fields[k]!), rc.view.keys), t.values[k] ?? null));
    });
    const grants = await widenPermissions(rc, todo.map((t) => byKey.get(t.key)!.project));
    const temp = await widenScreens(rc, todo.map((t) => byKey.get(t.key)!), fieldIds);
    try {
      if (temp.length || grants.length) await rc.refresh();
      for (const t of todo) {
        const fields = Object.fromEntries(edit.fieldKeys.map((k) => [edit.fields[k]!, jiraValue(rc.view, edit.fields[k]!, t.values[k] ?? null, rc.dc)]));
        await rc.send({ method: 'PUT', path: `${rc.api}/issue/${t.key}`, query: { notifyUsers: false }, body: { fields } });
      }
    } finally {
      if (temp.length) await narrowScreens(rc, temp);
      if (grants.length) await narrowPermissions(rc, grants);
    }
  },
};
