/** People and projects of the tiny snapshot: 6 users (one inactive, one admin), 3 groups, 2 roles, 3 projects. */
import type { Config, Project } from '../../server/model/types.ts';

const schemes = (over: Partial<Project['schemes']> = {}): Project['schemes'] => ({
  issueTypeScheme: 'its-software',
  workflowScheme: 'ws-software',
  issueTypeScreenScheme: 'itss-default',
  fieldConfigurationScheme: 'fcs-default',
  permissionScheme: 'ps-default',
  notificationScheme: 'ns-default',
  ...over,
});

export const tinyPeople = (): Pick<Config, 'users' | 'groups' | 'roles' | 'globalPermissions' | 'projects'> => ({
  users: [
    { accountId: 'u-alice', displayName: 'Alice Admin', email: 'alice@tiny.example', active: true, groups: ['g-admins', 'g-devs'], timeZone: 'UTC' },
    { accountId: 'u-bob', displayName: 'Bob Builder', email: 'bob@tiny.example', active: true, groups: ['g-devs'] },
    { accountId: 'u-carol', displayName: 'Carol Coder', email: 'carol@tiny.example', active: true, groups: ['g-devs'] },
    { accountId: 'u-dave', displayName: 'Dave Defender', email: 'dave@tiny.example', active: true, groups: ['g-security'] },
    { accountId: 'u-erin', displayName: 'Erin Reporter', email: 'erin@tiny.example', active: true, groups: [] },
    { accountId: 'u-frank', displayName: 'Frank Former', email: 'frank@tiny.example', active: false, groups: ['g-devs'] },
  ],
  groups: [
    { id: 'g-admins', name: 'jira-administrators' },
    { id: 'g-devs', name: 'developers' },
    { id: 'g-security', name: 'security-team', description: 'People cleared for security issues' },
  ],
  roles: [
    { id: '10001', name: 'Developers' },
    { id: '10002', name: 'Administrators' },
  ],
  globalPermissions: [
    { permission: 'ADMINISTER', group: 'g-admins' },
    { permission: 'USER_PICKER', group: 'g-devs' },
  ],
  projects: [
    {
      id: '10000',
      key: 'ACME',
      name: 'Acme Product',
      kind: 'software',
      style: 'scrum',
      lead: 'u-bob',
      archived: false,
      components: [
        { id: 'cmp-1', name: 'Backend', lead: 'u-bob' },
        { id: 'cmp-2', name: 'Frontend' },
      ],
      versions: [
        { id: 'ver-1', name: '1.0', released: true, archived: false, releaseDate: '2024-11-01' },
        { id: 'ver-2', name: '2.0', released: false, archived: false },
      ],
      roles: [
        { role: '10002', actors: [{ type: 'user', id: 'u-alice' }] },
        {
          role: '10001',
          actors: [
            { type: 'group', id: 'g-devs' },
            { type: 'user', id: 'u-erin' },
          ],
        },
      ],
      schemes: schemes(),
    },
    {
      id: '10001',
      key: 'OPS',
      name: 'Operations',
      kind: 'business',
      style: 'kanban',
      lead: 'u-carol',
      archived: false,
      components: [],
      versions: [],
      roles: [
        { role: '10002', actors: [{ type: 'group', id: 'g-admins' }] },
        { role: '10001', actors: [{ type: 'group', id: 'g-devs' }] },
      ],
      schemes: schemes({ issueTypeScheme: 'its-ops', workflowScheme: 'ws-ops', issueTypeScreenScheme: 'itss-ops' }),
    },
    {
      id: '10002',
      key: 'SEC',
      name: 'Security',
      kind: 'software',
      style: 'basic',
      lead: 'u-dave',
      archived: false,
      description: 'Restricted: only the security team can see it',
      components: [],
      versions: [],
      roles: [
        { role: '10002', actors: [{ type: 'user', id: 'u-alice' }] },
        { role: '10001', actors: [{ type: 'group', id: 'g-security' }] },
      ],
      schemes: schemes({ permissionScheme: 'ps-restricted' }),
    },
  ],
});
