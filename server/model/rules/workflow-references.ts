/** Everything a workflow names resolves: statuses, screens, groups, roles, fields, resolutions, users. */
import type { ConfigIndex } from '../config-index.ts';
import type { Condition, ConditionTree, PostFunction, Validator } from '../types.ts';
import { q } from '../suggest.ts';
import { checkRef, type ConfigRule, type Report } from './rule.ts';
import { checkConfigValue } from './field-values.ts';

const isTree = (c: Condition | ConditionTree): c is ConditionTree => 'op' in c;

const checkConditions = (ix: ConfigIndex, tree: ConditionTree, path: string, report: Report): void => {
  tree.conditions.forEach((c, i) => {
    const p = `${path}.conditions[${i}]`;
    if (isTree(c)) return checkConditions(ix, c, p, report);
    if (c.type === 'inGroup') checkRef(report, `${p}.group`, 'group', c.group, ix.groups, ix.candidates.group);
    if (c.type === 'inProjectRole') checkRef(report, `${p}.role`, 'project role', c.role, ix.roles, ix.candidates.role);
    if (c.type === 'fieldValue' && checkRef(report, `${p}.field`, 'field', c.field, ix.fields, ix.candidates.field)) {
      if ((c.operator === '=' || c.operator === '!=') && c.value !== undefined)
        checkConfigValue(ix, ix.fields.get(c.field)!, c.value, `${p}.value`, report);
    }
  });
};

const checkValidator = (ix: ConfigIndex, v: Validator, p: string, report: Report): void => {
  if (v.type === 'fieldRequired') v.fields.forEach((f, i) => checkRef(report, `${p}.fields[${i}]`, 'field', f, ix.fields, ix.candidates.field));
  if (v.type === 'fieldMatches') {
    checkRef(report, `${p}.field`, 'field', v.field, ix.fields, ix.candidates.field);
    try {
      new RegExp(v.pattern);
    } catch (e) {
      report(`${p}.pattern`, `${q(v.pattern)} is not a valid regular expression: ${(e as Error).message}`);
    }
  }
};

const checkPostFunction = (ix: ConfigIndex, f: PostFunction, p: string, report: Report): void => {
  if (f.type === 'setResolution') checkRef(report, `${p}.resolution`, 'resolution', f.resolution, ix.resolutions, ix.candidates.resolution);
  if (f.type === 'assign') {
    if (f.to === 'user' && f.user === undefined) report(p, "assigns to 'user' but names no user (add 'user': an accountId)");
    if (f.user !== undefined && checkRef(report, `${p}.user`, 'user', f.user, ix.users, ix.candidates.user) && !ix.users.get(f.user)!.active) {
      report(`${p}.user`, `assigns to inactive user ${q(f.user)}`, 'warning');
    }
  }
  if (f.type === 'setField' && checkRef(report, `${p}.field`, 'field', f.field, ix.fields, ix.candidates.field)) {
    checkConfigValue(ix, ix.fields.get(f.field)!, f.value, `${p}.value`, report);
  }
};

export const workflowReferences: ConfigRule = {
  name: 'workflow-references',
  about:
    "a workflow's statuses exist; transitions name statuses of the workflow, existing screens, and conditions, validators and post functions name existing fields, groups, roles, resolutions and users",
  run: (ix, report) => {
    ix.config.workflows.forEach((w, wi) => {
      const base = `workflows[${wi}]`;
      const own = new Set<string>();
      w.statuses.forEach((s, si) => {
        if (own.has(s.status)) report(`${base}.statuses[${si}].status`, `status ${q(s.status)} is listed twice in workflow ${q(w.name)}`);
        own.add(s.status);
        checkRef(report, `${base}.statuses[${si}].status`, 'status', s.status, ix.statuses, ix.candidates.status);
      });
      const ownCandidates = () => w.statuses.map((s) => ({ id: s.status, name: ix.statuses.get(s.status)?.name }));
      w.transitions.forEach((t, ti) => {
        const p = `${base}.transitions[${ti}]`;
        const inWorkflow = (path: string, id: string) => {
          if (own.has(id)) return;
          const status = ix.statuses.get(id);
          if (!status) checkRef(report, path, 'status', id, ix.statuses, ownCandidates);
          else
            report(
              path,
              `status ${q(id)} (${status.name}) is not a status of workflow ${q(w.name)} (its statuses: ${ownCandidates()
                .map((c) => `${c.id} (${c.name})`)
                .join(', ')}; add it to 'statuses' or pick one of these)`,
            );
        };
        t.from.forEach((f, fi) => inWorkflow(`${p}.from[${fi}]`, f));
        inWorkflow(`${p}.to`, t.to);
        if (t.screen !== undefined) checkRef(report, `${p}.screen`, 'screen', t.screen, ix.screens, () => ix.config.screens);
        if (t.rules.conditions) checkConditions(ix, t.rules.conditions as ConditionTree, `${p}.rules.conditions`, report);
        t.rules.validators.forEach((v, i) => checkValidator(ix, v, `${p}.rules.validators[${i}]`, report));
        t.rules.postFunctions.forEach((f, i) => checkPostFunction(ix, f, `${p}.rules.postFunctions[${i}]`, report));
      });
    });
  },
};
