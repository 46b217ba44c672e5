/**
 * Pins the canonical hash definition: these values were computed with the original (unoptimised)
 * canonical serialiser. If one changes, every recorded baseline and rollback proof changes with it.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../server/model/canonical-json.ts';
import { canonicalHash, configHash } from '../../../server/model/hash.ts';
import type { Config, Issue } from '../../../server/model/types.ts';

const config = {
  $schema: '../schema/config.schema.json',
  tracker: { title: 'Pin', flavour: 'jira' },
  statuses: [
    { id: '1', name: 'Open', category: 'todo' },
    { id: '2', name: 'Fertig ✓', category: 'done', refs: { jira: 10002 } },
  ],
  issueTypes: [{ id: 't', name: 'Bug', subtask: false }],
  priorities: [
    { id: 'p2', name: 'Low' },
    { id: 'p1', name: 'High' },
  ],
  resolutions: [],
  issueLinkTypes: [],
  fields: [],
  users: [{ accountId: 'u1', displayName: 'Zoë "Z" Quote', email: 'z@pin.example', active: true, groups: [] }],
  groups: [],
  roles: [],
  globalPermissions: [],
  projects: [],
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
} as unknown as Config;

const issue = (id: string, extra: Partial<Issue> = {}): Issue => ({
  summary: `Issue ${id}`,
  id,
  key: `PIN-${id}`,
  project: 'PIN',
  issueType: 't',
  status: '1',
  resolution: null,
  priority: 'p1',
  description: 'line 1\nline 2\t\u0001 é 😀',
  reporter: 'u1',
  assignee: null,
  labels: ['b', 'a'],
  components: [],
  fixVersions: [],
  versions: [],
  created: '2024-01-01T00:00:00.000Z',
  updated: '2024-01-02T00:00:00.000Z',
  watchers: [],
  customFields: { cf_2: [3, 1.5, -0, 1e21], cf_10: { child: 'c', parent: 'p' }, cf_1: null },
  comments: [],
  history: [],
  links: [],
  ...extra,
});

// Stored out of id order on purpose: the hash sorts issues by id (numerically when numeric).
const issues = [issue('10'), issue('9', { ext: { z: 1, a: [true, false] } }), issue('100')];

describe('canonical hash (pinned)', () => {
  it('keeps the hash of a small fixed state', () => {
    expect(canonicalHash(config, issues)).toBe('sha256:9cd3e5ed4d5afeacd001da2754b7686b494a62b9daabd34338cecad3720c8e49');
  });
  it('keeps the hash of the config alone', () => {
    expect(configHash(config)).toBe('sha256:4764a5ac9a6c7fc75f9aa340ebfdd7cae967e63e8123c51914a2d960ccc52deb');
  });
  it('keeps the canonical text of awkward values', () => {
    expect(canonicalJson({ b: [undefined, NaN, Infinity, 'x'], a: { d: undefined, c: 1 }, '10': 1, '9': 2, é: 'e' })).toBe(
      '{"10":1,"9":2,"a":{"c":1},"b":[null,null,null,"x"],"é":"e"}',
    );
  });
});
