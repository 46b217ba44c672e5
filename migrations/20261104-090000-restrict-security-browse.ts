import { defineMigration, op } from 'understudy';

export default defineMigration({
  description: "Only the security team (and the project's administrators) may browse the Security project: developers lose their blanket access.",
  ops: [op.revoke({ scheme: 'Acme Security Restricted Scheme', permission: 'BROWSE_PROJECTS', holder: { group: 'developers' } })],
  expect: [
    { check: 'permissions', project: 'SEC', change: 'revoked', reason: 'Developers outside the security team no longer see Security issues.' },
    { check: 'transitions', project: 'SEC', change: 'hidden', reason: 'Developers outside the security team cannot open Security issues any more.' },
    {
      check: 'notifications',
      project: 'SEC',
      change: 'removed',
      reason: 'Developers outside the security team no longer get notifications about Security issues.',
    },
  ],
});
