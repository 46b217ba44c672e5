import { defineMigration, op } from 'understudy';

export default defineMigration({
  description:
    'Office Location becomes required on IT Help Desk requests and incidents, so agents can route them to the right site; existing tickets without one get "Remote".',
  ops: [
    op.addFieldToScreen({ screen: 'Incident Screen', field: 'Office Location' }),
    op.requireField({
      field: 'Office Location',
      projects: ['HELP'],
      issueTypes: ['Service Request', 'Incident'],
      default: 'Remote',
      backfill: 'Remote',
    }),
  ],
  expect: [
    {
      check: 'createmeta',
      project: 'HELP',
      field: 'Office Location',
      change: 'required',
      reason: 'Office Location is now required on HELP tickets, with a default of Remote.',
    },
    {
      check: 'createmeta',
      issueType: 'Incident',
      field: 'Office Location',
      change: 'added',
      reason: 'The incident screen (shared with OPS) now shows Office Location.',
    },
  ],
});
