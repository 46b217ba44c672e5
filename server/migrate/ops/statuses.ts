/** Operations on statuses: add, rename, remove (with a mapping for the issues in it), recategorise. */
import { isOneOf, type Issue, type Status, STATUS_CATEGORIES, type StatusCategory, type Workflow } from '../../model/index.ts';
import { assertNameFree, fail } from '../names.ts';
import { SPECS } from '../lookup.ts';
import type { IssueRecorder } from '../issue-changes.ts';
import type { OpSite } from '../types.ts';
import { defineOp, q } from './define.ts';
import { inWorkflow, nextId, removeFrom, workflowOfIssue } from './common.ts';

export interface AddStatusArgs {
  /** The new status's name, unique among statuses. */
  name: string;
  /** `todo`, `in-progress` or `done`: how boards and reports group it. */
  category: StatusCategory;
  description?: string;
}
export interface RenameStatusArgs {
  /** The status's current name. */ from: string /** Its new name. */;
  to: string;
}
export interface RemoveStatusArgs {
  /** The status to remove everywhere (workflows, board columns). */
  status: string;
  /** Where its issues go; required when any issue is in the status. Must be in every workflow that has the status. */
  mapTo?: string;
}
export interface SetStatusCategoryArgs {
  status: string;
  category: StatusCategory;
}

const category = (site: OpSite, c: unknown): StatusCategory =>
  isOneOf(STATUS_CATEGORIES, c)
    ? c
    : fail(site, `category: ${JSON.stringify(c)} is not a status category (expected one of: ${STATUS_CATEGORIES.join(', ')})`);

export const addStatus = defineOp<AddStatusArgs, Status>({
  kind: 'addStatus',
  area: 'statuses',
  required: ['name', 'category'],
  optional: ['description'],
  describe: (a) => `Add the status ${q(a.name)} (${a.category}); it is in no workflow until one adds it.`,
  prepare: (s, a, _l, site) => ({
    id: nextId(
      s.config.statuses.map((x) => x.id),
      'status',
    ),
    name: assertNameFree(site, SPECS.status, s.config.statuses, a.name),
    category: category(site, a.category),
    ...(a.description !== undefined ? { description: a.description } : {}),
  }),
  mutate: (s, status) => void s.config.statuses.push(status),
});

export const renameStatus = defineOp<RenameStatusArgs, { status: Status; to: string }>({
  kind: 'renameStatus',
  area: 'statuses',
  required: ['from', 'to'],
  optional: [],
  describe: (a) => `Rename the status ${q(a.from)} to ${q(a.to)}; issues keep their status, only the name changes.`,
  prepare: (s, a, look, site) => {
    const status = look.status(a.from, 'from');
    return { status, to: assertNameFree(site, SPECS.status, s.config.statuses, a.to, status, 'to') };
  },
  mutate: (_s, p) => void (p.status.name = p.to),
});

export const setStatusCategory = defineOp<SetStatusCategoryArgs, { status: Status; category: StatusCategory }>({
  kind: 'setStatusCategory',
  area: 'statuses',
  required: ['status', 'category'],
  optional: [],
  describe: (a) => `Move the status ${q(a.status)} to the ${q(a.category)} category.`,
  prepare: (_s, a, look, site) => ({ status: look.status(a.status, 'status'), category: category(site, a.category) }),
  mutate: (_s, p) => void (p.status.category = p.category),
});

/** Moves issues from one status to another with a history entry each. Shared by the removals. */
export const remapStatus = (issues: readonly Issue[], from: Status, to: Status, rec: IssueRecorder, only?: (i: Issue) => boolean): void => {
  for (const issue of issues) {
    if (issue.status !== from.id || (only && !only(issue))) continue;
    rec.change(issue, 'status', to.id, { field: 'status', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
  }
};

/** Drops a status from a workflow: transitions into it move to `mapTo` (or go), sources lose it. */
export const dropFromWorkflow = (wf: Workflow, statusId: string, mapTo: string | undefined): void => {
  wf.statuses = wf.statuses.filter((s) => s.status !== statusId);
  wf.transitions = wf.transitions.filter((t) => {
    removeFrom(t.from, statusId);
    if (t.type === 'directed' && t.from.length === 0) return false;
    if (t.to !== statusId) return true;
    if (mapTo === undefined || t.from.includes(mapTo)) return false;
    t.to = mapTo;
    return true;
  });
};

interface RemovePlan {
  status: Status;
  mapTo: Status | undefined;
}

export const removeStatus = defineOp<RemoveStatusArgs, RemovePlan>({
  kind: 'removeStatus',
  area: 'statuses',
  required: ['status'],
  optional: ['mapTo'],
  describe: (a) => `Remove the status ${q(a.status)}${a.mapTo ? `, moving its issues to ${q(a.mapTo)}` : ''}; workflows and board columns drop it.`,
  prepare: (s, a, look, site) => {
    const status = look.status(a.status, 'status');
    const mapTo = a.mapTo === undefined ? undefined : look.status(a.mapTo, 'mapTo');
    if (mapTo === status) fail(site, `mapTo: cannot map ${q(status.name)} to itself`);
    const inIt = s.issues.filter((i) => i.status === status.id);
    if (inIt.length && !mapTo) {
      fail(
        site,
        `mapTo is required: ${inIt.length} issue(s) are in status ${q(status.name)} (e.g. ${inIt
          .slice(0, 3)
          .map((i) => i.key)
          .join(', ')}); say where they go`,
      );
    }
    if (mapTo) {
      const wfOf = workflowOfIssue(s.config);
      const bad = new Map<string, Workflow>();
      for (const i of inIt) {
        const wf = wfOf(i);
        if (wf && !inWorkflow(wf, mapTo.id)) bad.set(wf.id, wf);
      }
      if (bad.size) {
        fail(
          site,
          `mapTo: status ${q(mapTo.name)} is not in workflow ${[...bad.values()].map((w) => q(w.name)).join(', ')}, which has issues in ${q(status.name)}; add it there first with addWorkflowStatus`,
        );
      }
    }
    return { status, mapTo };
  },
  mutate: (s, { status, mapTo }, rec) => {
    if (mapTo) remapStatus(s.issues, status, mapTo, rec);
    for (const wf of s.config.workflows) {
      if (inWorkflow(wf, status.id)) dropFromWorkflow(wf, status.id, mapTo && inWorkflow(wf, mapTo.id) ? mapTo.id : undefined);
    }
    for (const b of s.config.boards) for (const c of b.columns) removeFrom(c.statuses, status.id);
    s.config.statuses = s.config.statuses.filter((x) => x !== status);
  },
});
