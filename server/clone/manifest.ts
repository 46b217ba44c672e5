/** The clone's manifest: source, time, tool, counts, production totals, what is not contained, production's config hash. */
import { basename, resolve } from 'node:path';

import { type Config, countsOf, GENERATOR_TOOL, type Issue, NOT_CONTAINED } from '../model/index.ts';
import type { ManifestInput } from '../store/index.ts';
import type { Sample } from './sample.ts';
import type { SourceInfo } from './types.ts';

/** Said of every clone, so a green rehearsal is not over-read. */
/** What a clone reads although a generated fixture has none of it (issue 18). */
const CLONED_ACTIVITY = new Set(['attachments', 'worklogs and time tracking', 'votes', 'user avatars and profile properties']);

export const CLONE_NOT_CONTAINED = [
  ...NOT_CONTAINED.filter((x) => !CLONED_ACTIVITY.has(x)),
  "attachment content: attachments' metadata (file name, size, type, author, date) is copied, their content is not; downloading one from the sandbox answers 404 and says so",
  'watchers and voters the cloning account may not see: Jira lists them only with the "View Voters and Watchers" project permission (grant it to the cloning account; a count alone is not kept)',
  'user avatars; user properties (Jira lists them only to their owner or an administrator, per user)',
  'global permissions: Jira has no REST API for their grants; ADMINISTER and SYSTEM_ADMIN are given to the standard administrator groups (jira-administrators, site-admins, administrators, jira-admins) where they exist',
  'users that neither the configuration nor the sampled issues name (members of groups are kept)',
  "group descriptions, project styles and avatars (Jira's REST API does not show them)",
];

export interface ManifestArgs {
  out: string;
  info: SourceInfo;
  sourceType: string;
  now: string;
  config: Config;
  issues: readonly Issue[];
  sample: Sample;
  productionConfigHash: string;
  omissions: string[];
  anonymized: boolean;
  projects?: string[];
}

export const cloneManifest = (a: ManifestArgs): ManifestInput => {
  // A sample holds one side of some links: count links, not pairs.
  const counts: Record<string, number> = { ...countsOf(a.config, a.issues, 0), issueLinks: a.issues.reduce((n, i) => n + i.links.length, 0) };
  const issueLevel = new Set(['issues', 'subtasks', 'comments', 'historyEntries', 'issueLinks']);
  const configCounts = Object.fromEntries(Object.entries(counts).filter(([k]) => !issueLevel.has(k)));
  return {
    kind: 'clone',
    name: basename(resolve(a.out)),
    description:
      `Clone of ${a.info.url} (Jira ${a.info.deploymentType}${a.info.version ? ` ${a.info.version}` : ''})${a.projects?.length ? `, projects ${a.projects.join(', ')}` : ''}: ` +
      `${a.issues.length} of ${a.sample.totals.issues ?? 0} issues sampled from ${a.sample.buckets.withIssues} project × issue type × status buckets` +
      `${a.anonymized ? ', anonymised' : ', NOT anonymised (--no-anonymize)'}.`,
    createdAt: a.now,
    source: { type: a.sourceType, url: a.info.url, deploymentType: a.info.deploymentType, tool: GENERATOR_TOOL },
    counts,
    productionTotals: { ...configCounts, ...a.sample.totals },
    notContained: [
      ...CLONE_NOT_CONTAINED,
      ...a.omissions,
      ...(a.issues.length < (a.sample.totals.issues ?? 0)
        ? [`issues outside the sample: ${(a.sample.totals.issues ?? 0) - a.issues.length} of ${a.sample.totals.issues} (approximate counts)`]
        : []),
    ],
    production: { configHash: a.productionConfigHash, clonedAt: a.now },
  };
};
