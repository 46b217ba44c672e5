/** jira.js 5.4.0 (Version2Client, Version3Client) against the sandbox, unmodified: the everyday calls. */
import { Version2Client, Version3Client } from 'jira.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';

let h: Harness;
/** tiny grants nobody ASSIGN_ISSUES (the rules test relies on it); here developers may assign. */
const grantAssign = (s: { config: import('../../../server/model/types.ts').Config }) => {
  s.config.permissionSchemes[0]!.grants.push({ id: 'pg-assign', permission: 'ASSIGN_ISSUES', holder: { type: 'projectRole', value: '10001' } });
};
let v2: Version2Client;
let v3: Version3Client;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { patch: grantAssign });
  const alice = h.personas.find((p) => p.accountId === 'u-alice')!;
  const config = { host: h.url, authentication: { basic: { email: alice.email, apiToken: alice.token } } };
  v2 = new Version2Client(config);
  v3 = new Version3Client(config);
});
afterAll(async () => {
  await h.close();
});

describe('jira.js 5.4.0', () => {
  it('server info and myself', async () => {
    expect((await v3.serverInfo.getServerInfo()).deploymentType).toBe('Cloud');
    expect((await v2.myself.getCurrentUser()).accountId).toBe('u-alice');
  });
  it('searches: legacy and /search/jql', async () => {
    const legacy = await v2.issueSearch.searchForIssuesUsingJql({ jql: 'project = OPS ORDER BY key ASC', fields: ['summary'] });
    expect(legacy.total).toBe(3);
    expect(legacy.issues?.map((i) => i.key)).toEqual(['OPS-1', 'OPS-2', 'OPS-3']);
    const enhanced = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
      jql: 'project = OPS ORDER BY key ASC',
      fields: ['summary', 'status'],
    });
    expect(enhanced.issues?.map((i) => i.key)).toEqual(['OPS-1', 'OPS-2', 'OPS-3']);
    expect((enhanced as { isLast?: boolean }).isLast).toBe(true);
  });
  it('create, get and edit an issue (v3 with ADF)', async () => {
    const created = await v3.issues.createIssue({
      fields: {
        project: { key: 'ACME' },
        issuetype: { name: 'Task' },
        summary: 'From jira.js',
        description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }] },
      },
    });
    expect(created.key).toMatch(/^ACME-\d+$/);
    await v2.issues.editIssue({ issueIdOrKey: created.key, fields: { summary: 'Edited by jira.js' }, update: { labels: [{ add: 'client' }] } });
    const issue = await v2.issues.getIssue({ issueIdOrKey: created.key });
    expect(issue.fields.summary).toBe('Edited by jira.js');
    expect(issue.fields.labels).toEqual(['client']);
    expect(issue.fields.description).toBe('Hello');
  });
  it('transitions, comment, assign', async () => {
    const { transitions } = await v2.issues.getTransitions({ issueIdOrKey: 'ACME-7' });
    const start = transitions?.find((t) => t.name === 'Start Progress');
    expect(start).toBeDefined();
    await v2.issues.doTransition({ issueIdOrKey: 'ACME-7', transition: { id: start!.id! } });
    expect((await v2.issues.getIssue({ issueIdOrKey: 'ACME-7' })).fields.status.name).toBe('In Progress');
    const comment = await v2.issueComments.addComment({ issueIdOrKey: 'ACME-7', comment: 'via jira.js' } as never);
    expect(comment.id).toBeDefined();
    await v3.issues.assignIssue({ issueIdOrKey: 'OPS-1', accountId: 'u-bob' });
    expect((await v3.issues.getIssue({ issueIdOrKey: 'OPS-1' })).fields.assignee?.accountId).toBe('u-bob');
  });
  it('fields, statuses, projects, workflows', async () => {
    expect((await v3.issueFields.getFields()).map((f) => f.id)).toContain('customfield_10010');
    expect((await v2.workflowStatuses.getStatuses()).map((s) => s.name)).toContain('In Progress');
    expect((await v3.projects.searchProjects()).values?.map((p) => p.key)).toEqual(['ACME', 'OPS', 'SEC']);
    const wf = await v3.workflows.getWorkflowsPaginated({ expand: 'transitions' });
    expect(wf.values?.map((w) => w.id.name)).toEqual(['Software Workflow', 'Simple Workflow']);
  });
});
