import { defineMigration, op } from 'understudy';

/**
 * Bugs that nobody has looked at yet get their own status, and only the triage group may accept
 * them into the normal flow.
 */
export default defineMigration({
  description:
    'Add a "Needs Triage" status to the bug workflow, before "Open": anyone can send a bug to triage, only the triage group can accept it.',
  ops: [
    op.addStatus({ name: 'Needs Triage', category: 'todo', description: 'Reported, not yet looked at by the triage group.' }),
    op.addWorkflowStatus({ workflow: 'Acme Bug Workflow', status: 'Needs Triage', before: 'Open' }),
    op.addTransition({ workflow: 'Acme Bug Workflow', name: 'Send to Triage', from: ['Open', 'Reopened'], to: 'Needs Triage' }),
    op.addTransition({
      workflow: 'Acme Bug Workflow',
      name: 'Accept',
      from: ['Needs Triage'],
      to: 'Open',
      rules: { conditions: { op: 'all', conditions: [{ type: 'inGroup', group: 'triage' }] }, validators: [], postFunctions: [] },
    }),
  ],
  expect: [{ check: 'transitions', transition: 'Send to Triage', reason: 'Open and reopened bugs gain the "Send to Triage" transition.' }],
});
