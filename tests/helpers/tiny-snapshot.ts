/**
 * The tiny snapshot as content in memory: tests build it, mutate a copy and validate it, or write
 * it with writeSnapshot. `fixtures/tiny/` is this content written by write-tiny-fixture.ts.
 */
import type { SnapshotContent } from '../../server/store/snapshot-write.ts';
import type { Config, Integration, Issue } from '../../server/model/types.ts';
import { tinyConfig } from './tiny-config.ts';
import { tinyIssues } from './tiny-issues.ts';

const tinyIntegration = (): Integration => ({
  name: 'ci-bot',
  description: 'The CI bot comments on an issue and moves it to review when a build passes',
  as: 'bob@tiny.example',
  requests: [
    { method: 'POST', path: '/rest/api/2/issue/ACME-2/comment', body: { body: 'Build #42 passed.' } },
    {
      method: 'POST',
      path: '/rest/api/2/issue/ACME-2/transitions',
      body: { transition: { id: 't-review' }, fields: { customfield_10013: { accountId: 'u-bob' } } },
    },
  ],
});

const countsOf = (config: Config, issues: readonly Issue[]): Record<string, number> => ({
  projects: config.projects.length,
  issueTypes: config.issueTypes.length,
  statuses: config.statuses.length,
  workflows: config.workflows.length,
  fields: config.fields.length,
  users: config.users.length,
  groups: config.groups.length,
  filters: config.filters.length,
  boards: config.boards.length,
  issues: issues.length,
});

/** A fresh deep copy of the tiny snapshot's content on every call, free to mutate. */
export const tinyContent = (): SnapshotContent & { config: Config; issues: Issue[]; integrations: { file: string; data: Integration }[] } => {
  const config = tinyConfig();
  const issues = tinyIssues();
  const counts = countsOf(config, issues);
  return structuredClone({
    manifest: {
      kind: 'fixture' as const,
      name: 'tiny',
      description: 'A small hand-made snapshot for tests: every kind of entity, 12 issues',
      createdAt: '2025-01-15T09:00:00.000Z',
      source: { type: 'generator', tool: 'tests/helpers/tiny-snapshot.ts' },
      counts,
      productionTotals: { ...counts },
      notContained: ['attachments', 'automation rules', 'apps'],
    },
    config,
    issues,
    integrations: [{ file: 'integrations/ci-bot.json', data: tinyIntegration() }],
  });
};
