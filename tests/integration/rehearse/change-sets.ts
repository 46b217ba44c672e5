/**
 * Broken change sets for the rehearsal's tests, each a migrations folder with one migration (as a
 * user would write it), run against a copy of fixtures/tiny that also records a bug-filing
 * integration. Each says what the report must name.
 */
export interface BrokenChange {
  name: string;
  file: string;
  source: string;
  /** Options beside the defaults (e.g. a settings file). */
  settings?: Record<string, unknown>;
  /** Hazard kinds the result must contain. */
  hazards: string[];
  /** Regression checks the result must contain. */
  checks?: string[];
  /** Text the summary must contain (entities by display name). */
  mentions: string[];
  /** Found without a browser: the rehearsal stops before the regression runs. */
  failsFast?: boolean;
}

export const BROKEN_CHANGES: BrokenChange[] = [
  {
    name: 'a field made required with no default breaks the create form and the integration that files bugs',
    file: '20260101-000000-require-root-cause.ts',
    source: `import { defineMigration, op } from 'understudy';
export default defineMigration({
  description: 'Root Cause becomes required on ACME bugs.',
  ops: [op.requireField({ field: 'Root Cause', projects: ['ACME', 'SEC'], issueTypes: ['Bug'] })],
});
`,
    hazards: ['regression'],
    checks: ['createmeta', 'integrations'],
    mentions: ['20260101-000000-require-root-cause', 'Root Cause', 'Acme Product'],
  },
  {
    name: 'a hand-written down that forgets to restore something fails the rollback proof',
    file: '20260102-000000-rename-review.ts',
    source: `import { defineMigration } from 'understudy';
export default defineMigration({
  description: 'Rename In Review to Code Review and label ACME issues.',
  up(ctx) {
    ctx.config.statuses.find((s) => s.name === 'In Review')!.name = 'Code Review';
    for (const i of ctx.issues) if (i.project === 'ACME') ctx.editIssue(i.key, (d) => { d.labels = [...d.labels, 'reviewed']; });
  },
  down(ctx) {
    ctx.config.statuses.find((s) => s.name === 'Code Review')!.name = 'In Review';
  },
});
`,
    hazards: ['rollback-hash'],
    mentions: ['20260102-000000-rename-review', 'down() does not undo'],
    failsFast: true,
  },
  {
    name: 'an undeclared permission loss is a regression',
    file: '20260103-000000-tighten-edit.ts',
    source: `import { defineMigration, op } from 'understudy';
export default defineMigration({
  description: 'Only administrators edit issues.',
  ops: [op.revoke({ scheme: 'Default Permission Scheme', permission: 'EDIT_ISSUES', holder: { role: 'Developers' } })],
});
`,
    hazards: ['regression'],
    checks: ['permissions'],
    mentions: ['20260103-000000-tighten-edit', 'Bob Builder', 'edit issues in'],
  },
  {
    name: 'a status removed so that a board loses issues',
    file: '20260104-000000-retire-closed.ts',
    source: `import { defineMigration, op } from 'understudy';
export default defineMigration({
  description: 'Retire the Closed status: operations tickets finish in Done, like software ones.',
  ops: [
    op.addWorkflowStatus({ workflow: 'Simple Workflow', status: 'Done' }),
    op.addTransition({ workflow: 'Simple Workflow', name: 'Finish', from: ['Backlog', 'In Progress'], to: 'Done' }),
    op.removeStatus({ status: 'Closed', mapTo: 'Done' }),
  ],
  expect: [
    { check: 'transitions', project: 'OPS', reason: 'Close becomes Finish.' },
    { check: 'notifications', project: 'OPS', reason: 'Finish notifies like Close did.' },
  ],
});
`,
    hazards: ['regression'],
    checks: ['boards'],
    mentions: ['20260104-000000-retire-closed', 'OPS board'],
  },
  {
    name: 'a change that e-mails everyone is a notification storm',
    file: '20260105-000000-label-everything.ts',
    source: `import { defineMigration } from 'understudy';
export default defineMigration({
  description: 'Every issue gets the label triaged-2026, one edit per issue.',
  up(ctx) {
    for (const i of ctx.issues) ctx.editIssue(i.key, (d) => { d.labels = [...d.labels, 'triaged-2026']; });
  },
});
`,
    settings: { rehearse: { notificationsPerRecipient: 5 } },
    hazards: ['notification-storm'],
    mentions: ['20260105-000000-label-everything', 'notifications'],
    failsFast: true,
  },
];
