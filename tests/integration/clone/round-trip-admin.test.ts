/**
 * Round trip of the admin API: configuration changed through REST on a sandbox, then `npm run
 * clone` of that sandbox (--no-anonymize), then a sandbox on the clone answers the same for an
 * admin and a developer — the new status and workflow, field, context, options and default, field
 * configuration item, screen field, grant, notification, group, role actors, filter, version,
 * component, board columns, priority and schemes' descriptions included. Workflow version tokens
 * are left out of the comparison: they count the site's changes and a clone starts them afresh.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runClone } from '../../../server/clone/command.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { compareRest, questionsFor, withoutVersionTokens } from './compare-rest.ts';
import { adminSeesWatchers, recordingIo, removeTempDirs, snapshotErrors, tempDir } from './helpers.ts';

const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
});
afterAll(removeTempDirs);

const CF = 'com.atlassian.jira.plugin.system.customfieldtypes:';

describe('admin writes survive a clone', () => {
  it('acme changed through REST, cloned, served: every persona gets the same answers', async () => {
    const original = await startSandbox('fixtures/acme', { patch: adminSeesWatchers });
    open.push(original);
    const admin = original.personas.find((p) => p.admin)!;
    const call = async (method: string, path: string, body?: unknown) => {
      const r = await original.call(method, path, { as: admin.accountId, ...(body !== undefined ? { body } : {}) });
      expect(r.status, `${method} ${path}: ${r.text.slice(0, 300)}`).toBeLessThan(300);
      return r.body;
    };
    const [triage] = await call('POST', '/rest/api/3/statuses', {
      scope: { type: 'GLOBAL' },
      statuses: [{ name: 'Needs Triage', statusCategory: 'TODO' }],
    });
    const {
      workflows: [bug],
    } = await call('POST', '/rest/api/3/workflows', { workflowIds: ['10100'] });
    await call('POST', '/rest/api/3/workflows/update', {
      statuses: [],
      workflows: [
        {
          ...bug,
          statuses: [{ statusReference: triage.id, properties: {} }, ...bug.statuses],
          transitions: [
            ...bug.transitions.map((t: any) => (t.type === 'INITIAL' ? { ...t, toStatusReference: triage.id } : t)),
            { name: 'Accept', type: 'DIRECTED', toStatusReference: '1', links: [{ fromStatusReference: triage.id }] },
          ],
        },
      ],
    });
    const field = await call('POST', '/rest/api/3/field', { name: 'Cause Category', type: `${CF}select`, description: 'Why it broke' });
    const ctx = await call('POST', `/rest/api/3/field/${field.id}/context`, {
      name: 'Web bugs',
      description: 'Only the web shop',
      projectIds: ['10000'],
      issueTypeIds: ['1'],
    });
    const opts = await call('POST', `/rest/api/3/field/${field.id}/context/${ctx.id}/option`, { options: [{ value: 'Code' }, { value: 'Config' }] });
    await call('PUT', `/rest/api/3/field/${field.id}/context/defaultValue`, {
      defaultValues: [{ contextId: ctx.id, type: 'option.single', optionId: opts.options[1].id }],
    });
    await call('PUT', '/rest/api/3/fieldconfiguration/10001/fields', {
      fieldConfigurationItems: [{ id: 'customfield_10012', isRequired: true, description: 'How bad?' }],
    });
    await call('POST', '/rest/api/3/screens/10012/tabs/100121/fields', { fieldId: field.id });
    await call('POST', '/rest/api/3/permissionscheme/10000/permission', {
      holder: { type: 'group', parameter: 'triage' },
      permission: 'TRANSITION_ISSUES',
    });
    await call('PUT', '/rest/api/3/notificationscheme/10000/notification', {
      notificationSchemeEvents: [{ event: { id: '1' }, notifications: [{ notificationType: 'Group', parameter: 'triage' }] }],
    });
    await call('POST', '/rest/api/3/group', { name: 'auditors' });
    await call('POST', '/rest/api/3/group/user?groupname=auditors', { accountId: admin.accountId });
    await call('POST', '/rest/api/3/project/WEB/role/10000', { group: ['auditors'] });
    // Not a favourite: favourites are a person's preference, outside the configuration, and a clone does not copy them.
    await call('POST', '/rest/api/3/filter', {
      name: 'Triage queue',
      jql: 'project = WEB AND status = "Needs Triage"',
      favourite: false,
      sharePermissions: [{ type: 'project', project: { id: '10000' } }],
    });
    await call('POST', '/rest/api/3/version', { projectId: 10000, name: '9.9', releaseDate: '2027-01-15' });
    await call('POST', '/rest/api/3/component', { project: 'WEB', name: 'Recommendations' });
    await call('POST', '/rest/api/3/priority', { name: 'Blocker', statusColor: '#ff0000' });
    await call('PUT', '/rest/api/3/fieldconfigurationscheme/10000', { description: 'Shared by web and mobile' });
    await call('PUT', '/rest/greenhopper/1.0/rapidviewconfig/columns', {
      rapidViewId: 1,
      mappedColumns: [
        { name: 'Triage', mappedStatuses: [{ id: triage.id }] },
        { name: 'To Do', mappedStatuses: [{ id: '10000' }, { id: '1' }, { id: '4' }] },
        { name: 'Doing', mappedStatuses: [{ id: '3' }, { id: '10001' }, { id: '10010' }], max: 6 },
        { name: 'Done', mappedStatuses: [{ id: '10002' }, { id: '5' }, { id: '6' }] },
      ],
    });

    const out = join(await tempDir('rt-admin'), 'clone');
    const io = recordingIo();
    await runClone(
      {
        from: 'jira',
        url: original.url,
        out,
        issuesPerBucket: 10_000,
        maxIssues: 100_000,
        anonymize: false,
        resume: false,
        concurrency: 4,
        env: { JIRA_EMAIL: admin.email, JIRA_API_TOKEN: admin.token },
      },
      io,
    );
    expect(await snapshotErrors(out)).toEqual([]);
    const copy = await startSandbox(out);
    open.push(copy);
    const dev = original.personas.find((p) => !p.admin && p.groups.includes('developers'))!.accountId;
    const keys = original.ctx.tracker.issues.filter((_, i) => i % 600 === 0).map((i) => i.key);
    const extra = [
      { path: `/rest/api/3/field/${field.id}/context`, adminOnly: true },
      { path: `/rest/api/3/field/${field.id}/context/${ctx.id}/option`, adminOnly: true },
      { path: `/rest/api/3/field/${field.id}/context/defaultValue`, adminOnly: true },
      { path: `/rest/api/3/statuses?id=${triage.id}`, adminOnly: true },
      { path: '/rest/api/3/workflows', method: 'POST' as const, body: { workflowIds: ['10100'] }, adminOnly: true },
      { path: '/rest/api/3/workflowscheme/read', method: 'POST' as const, body: { projectIds: ['10000'] }, adminOnly: true },
      { path: '/rest/api/3/fieldconfigurationscheme', adminOnly: true },
      { path: '/rest/api/3/screens/10012/tabs/100121/fields', adminOnly: true },
      { path: '/rest/api/3/notificationscheme/10000?expand=all', adminOnly: true },
      { path: '/rest/api/3/group/member?groupname=auditors' },
    ];
    const questions = [...questionsFor(original, 3, keys), ...extra];
    const mismatches = await compareRest(original, copy, [admin.accountId, dev], questions, withoutVersionTokens);
    expect(mismatches.slice(0, 5)).toEqual([]);
  }, 180_000);
});
