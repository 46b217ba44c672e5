/**
 * Every public operation on the tiny snapshot: it applies and changes what it should; its recorded
 * inverse restores the exact prior state (canonical hash); applying it again gives the same hash as
 * the first time, and reverting again restores the start; the inverse survives JSON (ledger form).
 */
import { describe, expect, it } from 'vitest';
import { applyMigration, describeMigration, revertMigration } from '../../../server/migrate/apply.ts';
import { op } from '../../../server/migrate/api.ts';
import type { OpCall } from '../../../server/migrate/migration.ts';
import type { TrackerState } from '../../../server/migrate/types.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

interface Case {
  name: string;
  ops: OpCall[];
  effect: (s: TrackerState) => void;
}

const issue = (s: TrackerState, key: string) => s.issues.find((i) => i.key === key)!;
const wf = (s: TrackerState, name: string) => s.config.workflows.find((w) => w.name === name)!;

const CASES: Case[] = [
  {
    name: 'addStatus',
    ops: [op.addStatus({ name: 'Needs Triage', category: 'todo' })],
    effect: (s) => expect(s.config.statuses.at(-1)).toMatchObject({ id: '7', name: 'Needs Triage' }),
  },
  {
    name: 'renameStatus',
    ops: [op.renameStatus({ from: 'In Review', to: 'Code Review' })],
    effect: (s) => expect(s.config.statuses[2]!.name).toBe('Code Review'),
  },
  {
    name: 'removeStatus with mapTo',
    ops: [op.removeStatus({ status: 'In Review', mapTo: 'In Progress' })],
    effect: (s) => {
      expect(s.config.statuses.some((x) => x.name === 'In Review')).toBe(false);
      expect(s.issues.some((i) => i.status === '3')).toBe(false);
    },
  },
  {
    name: 'setStatusCategory',
    ops: [op.setStatusCategory({ status: 'In Review', category: 'done' })],
    effect: (s) => expect(s.config.statuses[2]!.category).toBe('done'),
  },
  {
    name: 'addWorkflowStatus before',
    ops: [
      op.addStatus({ name: 'Needs Triage', category: 'todo' }),
      op.addWorkflowStatus({ workflow: 'Software Workflow', status: 'Needs Triage', before: 'Open' }),
    ],
    effect: (s) => expect(wf(s, 'Software Workflow').statuses[0]!.status).toBe('7'),
  },
  {
    name: 'removeWorkflowStatus',
    ops: [op.removeWorkflowStatus({ workflow: 'Software Workflow', status: 'In Review', mapTo: 'In Progress' })],
    effect: (s) => expect(wf(s, 'Software Workflow').statuses.map((x) => x.status)).toEqual(['1', '2', '4']),
  },
  {
    name: 'addTransition global with rules',
    ops: [
      op.addTransition({
        workflow: 'Software Workflow',
        name: 'Triage',
        from: 'any',
        to: 'Open',
        rules: { conditions: { op: 'all', conditions: [{ type: 'inGroup', group: 'security-team' }] } },
      }),
    ],
    effect: (s) =>
      expect(wf(s, 'Software Workflow').transitions.at(-1)).toMatchObject({
        name: 'Triage',
        type: 'global',
        rules: { conditions: { conditions: [{ group: 'g-security' }] } },
      }),
  },
  {
    name: 'removeTransition',
    ops: [op.removeTransition({ workflow: 'Software Workflow', transition: 'Back to Open' })],
    effect: (s) => expect(wf(s, 'Software Workflow').transitions).toHaveLength(5),
  },
  {
    name: 'renameTransition',
    ops: [op.renameTransition({ workflow: 'Simple Workflow', from: 'Close', to: 'Finish' })],
    effect: (s) => expect(wf(s, 'Simple Workflow').transitions[2]!.name).toBe('Finish'),
  },
  {
    name: 'setTransitionRules',
    ops: [
      op.setTransitionRules({
        workflow: 'Software Workflow',
        transition: 'Done',
        conditions: null,
        validators: [{ type: 'fieldRequired', fields: ['Root Cause'] }],
      }),
    ],
    effect: (s) =>
      expect(wf(s, 'Software Workflow').transitions[3]!.rules).toEqual({
        validators: [{ type: 'fieldRequired', fields: ['customfield_10017'] }],
        postFunctions: expect.any(Array),
      }),
  },
  {
    name: 'setWorkflow with statusMap',
    ops: [
      op.setWorkflow({
        scheme: 'Software Workflow Scheme',
        issueType: 'Task',
        workflow: 'Simple Workflow',
        statusMap: { Open: 'Backlog', 'In Review': 'In Progress', Done: 'Closed' },
      }),
    ],
    effect: (s) =>
      expect(s.issues.filter((i) => i.project === 'ACME' && i.issueType === '10002').every((i) => ['5', '2', '6'].includes(i.status))).toBe(true),
  },
  {
    name: 'addIssueType',
    ops: [op.addIssueType({ name: 'Incident', schemes: ['Ops Issue Type Scheme'] })],
    effect: (s) => expect(s.config.issueTypeSchemes[1]!.issueTypes).toContain('10004'),
  },
  {
    name: 'renameIssueType',
    ops: [op.renameIssueType({ from: 'Task', to: 'Chore' })],
    effect: (s) => expect(s.config.issueTypes[1]!.name).toBe('Chore'),
  },
  {
    name: 'removeIssueType with mapTo',
    ops: [op.removeIssueType({ issueType: 'Bug', mapTo: 'Task' })],
    effect: (s) => expect(s.issues.some((i) => i.issueType === '10001')).toBe(false),
  },
  {
    name: 'addField',
    ops: [op.addField({ name: 'Customer', type: 'select', options: ['Big', 'Small'], default: 'Small', projects: ['ACME'] })],
    effect: (s) =>
      expect(s.config.fields.at(-1)).toMatchObject({
        id: 'customfield_10018',
        contexts: [{ projects: ['ACME'], default: 'customfield_10018-opt-2' }],
      }),
  },
  {
    name: 'renameField',
    ops: [op.renameField({ from: 'Severity', to: 'Impact' })],
    effect: (s) => expect(s.config.fields.find((f) => f.id === 'customfield_10010')!.name).toBe('Impact'),
  },
  {
    name: 'removeField',
    ops: [op.removeField({ field: 'Platforms' })],
    effect: (s) => expect(issue(s, 'ACME-1').customFields.customfield_10011).toBeUndefined(),
  },
  {
    name: 'requireField with backfill',
    ops: [
      op.addFieldToScreen({ screen: 'Ops Screen', field: 'Target Date' }),
      op.requireField({ field: 'Target Date', projects: ['OPS', 'ACME', 'SEC'], backfill: '2025-12-31' }),
    ],
    effect: (s) => expect(s.issues.every((i) => i.customFields.customfield_10015 !== undefined)).toBe(true),
  },
  {
    name: 'optionalField',
    ops: [op.optionalField({ field: 'Severity', issueTypes: ['Bug'] })],
    effect: (s) => expect(s.config.fieldConfigurations[1]!.items.some((i) => i.field === 'customfield_10010')).toBe(false),
  },
  {
    name: 'setFieldDefault',
    ops: [op.setFieldDefault({ field: 'Severity', default: 'Major', projects: ['ACME'] })],
    effect: (s) => expect(s.config.fields.find((f) => f.id === 'customfield_10010')!.contexts[0]!.default).toBe('opt-sev-2'),
  },
  {
    name: 'addOption after',
    ops: [op.addOption({ field: 'Platforms', option: 'BSD', after: 'Linux' })],
    effect: (s) =>
      expect(s.config.fields.find((f) => f.name === 'Platforms')!.contexts[0]!.options!.map((o) => o.value)).toEqual([
        'Linux',
        'BSD',
        'macOS',
        'Windows',
      ]),
  },
  {
    name: 'renameOption',
    ops: [op.renameOption({ field: 'Severity', from: 'Minor', to: 'Low' })],
    effect: (s) => expect(s.config.fields.find((f) => f.name === 'Severity')!.contexts[0]!.options![2]!.value).toBe('Low'),
  },
  {
    name: 'removeOption with replaceWith',
    ops: [op.removeOption({ field: 'Platforms', option: 'macOS', replaceWith: 'Linux' })],
    effect: (s) => expect(issue(s, 'ACME-1').customFields.customfield_10011).toEqual(['opt-plat-linux']),
  },
  {
    name: 'addFieldToScreen',
    ops: [op.addFieldToScreen({ screen: 'Ops Screen', field: 'Severity', after: 'Summary' })],
    effect: (s) => expect(s.config.screens[2]!.tabs[0]!.fields[1]).toBe('customfield_10010'),
  },
  {
    name: 'removeFieldFromScreen',
    ops: [op.removeFieldFromScreen({ screen: 'Ops Screen', field: 'Platforms' })],
    effect: (s) => expect(s.config.screens[2]!.tabs[0]!.fields).not.toContain('customfield_10011'),
  },
  {
    name: 'addPriority before',
    ops: [op.addPriority({ name: 'Blocker', before: 'Highest' })],
    effect: (s) => expect(s.config.priorities[0]!.name).toBe('Blocker'),
  },
  {
    name: 'renamePriority',
    ops: [op.renamePriority({ from: 'Low', to: 'Lowest' })],
    effect: (s) => expect(s.config.priorities[3]!.name).toBe('Lowest'),
  },
  {
    name: 'removePriority',
    ops: [op.removePriority({ priority: 'Highest', mapTo: 'High' })],
    effect: (s) => expect(issue(s, 'ACME-1').priority).toBe('2'),
  },
  { name: 'addResolution', ops: [op.addResolution({ name: 'Cannot Reproduce' })], effect: (s) => expect(s.config.resolutions).toHaveLength(4) },
  {
    name: 'renameResolution',
    ops: [op.renameResolution({ from: 'Duplicate', to: 'Duplicated' })],
    effect: (s) => expect(s.config.resolutions[2]!.name).toBe('Duplicated'),
  },
  {
    name: 'removeResolution (merge)',
    ops: [op.removeResolution({ resolution: 'Fixed', mapTo: "Won't Fix" })],
    effect: (s) => expect(issue(s, 'ACME-3').resolution).toBe('2'),
  },
  {
    name: 'grant',
    ops: [op.grant({ scheme: 'Restricted Permission Scheme', permission: 'EDIT_ISSUES', holder: { group: 'security-team' } })],
    effect: (s) => expect(s.config.permissionSchemes[1]!.grants).toHaveLength(7),
  },
  {
    name: 'revoke',
    ops: [op.revoke({ scheme: 'Default Permission Scheme', permission: 'BROWSE_PROJECTS', holder: 'loggedIn' })],
    effect: (s) => expect(s.config.permissionSchemes[0]!.grants[0]!.id).toBe('pg-2'),
  },
  {
    name: 'addNotification',
    ops: [op.addNotification({ scheme: 'Default Notification Scheme', event: 'assigned', recipient: 'currentAssignee' })],
    effect: (s) => expect(s.config.notificationSchemes[0]!.events).toHaveLength(4),
  },
  {
    name: 'removeNotification',
    ops: [op.removeNotification({ scheme: 'Default Notification Scheme', event: 'commented', recipient: { group: 'developers' } })],
    effect: (s) => expect(s.config.notificationSchemes[0]!.events[1]!.recipients).toHaveLength(2),
  },
  {
    name: 'setFilterJql',
    ops: [op.setFilterJql({ filter: 'Ops board', jql: 'project = OPS' })],
    effect: (s) => expect(s.config.filters[1]!.jql).toBe('project = OPS'),
  },
  {
    name: 'setBoardColumns',
    ops: [
      op.setBoardColumns({
        board: 'OPS board',
        columns: [
          { name: 'To do', statuses: ['Backlog'] },
          { name: 'Done', statuses: ['In Progress', 'Closed'] },
        ],
      }),
    ],
    effect: (s) => expect(s.config.boards[0]!.columns).toHaveLength(2),
  },
  {
    name: 'addProject',
    ops: [op.addProject({ key: 'PAY', name: 'Payments', lead: 'Bob Builder', like: 'ACME' })],
    effect: (s) => expect(s.config.projects.at(-1)).toMatchObject({ key: 'PAY', lead: 'u-bob' }),
  },
  { name: 'archiveProject', ops: [op.archiveProject({ project: 'Operations' })], effect: (s) => expect(s.config.projects[1]!.archived).toBe(true) },
  {
    name: 'addGroupMember',
    ops: [op.addGroupMember({ group: 'security-team', user: 'erin@tiny.example' })],
    effect: (s) => expect(s.config.users[4]!.groups).toEqual(['g-security']),
  },
  {
    name: 'removeGroupMember',
    ops: [op.removeGroupMember({ group: 'developers', user: 'Alice Admin' })],
    effect: (s) => expect(s.config.users[0]!.groups).toEqual(['g-admins']),
  },
  {
    name: 'setRoleActors',
    ops: [op.setRoleActors({ project: 'SEC', role: 'Developers', actors: [{ user: 'Dave Defender' }, { group: 'security-team' }] })],
    effect: (s) => expect(s.config.projects[2]!.roles[1]!.actors).toHaveLength(2),
  },
];

describe('operations: apply, effect, exact inverse, round trip twice', () => {
  it.each(CASES)('$name', ({ ops, effect }) => {
    const s = tinyState();
    const h0 = hashOf(s);
    const m = { description: 't', ops };
    const sentences = describeMigration(m, s);
    expect(sentences.every((x) => x.length > 10 && !x.includes('undefined'))).toBe(true);
    const first = applyMigration(s, m, CTX);
    effect(s);
    const h1 = hashOf(s);
    expect(h1).not.toBe(h0);
    const ledger = JSON.parse(JSON.stringify(first.inverse)); // what the ledger stores
    revertMigration(s, ledger);
    expect(hashOf(s)).toBe(h0);
    const second = applyMigration(s, m, CTX);
    expect(hashOf(s)).toBe(h1);
    revertMigration(s, second.inverse);
    expect(hashOf(s)).toBe(h0);
  });
});
