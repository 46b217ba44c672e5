/**
 * Stratified sampling: every project × issue type × status that has issues gets up to N of its
 * most recently updated issues, then the most recently updated issues overall fill the sample up
 * to --max-issues. Parents of sampled sub-tasks are added (a sub-task needs its parent). Totals
 * come from the tracker's approximate counts, so estimates can scale from the sample to production.
 */
import { RefusedRead } from './transport.ts';
import { compareIds, type Config, type Issue, issueTypesOf, workflowFor } from '../model/index.ts';
import type { Bucket, TrackerSource } from './types.ts';

export interface SampleOptions {
  perBucket: number;
  maxIssues: number;
}

export interface Sample {
  issues: Issue[];
  /** Production's issue totals: overall and per project. */
  totals: Record<string, number>;
  buckets: { total: number; withIssues: number };
  parentsAdded: number;
}

export const bucketsOf = (source: TrackerSource, config: Config): Bucket[] =>
  config.projects.flatMap((p) =>
    issueTypesOf(config, p).flatMap((type) =>
      (workflowFor(config, p, type)?.statuses ?? []).map((s) => {
        const b = { project: p.key, issueType: type, status: s.status };
        return { ...b, jql: source.bucketQuery(b) };
      }),
    ),
  );

/** Round-robin over the buckets' lists until `cap`: every bucket keeps at least one issue before any keeps two. */
const roundRobin = (lists: Issue[][], cap: number): Issue[] => {
  const out: Issue[] = [];
  const seen = new Set<string>();
  for (let i = 0; out.length < cap; i++) {
    let any = false;
    for (const list of lists) {
      const issue = list[i];
      if (!issue) continue;
      any = true;
      if (seen.has(issue.id)) continue;
      seen.add(issue.id);
      out.push(issue);
      if (out.length >= cap) break;
    }
    if (!any) break;
  }
  return out;
};

export const sampleIssues = async (source: TrackerSource, config: Config, o: SampleOptions, onPlan?: (planned: number) => void): Promise<Sample> => {
  const keys = config.projects.map((p) => p.key);
  if (!keys.length) return { issues: [], totals: { issues: 0 }, buckets: { total: 0, withIssues: 0 }, parentsAdded: 0 };
  const buckets = bucketsOf(source, config);
  const [counts, perProject, total] = await Promise.all([
    Promise.all(buckets.map((b) => source.countIssues(b.jql))),
    Promise.all(keys.map(async (k) => [k, await source.countIssues(source.projectsQuery([k]))] as const)),
    source.countIssues(source.projectsQuery(keys)),
  ]);
  const filled = buckets.filter((_, i) => (counts[i] ?? 0) > 0);
  const totals = { issues: total, ...Object.fromEntries(perProject.map(([k, n]) => [`issues.${k}`, n])) };
  // No sample asked for: production's counts are still recorded (estimates scale by them).
  if (o.maxIssues <= 0) return { issues: [], totals, buckets: { total: buckets.length, withIssues: filled.length }, parentsAdded: 0 };
  const stratified = buckets.reduce((n, _, i) => n + Math.min(o.perBucket, counts[i] ?? 0), 0);
  onPlan?.(stratified >= total ? stratified : stratified + Math.min(o.maxIssues, total));
  const lists = await Promise.all(filled.map((b) => source.searchIssues(b.jql, o.perBucket, config)));
  let issues = roundRobin(lists, o.maxIssues);
  if (issues.length < o.maxIssues && issues.length < total) {
    const recent = await source.searchIssues(source.projectsQuery(keys), o.maxIssues - issues.length + Math.min(issues.length, o.maxIssues), config);
    const have = new Set(issues.map((i) => i.id));
    for (const r of recent) {
      if (issues.length >= o.maxIssues) break;
      if (!have.has(r.id)) {
        have.add(r.id);
        issues.push(r);
      }
    }
  }
  const present = new Set(issues.map((i) => i.key));
  // Parents in the cloned projects only (on Cloud an epic may live in another project).
  const inScope = (key: string) => keys.includes(key.slice(0, key.lastIndexOf('-')));
  const missingParents = [...new Set(issues.flatMap((i) => (i.parent && !present.has(i.parent) && inScope(i.parent) ? [i.parent] : [])))].sort();
  let parentsAdded = 0;
  const fetchParents = async (chunk: string[]): Promise<void> => {
    try {
      const parents = await source.searchIssues(source.keysQuery(chunk), chunk.length, config);
      parentsAdded += parents.length;
      issues.push(...parents);
    } catch (e) {
      // Jira answers 400 to `key in (…)` naming an issue that is gone or hidden: ask one by one, skip those.
      if (!(e instanceof RefusedRead && e.status === 400)) throw e;
      if (chunk.length > 1) for (const key of chunk) await fetchParents([key]);
    }
  };
  for (let i = 0; i < missingParents.length; i += 50) await fetchParents(missingParents.slice(i, i + 50));
  // A parent that cannot be read (deleted, hidden) leaves its sub-tasks out: a sub-task needs its parent.
  const keysNow = new Set(issues.map((i) => i.key));
  issues = issues.filter((i) => !i.parent || keysNow.has(i.parent));
  issues.sort((a, b) => compareIds(a.id, b.id));
  return {
    issues,
    totals,
    buckets: { total: buckets.length, withIssues: filled.length },
    parentsAdded,
  };
};
