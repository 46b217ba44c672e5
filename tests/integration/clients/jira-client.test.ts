/** jira-client 8.2.2 against the sandbox, unmodified (legacy POST /search, empty expand=, properties=*all). */
import JiraApi from 'jira-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Harness } from '../http/harness.ts';

let h: Harness;
/** tiny grants nobody ASSIGN_ISSUES (the rules test relies on it); here developers may assign. */
const grantAssign = (s: { config: import('../../../server/model/types.ts').Config }) => {
  s.config.permissionSchemes[0]!.grants.push({ id: 'pg-assign', permission: 'ASSIGN_ISSUES', holder: { type: 'projectRole', value: '10001' } });
};
let jira: JiraApi;
beforeAll(async () => {
  h = await startSandbox('fixtures/tiny', { patch: grantAssign });
  const alice = h.personas.find((p) => p.accountId === 'u-alice')!;
  const url = new URL(h.url);
  jira = new JiraApi({
    protocol: 'http',
    host: url.hostname,
    port: url.port,
    username: alice.email,
    password: alice.token,
    apiVersion: '2',
    strictSSL: false,
  });
});
afterAll(async () => {
  await h.close();
});

describe('jira-client 8.2.2', () => {
  it('server info and current user', async () => {
    expect(((await jira.getServerInfo()) as { deploymentType: string }).deploymentType).toBe('Cloud');
    expect(((await jira.getCurrentUser()) as { accountId: string }).accountId).toBe('u-alice');
  });
  it('searchJira (legacy POST /search)', async () => {
    const res = (await jira.searchJira('project = OPS ORDER BY key ASC', { maxResults: 2, fields: ['summary'] })) as {
      total: number;
      issues: Array<{ key: string }>;
    };
    expect(res.total).toBe(3);
    expect(res.issues.map((i) => i.key)).toEqual(['OPS-1', 'OPS-2']);
  });
  it('findIssue, addNewIssue, updateIssue', async () => {
    expect(((await jira.findIssue('ACME-1')) as { key: string }).key).toBe('ACME-1');
    const created = (await jira.addNewIssue({ fields: { project: { key: 'ACME' }, issuetype: { name: 'Task' }, summary: 'From jira-client' } })) as {
      key: string;
    };
    await jira.updateIssue(created.key, { fields: { summary: 'Edited by jira-client' } });
    expect(((await jira.findIssue(created.key)) as { fields: { summary: string } }).fields.summary).toBe('Edited by jira-client');
  });
  it('transitions, comment, assignee', async () => {
    const { transitions } = (await jira.listTransitions('ACME-7')) as { transitions: Array<{ id: string; name: string }> };
    await jira.transitionIssue('ACME-7', { transition: { id: transitions.find((t) => t.name === 'Start Progress')!.id } });
    expect(((await jira.findIssue('ACME-7')) as { fields: { status: { name: string } } }).fields.status.name).toBe('In Progress');
    expect(((await jira.addComment('ACME-7', 'via jira-client')) as { body: string }).body).toBe('via jira-client');
    await jira.updateAssigneeWithId('OPS-1', 'u-bob');
    expect(((await jira.findIssue('OPS-1')) as { fields: { assignee: { accountId: string } } }).fields.assignee.accountId).toBe('u-bob');
  });
  it('fields, statuses, projects, workflows', async () => {
    expect(((await jira.listFields()) as Array<{ id: string }>).map((f) => f.id)).toContain('customfield_10010');
    expect(((await jira.listStatus()) as Array<{ name: string }>).map((s) => s.name)).toContain('Done');
    expect(((await jira.listProjects()) as Array<{ key: string }>).map((p) => p.key)).toEqual(['ACME', 'OPS', 'SEC']);
    const wf = (await jira.genericGet('workflow/search')) as { values: Array<{ id: { name: string } }> };
    expect(wf.values.map((w) => w.id.name)).toEqual(['Software Workflow', 'Simple Workflow']);
  });
});
