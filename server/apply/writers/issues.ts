/**
 * Issue values (`PUT /issue/{key}?notifyUsers=false`, Cloud and Data Center): the values a
 * migration sets on issues, and a backout's recorded values put back. An ops-form migration's
 * change is carried to every issue production has that matches it (the projects, types and prior
 * value the rehearsal saw, as JQL); a functions-form migration's to the issues it edited, by key.
 * Resolutions are put back through a transition (resolution-values.ts). Jira edits only fields on
 * the issue's edit screen, for someone with Edit Issues in the project: a
 * field that is not on the screen is put there for the edit and taken off again, and an account
 * without the permission is granted it (a user grant in the project's permission scheme) for the
 * edit and the grant removed again — both journaled first, so a kill in between is finished on
 * --resume.
 */
import { normaliseValue } from '../normalise/index.ts';
import { fieldKeyOf, findIssues, jiraValue, normalisedValue, typeOfField } from '../production/issues.ts';
import type { IssueEdit } from '../plan/types.ts';
import { same } from './common.ts';
import { restoreResolutions } from './resolution-values.ts';
import {
  narrowPermissions,
  narrowProjects,
  narrowScreens,
  widenPermissions,
  widenProjects,
  widenScreens,
  type TempField,
  type TempGrant,
} from './temporary.ts';
import type { EntityWriter, PlanContext, StepDraft } from './types.ts';

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
      fields: { [fieldKey]: g.field },
      fieldKeys: [fieldKey],
      set: { [fieldKey]: g.to as never },
      ...(byQuery
        ? {
            jql: `project in (${[...g.projects].sort().map(jqlString).join(', ')}) AND issuetype in (${[...g.types].sort().join(', ')}) AND ${fieldRef(g.field)} ${g.from === null ? 'is EMPTY' : `= ${jqlString(String(g.from))}`}`,
          }
        : { keys: g.issues }),
    };
    return {
      phase: 'migrate',
      class: 'automatic-record',
      writer: 'issues',
      changes: [],
      issues: edit,
      title: `set '${fieldKey}' to ${g.to === null ? 'nothing' : `'${String(g.to)}'`} on ${byQuery ? `every issue of ${[...g.projects].join(', ')} where it is ${g.from === null ? 'empty' : `'${String(g.from)}'`} (${g.issues.length} in the rehearsal)` : `${g.issues.length} issues`}`,
    };
  });
};

export const issuesWriter: EntityWriter = {
  name: 'issues',
  collections: [],
  plan: () => [],
  run: async (step, rc) => {
    const edit = step.issues;
    if (!edit || edit.byJira) return;
    const targets = edit.restore ?? (rc.record ?? []).map((r) => ({ key: r.key, values: edit.set ?? {} }));
    if (!targets.length && !rc.scratch.tempFields && !rc.scratch.tempGrants && !rc.scratch.tempRestored && !rc.scratch.loopWorkflows) return;
    const fieldIds = edit.fieldKeys.map((k) => edit.fields[k]!);
    const found = await findIssues(rc.reader, rc.dc, { keys: targets.map((t) => t.key) }, [...fieldIds, 'status']);
    const byKey = new Map(found.map((f) => [f.key, f]));
    const todo = targets.filter((t) => {
      const f = byKey.get(t.key);
      if (!f) throw new Error(`issue ${t.key} is no longer in production (or the account cannot see it)`);
      return edit.fieldKeys.some(
        (k) => !same(normalisedValue(f.fields[edit.fields[k]!], typeOfField(rc.view.config, edit.fields[k]!), rc.view.keys), t.values[k] ?? null),
      );
    });
    if (fieldIds.length === 1 && fieldIds[0] === 'resolution') {
      const k = edit.fieldKeys[0]!;
      await restoreResolutions(
        rc,
        todo.map((t) => {
          const f = byKey.get(t.key)!;
          return {
            key: t.key,
            project: f.project,
            issueType: f.issueType,
            status: String((f.fields.status as { id?: unknown } | undefined)?.id ?? ''),
            resolution: (t.values[k] as string | null) ?? null,
          };
        }),
      );
      return;
    }
    let grants: TempGrant[] = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? [];
    let temp: TempField[] = (rc.scratch.tempFields as TempField[] | undefined) ?? [];
    let restored: string[] = (rc.scratch.tempRestored as string[] | undefined) ?? [];
    try {
      restored = await widenProjects(
        rc,
        todo.map((t) => byKey.get(t.key)!.project),
      );
      grants = await widenPermissions(
        rc,
        todo.map((t) => byKey.get(t.key)!.project),
      );
      temp = await widenScreens(
        rc,
        todo.map((t) => byKey.get(t.key)!),
        fieldIds,
      );
      if (temp.length || grants.length) await rc.refresh();
      for (const t of todo) {
        const fields = Object.fromEntries(
          edit.fieldKeys.map((k) => [edit.fields[k]!, jiraValue(rc.view, edit.fields[k]!, t.values[k] ?? null, rc.dc)]),
        );
        await rc.send({ method: 'PUT', path: `${rc.api}/issue/${t.key}`, query: { notifyUsers: false }, body: { fields } });
      }
    } finally {
      // Whatever was widened (also by an earlier, interrupted try: the journal's scratch) is narrowed again.
      temp = (rc.scratch.tempFields as TempField[] | undefined) ?? temp;
      grants = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? grants;
      if (temp.length) await narrowScreens(rc, temp);
      if (grants.length) await narrowPermissions(rc, grants);
      restored = (rc.scratch.tempRestored as string[] | undefined) ?? restored;
      if (restored.length) await narrowProjects(rc, restored);
    }
  },
};
