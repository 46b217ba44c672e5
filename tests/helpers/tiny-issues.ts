/** The 12 issues of the tiny snapshot: every project, every issue type, a sub-task, links, comments, history. */
import type { Issue } from '../../server/model/types.ts';

const T = (day: number, hour = 9): string => `2025-01-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

const issue = (id: number, key: string, over: Partial<Issue>): Issue => ({
  id: String(id), key, project: key.split('-')[0]!, issueType: '10002', status: '1', resolution: null, priority: '3',
  summary: `Issue ${key}`, description: null, reporter: 'u-erin', assignee: null, labels: [], components: [], fixVersions: [], versions: [],
  created: T(2), updated: T(3), watchers: [], customFields: {}, comments: [], history: [], links: [], ...over,
});

export const tinyIssues = (): Issue[] => [
  issue(10001, 'ACME-1', {
    issueType: '10001', summary: 'Login fails with SSO', description: 'Steps: open /login, choose SSO.', priority: '1',
    assignee: 'u-bob', labels: ['sso', 'login'], components: ['cmp-1'], versions: ['ver-1'], watchers: ['u-bob', 'u-erin'],
    customFields: { customfield_10010: 'opt-sev-1', customfield_10011: ['opt-plat-linux', 'opt-plat-mac'], customfield_10012: { parent: 'opt-loc-eu', child: 'opt-loc-eu-ber' } },
    comments: [{ id: 'c-1', author: 'u-bob', body: 'Reproduced on staging.', created: T(3) }],
    links: [{ id: 'l-1', type: '10000', direction: 'outward', issue: 'ACME-2' }],
  }),
  issue(10002, 'ACME-2', {
    issueType: '10002', summary: 'Upgrade the SSO library', status: '2', assignee: 'u-carol', priority: '2',
    customFields: { customfield_10014: 5, customfield_10015: '2025-02-01', customfield_10016: ['security', 'deps'] },
    history: [{ id: 'h-1', author: 'u-carol', created: T(4), items: [{ field: 'status', fieldId: 'status', from: '1', fromString: 'Open', to: '2', toString: 'In Progress' }] }],
    links: [{ id: 'l-1', type: '10000', direction: 'inward', issue: 'ACME-1' }],
  }),
  issue(10003, 'ACME-3', {
    issueType: '10002', summary: 'Release 1.0', status: '4', resolution: '1', resolutionDate: T(10), assignee: 'u-bob',
    fixVersions: ['ver-1'], components: ['cmp-1', 'cmp-2'], duedate: '2024-11-01',
    customFields: { customfield_10013: 'u-carol', customfield_10014: 8 },
    comments: [{ id: 'c-2', author: 'u-alice', body: 'Shipped.', created: T(10) }, { id: 'c-3', author: 'u-frank', body: 'Thanks!', created: T(11) }],
    history: [
      { id: 'h-2', author: 'u-bob', created: T(5), items: [{ field: 'status', fieldId: 'status', from: '1', fromString: 'Open', to: '2', toString: 'In Progress' }] },
      { id: 'h-3', author: 'u-bob', created: T(10), items: [
        { field: 'status', fieldId: 'status', from: '3', fromString: 'In Review', to: '4', toString: 'Done' },
        { field: 'resolution', fieldId: 'resolution', from: null, fromString: null, to: '1', toString: 'Fixed' },
      ] },
    ],
  }),
  issue(10004, 'ACME-4', {
    issueType: '10003', summary: 'Write release notes', status: '6', resolution: '1', resolutionDate: T(9), parent: 'ACME-3', assignee: 'u-erin',
  }),
  issue(10005, 'ACME-5', {
    issueType: '10003', summary: 'Tag the release', status: '5', parent: 'ACME-3', assignee: 'u-bob',
  }),
  issue(10006, 'ACME-6', {
    issueType: '10001', summary: 'Typo on pricing page', status: '3', priority: '4', assignee: 'u-carol', reporter: 'u-frank',
    customFields: { customfield_10010: 'opt-sev-3', customfield_10012: { parent: 'opt-loc-us' }, customfield_10017: 'copy edit', customfield_10013: 'u-bob' },
  }),
  issue(10007, 'ACME-7', {
    issueType: '10002', summary: 'Plan 2.0', priority: null, fixVersions: ['ver-2'], description: 'Scope the next release.',
    links: [{ id: 'l-2', type: '10001', direction: 'outward', issue: 'OPS-1' }],
  }),
  issue(20001, 'OPS-1', {
    issueType: '10002', summary: 'Rotate TLS certificates', status: '2', assignee: 'u-carol', reporter: 'u-carol', labels: ['tls'],
    customFields: { customfield_10011: ['opt-plat-linux'], customfield_10010: 'opt-sev-2' },
    links: [{ id: 'l-2', type: '10001', direction: 'inward', issue: 'ACME-7' }],
  }),
  issue(20002, 'OPS-2', {
    issueType: '10002', summary: 'Renew the domain', status: '6', resolution: '1', resolutionDate: T(6), reporter: 'u-alice',
    history: [{ id: 'h-4', author: null, created: T(6), items: [{ field: 'status', fieldId: 'status', from: '5', fromString: 'Backlog', to: '6', toString: 'Closed' }] }],
  }),
  issue(20003, 'OPS-3', {
    issueType: '10003', summary: 'Update the DNS record', status: '5', parent: 'OPS-1', reporter: 'u-carol',
  }),
  issue(30001, 'SEC-1', {
    issueType: '10001', summary: 'XSS in search box', status: '2', priority: '1', reporter: 'u-dave', assignee: 'u-dave',
    watchers: ['u-dave', 'u-alice'], customFields: { customfield_10010: 'opt-sev-s1' },
    comments: [{ id: 'c-4', author: 'u-dave', body: 'Patch in review.', created: T(7), updated: T(8) }],
  }),
  issue(30002, 'SEC-2', {
    issueType: '10002', summary: 'Quarterly access review', status: '1', reporter: 'u-alice', customFields: { customfield_10015: '2025-03-31' },
  }),
];
