/**
 * Putting resolutions back on issues (a backout of a resolution merged into another): Jira lets an
 * issue's resolution be set only through a screen that shows it or a transition. The sandbox, like
 * many real sites, has resolution on no screen, so this uses a transition: for each workflow, a
 * temporary looped transition per status × resolution (from the status to itself, setting the
 * resolution), taken on each issue by the account (granted Transition Issues where it lacks it),
 * then the workflow put back exactly as it was. All of it is journaled in the step's scratch first.
 * Data Center's REST API cannot change workflows: there this is left to the operator (the step fails
 * with the issues named). Side effects that stay: a changelog entry per issue, `updated`, and the
 * notifications Jira sends for a transition.
 */
import { asList, asObj } from './common.ts';
import { narrowPermissions, narrowProjects, widenPermissions, widenProjects, type TempGrant } from './temporary.ts';
import { idOf, type RunContext } from './types.ts';
import { workflowOf, writeWorkflow } from './workflows.ts';

export interface ResolutionTarget {
  key: string;
  project: string;
  issueType: string;
  status: string;
  resolution: string | null;
}

type Obj = Record<string, unknown>;
const loopName = (status: string, resolution: string | null) => `Understudy restore: ${resolution ?? 'unresolved'} (${status})`;

export const restoreResolutions = async (rc: RunContext, targets: readonly ResolutionTarget[]): Promise<void> => {
  if (!targets.length) return;
  if (rc.dc)
    throw new Error(
      `Jira Data Center cannot set resolutions through REST here: set them by hand on ${targets
        .map((t) => `${t.key} (${t.resolution ?? 'unresolved'})`)
        .slice(0, 20)
        .join(', ')}${targets.length > 20 ? ', …' : ''}`,
    );
  const byWorkflow = new Map<string, ResolutionTarget[]>();
  for (const t of targets) {
    const wf = workflowOf(rc, t.project, t.issueType);
    if (!wf) throw new Error(`no workflow found for ${t.key}`);
    byWorkflow.set(wf, [...(byWorkflow.get(wf) ?? []), t]);
  }
  const saved = (rc.scratch.loopWorkflows as Record<string, unknown> | undefined) ?? {};
  let grants: TempGrant[] = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? [];
  let restored: string[] = (rc.scratch.tempRestored as string[] | undefined) ?? [];
  try {
    restored = await widenProjects(
      rc,
      targets.map((t) => t.project),
    );
    grants = await widenPermissions(
      rc,
      targets.map((t) => t.project),
      ['BROWSE_PROJECTS', 'TRANSITION_ISSUES'],
    );
    for (const [wfId, group] of byWorkflow) {
      const wfKey = rc.view.keys.key('workflow', wfId);
      const current = asObj(rc.view.normal.entities.workflows?.[wfKey]);
      if (!(wfKey in saved)) {
        saved[wfKey] = current;
        rc.scratch.loopWorkflows = saved;
        await rc.saveScratch();
      }
      const loops = new Map<string, Obj>();
      for (const t of group) {
        const status = rc.view.keys.key('status', t.status);
        const name = loopName(status, t.resolution);
        loops.set(name, {
          key: name,
          name,
          type: 'directed',
          from: [status],
          to: status,
          rules: {
            validators: [],
            postFunctions: [t.resolution === null ? { type: 'clearResolution' } : { type: 'setResolution', resolution: t.resolution }],
          },
        });
      }
      const original = asObj(saved[wfKey]);
      rc.log(
        `  (adding ${loops.size} temporary transition${loops.size === 1 ? '' : 's'} to '${wfKey}' to set resolutions; the workflow is put back after)`,
      );
      await writeWorkflow(rc, wfKey, { ...original, transitions: [...asList(original.transitions), ...loops.values()] });
      const view = await rc.refresh();
      for (const t of group) {
        const id = idOf({ view }, 'transition', `${wfKey}|${loopName(view.keys.key('status', t.status), t.resolution)}`);
        await rc.send({ method: 'POST', path: `${rc.api}/issue/${t.key}/transitions`, body: { transition: { id } } });
      }
    }
  } finally {
    for (const [wfKey, original] of Object.entries((rc.scratch.loopWorkflows as Record<string, unknown> | undefined) ?? {})) {
      await rc.refresh();
      await writeWorkflow(rc, wfKey, original);
    }
    delete rc.scratch.loopWorkflows;
    await rc.saveScratch();
    grants = (rc.scratch.tempGrants as TempGrant[] | undefined) ?? grants;
    if (grants.length) await narrowPermissions(rc, grants);
    restored = (rc.scratch.tempRestored as string[] | undefined) ?? restored;
    if (restored.length) await narrowProjects(rc, restored);
  }
};
