/** Precondition errors: unknown and ambiguous names with candidates, missing mappings, bad targets; the state is untouched. */
import { describe, expect, it } from 'vitest';
import { applyMigration } from '../../../server/migrate/apply.ts';
import { op } from '../../../server/migrate/api.ts';
import { MigrationError } from '../../../server/migrate/errors.ts';
import { opDefinition } from '../../../server/migrate/ops/registry.ts';
import type { OpCall } from '../../../server/migrate/migration.ts';
import type { TrackerState } from '../../../server/migrate/types.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

interface Bad {
  name: string;
  ops: OpCall[];
  message: RegExp;
  candidates?: RegExp;
  setup?: (s: TrackerState) => void;
}

const BAD: Bad[] = [
  {
    name: 'unknown status, closest suggested',
    ops: [op.renameStatus({ from: 'In Reveiw', to: 'X' })],
    message: /op 1 \(renameStatus\) failed: from: there is no status named 'In Reveiw'; did you mean 'In Review'/,
    candidates: /In Review/,
  },
  {
    name: 'ambiguous status name lists every match',
    setup: (s) => void s.config.statuses.push({ id: '99', name: 'open', category: 'todo' }),
    ops: [op.renameStatus({ from: 'Open', to: 'New' })],
    message: /the status name 'Open' is ambiguous: 2 match/,
    candidates: /'Open' \(id 1\), 'open' \(id 99\)/,
  },
  {
    name: 'missing mapTo names the issues',
    ops: [op.removeStatus({ status: 'In Progress' })],
    message: /mapTo is required: 3 issue\(s\) are in status 'In Progress' \(e\.g\. ACME-2, OPS-1, SEC-1\)/,
  },
  {
    name: 'mapTo not in the workflow',
    ops: [op.removeStatus({ status: 'In Review', mapTo: 'Backlog' })],
    message: /status 'Backlog' is not in workflow 'Software Workflow'.*addWorkflowStatus/,
  },
  {
    name: 'removeWorkflowStatus mapTo outside the workflow',
    ops: [op.removeWorkflowStatus({ workflow: 'Simple Workflow', status: 'Closed', mapTo: 'Done' })],
    message: /mapTo: status 'Done' is not in workflow 'Simple Workflow'/,
  },
  { name: 'rename to a taken name', ops: [op.renameStatus({ from: 'Open', to: 'done' })], message: /a status named 'Done' \(id 4\) already exists/ },
  {
    name: 'second op fails: position 2',
    ops: [op.renameStatus({ from: 'Open', to: 'New' }), op.removeResolution({ resolution: 'Fixed' })],
    message: /op 2 \(removeResolution\) failed: mapTo is required/,
  },
  {
    name: 'removeOption without replaceWith',
    ops: [op.removeOption({ field: 'Severity', option: 'Critical' })],
    message: /replaceWith is required: 1 issue\(s\) hold 'Critical'/,
  },
  {
    name: 'requireField where the create screen lacks it',
    ops: [op.requireField({ field: 'Target Date', projects: ['OPS'] })],
    message: /not on the create screen of OPS × Task \(screen 'Ops Screen'\).*addFieldToScreen/,
  },
  {
    name: 'requireField on a shared field configuration',
    ops: [op.requireField({ field: 'Root Cause', projects: ['ACME'], issueTypes: ['Bug'] })],
    message: /shared with SEC × Bug/,
  },
  {
    name: 'removeField used by workflow rules',
    ops: [op.removeField({ field: 'Reviewer' })],
    message: /workflow rules use field 'Reviewer': Software Workflow › Request Review/,
  },
  { name: 'removeField of a system field', ops: [op.removeField({ field: 'Due date' })], message: /is a system field/ },
  {
    name: 'removeFieldFromScreen while required there',
    ops: [op.removeFieldFromScreen({ screen: 'Default Screen', field: 'Severity' })],
    message: /required in ACME × Bug.*optionalField/,
  },
  {
    name: 'removeIssueType across sub-task kinds',
    ops: [op.removeIssueType({ issueType: 'Sub-task', mapTo: 'Task' })],
    message: /is not a sub-task type/,
  },
  {
    name: 'setWorkflow without statusMap',
    ops: [op.setWorkflow({ scheme: 'Software Workflow Scheme', issueType: 'Bug', workflow: 'Simple Workflow' })],
    message: /statusMap must map 'Open' \(1 issue\(s\)\)/,
  },
  {
    name: 'unknown permission key',
    ops: [op.grant({ scheme: 'Default Permission Scheme', permission: 'BROWSE_PROJECT' as 'BROWSE_PROJECTS', holder: 'anyone' })],
    message: /did you mean 'BROWSE_PROJECTS'/,
  },
  {
    name: 'revoke a grant that does not exist',
    ops: [op.revoke({ scheme: 'Default Permission Scheme', permission: 'EDIT_ISSUES', holder: 'anyone' })],
    message: /does not grant EDIT_ISSUES to anyone/,
  },
  {
    name: 'unknown user',
    ops: [op.addGroupMember({ group: 'developers', user: 'Dave Defnder' })],
    message: /no user named 'Dave Defnder'; did you mean 'Dave Defender'/,
  },
  {
    name: 'bad project key',
    ops: [op.addProject({ key: 'pay', name: 'Payments', lead: 'Bob Builder', like: 'ACME' })],
    message: /is not a project key/,
  },
];

describe('precondition errors', () => {
  it.each(BAD)('$name', ({ ops, message, candidates, setup }) => {
    const s = tinyState();
    setup?.(s);
    const h0 = hashOf(s);
    let err: unknown;
    try {
      applyMigration(s, { description: 't', ops }, CTX);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MigrationError);
    const e = err as MigrationError;
    expect(e.message).toMatch(message);
    expect(e.message).toContain(CTX.migrationId);
    expect(e.restored).toBe(true);
    if (candidates) expect(e.details.join('\n')).toMatch(candidates);
    expect(hashOf(s)).toBe(h0);
  });

  it('check() reports the same problem without changing anything', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const problems = opDefinition('removeStatus')!.check(s, { status: 'Open' });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/mapTo is required/);
    expect(opDefinition('removeStatus')!.check(s, { status: 'Open', mapTo: 'In Progress' })).toEqual([]);
    expect(hashOf(s)).toBe(h0);
  });
});
