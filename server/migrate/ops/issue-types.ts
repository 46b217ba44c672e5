/** Operations on issue types: add, rename, remove with a mapping for the issues of the type. */
import { type Issue, type IssueType, type IssueTypeScheme, issueTypesOf, projectByKey, workflowFor } from '../../model/index.ts';
import { assertNameFree, fail } from '../names.ts';
import { SPECS } from '../lookup.ts';
import { defineOp, list, q } from './define.ts';
import { inWorkflow, nextId, replaceIn } from './common.ts';

export interface AddIssueTypeArgs {
  name: string;
  /** Sub-task types live under a parent issue. Default false. */
  subtask?: boolean;
  description?: string;
  /** Issue type schemes (by name) that offer the new type, so projects using them can create it. */
  schemes?: string[];
}
export interface RenameIssueTypeArgs {
  from: string;
  to: string;
}
export interface RemoveIssueTypeArgs {
  issueType: string;
  /** The type its issues become; required when there are any. Same kind (sub-task or not), offered by their projects, with their statuses in its workflow. */
  mapTo?: string;
}

export const addIssueType = defineOp<AddIssueTypeArgs, { type: IssueType; schemes: IssueTypeScheme[] }>({
  kind: 'addIssueType',
  area: 'issue types',
  required: ['name'],
  optional: ['subtask', 'description', 'schemes'],
  describe: (a) =>
    `Add the ${a.subtask ? 'sub-task ' : ''}issue type ${q(a.name)}${a.schemes?.length ? ` to the issue type schemes ${list(a.schemes)}` : ''}.`,
  prepare: (s, a, look, site) => ({
    type: {
      id: nextId(
        s.config.issueTypes.map((t) => t.id),
        'issuetype',
      ),
      name: assertNameFree(site, SPECS.issueType, s.config.issueTypes, a.name),
      subtask: a.subtask === true,
      ...(a.description !== undefined ? { description: a.description } : {}),
    },
    schemes: (a.schemes ?? []).map((n) => look.issueTypeScheme(n, 'schemes')),
  }),
  mutate: (s, p) => {
    s.config.issueTypes.push(p.type);
    for (const sc of p.schemes) sc.issueTypes.push(p.type.id);
  },
});

export const renameIssueType = defineOp<RenameIssueTypeArgs, { type: IssueType; to: string }>({
  kind: 'renameIssueType',
  area: 'issue types',
  required: ['from', 'to'],
  optional: [],
  describe: (a) => `Rename the issue type ${q(a.from)} to ${q(a.to)}.`,
  prepare: (s, a, look, site) => {
    const type = look.issueType(a.from, 'from');
    return { type, to: assertNameFree(site, SPECS.issueType, s.config.issueTypes, a.to, type, 'to') };
  },
  mutate: (_s, p) => void (p.type.name = p.to),
});

export const removeIssueType = defineOp<RemoveIssueTypeArgs, { type: IssueType; mapTo: IssueType | undefined; issues: Issue[] }>({
  kind: 'removeIssueType',
  area: 'issue types',
  required: ['issueType'],
  optional: ['mapTo'],
  describe: (a) => `Remove the issue type ${q(a.issueType)}${a.mapTo ? `, changing its issues to ${q(a.mapTo)}` : ''}; schemes drop it.`,
  prepare: (s, a, look, site) => {
    const type = look.issueType(a.issueType, 'issueType');
    const mapTo = a.mapTo === undefined ? undefined : look.issueType(a.mapTo, 'mapTo');
    if (mapTo === type) fail(site, `mapTo: cannot map ${q(type.name)} to itself`);
    if (mapTo && mapTo.subtask !== type.subtask)
      fail(
        site,
        `mapTo: ${q(mapTo.name)} is ${mapTo.subtask ? '' : 'not '}a sub-task type and ${q(type.name)} is ${type.subtask ? '' : 'not '}; issues cannot change between the two`,
      );
    const issues = s.issues.filter((i) => i.issueType === type.id);
    if (issues.length && !mapTo)
      fail(
        site,
        `mapTo is required: ${issues.length} issue(s) are of type ${q(type.name)} (e.g. ${issues
          .slice(0, 3)
          .map((i) => i.key)
          .join(', ')})`,
      );
    for (const sc of s.config.issueTypeSchemes) {
      if (sc.issueTypes.length === 1 && sc.issueTypes[0] === type.id && !mapTo)
        fail(site, `issue type scheme ${q(sc.name)} offers only ${q(type.name)}; give mapTo`);
    }
    if (mapTo) {
      const bad = new Set<string>();
      for (const i of issues) {
        const p = projectByKey(s.config, i.project);
        if (!p) continue;
        if (!issueTypesOf(s.config, p).includes(mapTo.id))
          bad.add(`project ${p.key} does not offer ${q(mapTo.name)} (add it to its issue type scheme first)`);
        const wf = workflowFor(s.config, p, mapTo.id);
        if (wf && !inWorkflow(wf, i.status))
          bad.add(
            `${i.key}'s status ${q(s.config.statuses.find((x) => x.id === i.status)?.name ?? i.status)} is not in workflow ${q(wf.name)} of ${q(mapTo.name)} in ${p.key}`,
          );
      }
      if (bad.size) fail(site, `mapTo ${q(mapTo.name)} cannot take the issues: ${[...bad].slice(0, 5).join('; ')}`);
    }
    return { type, mapTo, issues };
  },
  mutate: (s, { type, mapTo, issues }, rec) => {
    const c = s.config;
    if (mapTo)
      for (const i of issues)
        rec.change(i, 'issueType', mapTo.id, {
          field: 'issuetype',
          fieldId: 'issuetype',
          from: type.id,
          fromString: type.name,
          to: mapTo.id,
          toString: mapTo.name,
        });
    for (const sc of c.issueTypeSchemes) {
      if (mapTo && sc.issueTypes.includes(type.id) && !sc.issueTypes.includes(mapTo.id) && sc.issueTypes.length === 1)
        replaceIn(sc.issueTypes, type.id, mapTo.id);
      else sc.issueTypes = sc.issueTypes.filter((x) => x !== type.id);
      if (sc.defaultIssueType === type.id) {
        if (mapTo && sc.issueTypes.includes(mapTo.id)) sc.defaultIssueType = mapTo.id;
        else delete sc.defaultIssueType;
      }
    }
    for (const sc of c.workflowSchemes) sc.mappings = sc.mappings.filter((m) => m.issueType !== type.id);
    for (const sc of c.issueTypeScreenSchemes) sc.mappings = sc.mappings.filter((m) => m.issueType !== type.id);
    for (const sc of c.fieldConfigurationSchemes) sc.mappings = sc.mappings.filter((m) => m.issueType !== type.id);
    for (const f of c.fields) {
      for (const ctx of f.contexts) {
        // A context limited to this type must not widen to every type once it is gone.
        if (mapTo) replaceIn(ctx.issueTypes, type.id, mapTo.id);
        else if (ctx.issueTypes.includes(type.id) && ctx.issueTypes.length > 1) ctx.issueTypes = ctx.issueTypes.filter((x) => x !== type.id);
      }
      f.contexts = f.contexts.filter((ctx) => !(ctx.issueTypes.length === 1 && ctx.issueTypes[0] === type.id));
    }
    c.issueTypes = c.issueTypes.filter((t) => t !== type);
  },
});
