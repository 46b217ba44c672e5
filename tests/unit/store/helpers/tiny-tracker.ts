/**
 * A tiny deterministic tracker for store tests: a small config and issues of realistic size
 * (~700 bytes each, with comments, history and custom field values). Not validated: the store
 * does not judge content, so the data only needs the model's shape in broad strokes.
 */
import type { Config, Issue } from '../../../../server/model/types.ts';

const rng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS =
  'login page crash export report slow search filter board sprint release deploy timeout null pointer memory leak button label screen field option workflow status'.split(
    ' ',
  );

export const tinyConfig = (): Config => ({
  tracker: { title: 'Tiny', flavour: 'jira', deploymentType: 'Cloud', refs: { baseUrl: 'https://tiny.example' } },
  statuses: [
    { id: '1', name: 'Open', category: 'todo', refs: { jira: 1 } },
    { id: '3', name: 'In Progress', category: 'in-progress' },
    { id: '6', name: 'Done', category: 'done', description: 'Finished' },
  ],
  issueTypes: [
    { id: '10001', name: 'Bug', subtask: false },
    { id: '10002', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  ],
  priorities: [
    { id: '1', name: 'High', color: '#f00' },
    { id: '2', name: 'Low' },
  ],
  resolutions: [{ id: '10000', name: 'Fixed' }],
  issueLinkTypes: [{ id: '10100', name: 'Blocks', inward: 'is blocked by', outward: 'blocks' }],
  fields: [],
  users: [
    { accountId: 'u1', displayName: 'Ada', email: 'ada@tiny.example', active: true, groups: ['g1'] },
    { accountId: 'u2', displayName: 'Bob', email: 'bob@tiny.example', active: false, groups: [], ext: { note: 'left' } },
  ],
  groups: [{ id: 'g1', name: 'developers' }],
  roles: [{ id: 'r1', name: 'Developers' }],
  globalPermissions: [{ permission: 'ADMINISTER', group: 'g1' }],
  projects: [
    {
      id: '10000',
      key: 'TINY',
      name: 'Tiny',
      kind: 'software',
      lead: 'u1',
      archived: false,
      components: [{ id: 'c1', name: 'UI' }],
      versions: [{ id: 'v1', name: '1.0', released: true, archived: false }],
      roles: [{ role: 'r1', actors: [{ type: 'group', id: 'g1' }] }],
      schemes: {
        issueTypeScheme: 'its',
        workflowScheme: 'ws',
        issueTypeScreenScheme: 'itss',
        fieldConfigurationScheme: 'fcs',
        permissionScheme: 'ps',
        notificationScheme: 'ns',
      },
    },
  ],
  issueTypeSchemes: [],
  workflows: [],
  workflowSchemes: [],
  screens: [],
  screenSchemes: [],
  issueTypeScreenSchemes: [],
  fieldConfigurations: [],
  fieldConfigurationSchemes: [],
  permissionSchemes: [],
  notificationSchemes: [],
  filters: [],
  boards: [],
});

const iso = (n: number) => new Date(Date.UTC(2024, 0, 1) + n * 3_600_000).toISOString();

export const tinyIssue = (n: number, seed = 1): Issue => {
  const r = rng(seed * 1_000_003 + n);
  const words = (k: number) => Array.from({ length: k }, () => WORDS[Math.floor(r() * WORDS.length)]).join(' ');
  const done = r() < 0.4;
  return {
    id: String(10000 + n),
    key: `TINY-${n + 1}`,
    project: 'TINY',
    issueType: '10001',
    status: done ? '6' : '1',
    resolution: done ? '10000' : null,
    priority: r() < 0.5 ? '1' : '2',
    summary: words(6),
    description: words(30),
    reporter: 'u1',
    assignee: r() < 0.7 ? 'u2' : null,
    labels: r() < 0.5 ? ['backend', 'p1'] : [],
    components: ['c1'],
    fixVersions: r() < 0.3 ? ['v1'] : [],
    versions: [],
    created: iso(n),
    updated: iso(n + 5),
    watchers: ['u1'],
    customFields: { cf_10010: words(3), cf_10011: Math.floor(r() * 100), cf_10012: ['opt1', 'opt2'] },
    comments: [{ id: `c${n}`, author: 'u1', body: words(15), created: iso(n + 1) }],
    history: [
      {
        id: `h${n}`,
        author: 'u1',
        created: iso(n + 2),
        items: [{ field: 'status', fieldId: 'status', from: '1', fromString: 'Open', to: '3', toString: 'In Progress' }],
      },
    ],
    links: n > 0 && r() < 0.2 ? [{ id: `l${n}`, type: '10100', direction: 'outward', issue: `TINY-${n}` }] : [],
  };
};

export const tinyIssues = (count: number, seed = 1): Issue[] => Array.from({ length: count }, (_, i) => tinyIssue(i, seed));
