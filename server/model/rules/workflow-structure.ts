/**
 * A workflow is usable: exactly one initial transition, every status reachable from where issues are
 * created, and from every status a way to a done-category status (failure mode 16).
 */
import type { ConfigIndex } from '../config-index.ts';
import type { Workflow } from '../types.ts';
import { q } from '../suggest.ts';
import type { ConfigRule, Report } from './rule.ts';

const label = (ix: ConfigIndex, id: string): string => `${q(id)} (${ix.statuses.get(id)?.name ?? 'unknown'})`;

/** Status → statuses one transition away. Global transitions lead from every status. */
const edges = (w: Workflow): Map<string, Set<string>> => {
  const out = new Map<string, Set<string>>(w.statuses.map((s) => [s.status, new Set<string>()]));
  for (const t of w.transitions) {
    const sources = t.type === 'global' ? [...out.keys()] : t.type === 'directed' ? t.from : [];
    for (const s of sources) out.get(s)?.add(t.to);
  }
  return out;
};

const reach = (start: Iterable<string>, next: Map<string, Set<string>>): Set<string> => {
  const seen = new Set(start);
  const queue = [...seen];
  while (queue.length)
    for (const n of next.get(queue.pop()!) ?? [])
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  return seen;
};

const checkShapeOfTransitions = (w: Workflow, base: string, report: Report): void => {
  w.transitions.forEach((t, i) => {
    if (t.type === 'directed' && t.from.length === 0)
      report(`${base}.transitions[${i}].from`, `directed transition ${q(t.name)} has no source status (list at least one, or make it global)`);
    if (t.type !== 'directed' && t.from.length > 0)
      report(
        `${base}.transitions[${i}].from`,
        `${t.type} transition ${q(t.name)} lists source statuses [${t.from.join(', ')}] (only directed transitions have them; empty the list)`,
      );
  });
};

export const workflowInitial: ConfigRule = {
  name: 'workflow-initial',
  about: 'every workflow has exactly one initial transition, and directed transitions (only they) have source statuses',
  run: (ix, report) =>
    ix.config.workflows.forEach((w, wi) => {
      const base = `workflows[${wi}]`;
      const initial = w.transitions.map((t, i) => ({ t, i })).filter((x) => x.t.type === 'initial');
      if (initial.length === 0)
        report(
          `${base}.transitions`,
          `workflow ${q(w.name)} has no initial transition (add one with type 'initial' and 'to' the status new issues start in)`,
        );
      for (const extra of initial.slice(1))
        report(
          `${base}.transitions[${extra.i}].type`,
          `workflow ${q(w.name)} has a second initial transition ${q(extra.t.name)} (the first is transitions[${initial[0]!.i}]; a workflow has exactly one)`,
        );
      checkShapeOfTransitions(w, base, report);
    }),
};

export const workflowReachable: ConfigRule = {
  name: 'workflow-reachable',
  about: 'every status of a workflow is reachable from its initial status, and every status has a path to a done-category status',
  run: (ix, report) =>
    ix.config.workflows.forEach((w, wi) => {
      const base = `workflows[${wi}]`;
      const next = edges(w);
      const initial = w.transitions.find((t) => t.type === 'initial');
      if (initial && next.has(initial.to)) {
        const reachable = reach([initial.to], next);
        w.statuses.forEach((s, si) => {
          if (!reachable.has(s.status))
            report(
              `${base}.statuses[${si}].status`,
              `status ${label(ix, s.status)} cannot be reached in workflow ${q(w.name)} from its initial status ${label(ix, initial.to)} (add a transition into it, or remove it)`,
            );
        });
      }
      const done = w.statuses.map((s) => s.status).filter((id) => ix.statuses.get(id)?.category === 'done');
      if (done.length === 0) {
        report(`${base}.statuses`, `workflow ${q(w.name)} has no done-category status, so no issue in it can ever be finished (add one)`);
        return;
      }
      const reverse = new Map<string, Set<string>>([...next.keys()].map((k) => [k, new Set<string>()]));
      for (const [from, tos] of next) for (const to of tos) reverse.get(to)?.add(from);
      const canFinish = reach(done, reverse);
      w.statuses.forEach((s, si) => {
        if (!canFinish.has(s.status))
          report(
            `${base}.statuses[${si}].status`,
            `status ${label(ix, s.status)} has no path to a done-category status in workflow ${q(w.name)} (done statuses: ${done.map((d) => label(ix, d)).join(', ')})`,
          );
      });
    }),
};
