/** What operations record on issues: captured values in bulk, history entries, `updated`; and rollback after a late failure. */
import { describe, expect, it } from 'vitest';
import { applyMigration, revertMigration } from '../../../server/migrate/apply.ts';
import { op } from '../../../server/migrate/api.ts';
import { MigrationError } from '../../../server/migrate/errors.ts';
import type { IssueRestore } from '../../../server/migrate/issue-changes.ts';
import { CTX, hashOf, tinyState } from './helpers.ts';

describe('captured data', () => {
  it('removeField captures every value in bulk (never in args) and writes history', () => {
    const s = tinyState();
    const holders = s.issues.filter((i) => i.customFields.customfield_10011 !== undefined);
    expect(holders.length).toBeGreaterThan(0);
    const { inverse, touched } = applyMigration(s, { description: 't', ops: [op.removeField({ field: 'Platforms' })] }, CTX);
    const restore = inverse.find((r) => r.kind === 'restoreIssues')!;
    const bulk = restore.bulk as IssueRestore[];
    expect(bulk.map((b) => b.id).sort()).toEqual(holders.map((i) => i.id).sort());
    expect(bulk.find((b) => b.id === '10001')!.values).toEqual({ 'customFields.customfield_10011': ['opt-plat-linux', 'opt-plat-mac'] });
    expect(JSON.stringify(restore.args)).not.toContain('opt-plat');
    expect(touched.fields).toEqual(['customfield_10011']);
    const i = s.issues.find((x) => x.key === 'ACME-1')!;
    expect(i.updated).toBe(CTX.now);
    expect(i.history.at(-1)).toMatchObject({
      author: 'u-alice',
      created: CTX.now,
      items: [{ field: 'Platforms', fieldId: 'customfield_10011', to: null }],
    });
  });

  it('a remap writes one history entry per issue with from/to names, and the inverse removes it', () => {
    const s = tinyState();
    const before = structuredClone(s.issues.find((x) => x.key === 'ACME-2')!);
    const { inverse } = applyMigration(
      s,
      { description: 't', ops: [op.removeWorkflowStatus({ workflow: 'Software Workflow', status: 'In Progress', mapTo: 'Open' })] },
      CTX,
    );
    const after = s.issues.find((x) => x.key === 'ACME-2')!;
    expect(after.history).toHaveLength(before.history.length + 1);
    expect(after.history.at(-1)!.items).toEqual([
      { field: 'status', fieldId: 'status', from: '2', fromString: 'In Progress', to: '1', toString: 'Open' },
    ]);
    revertMigration(s, inverse);
    expect(s.issues.find((x) => x.key === 'ACME-2')).toEqual(before);
  });

  it('requireField backfills only empty values in scope', () => {
    const s = tinyState();
    s.issues.find((i) => i.key === 'ACME-1')!.customFields.customfield_10017 = 'cosmic rays';
    applyMigration(
      s,
      { description: 't', ops: [op.requireField({ field: 'Root Cause', projects: ['ACME', 'SEC'], issueTypes: ['Bug'], backfill: 'unknown' })] },
      CTX,
    );
    const bugs = s.issues.filter((i) => i.issueType === '10001');
    expect(bugs.find((i) => i.key === 'ACME-1')!.customFields.customfield_10017).toBe('cosmic rays');
    expect(bugs.every((i) => i.customFields.customfield_10017 !== undefined)).toBe(true);
    expect(bugs.filter((i) => i.updated === CTX.now && i.customFields.customfield_10017 === 'unknown').length).toBeGreaterThan(0);
    expect(s.issues.filter((i) => i.issueType !== '10001').every((i) => i.updated !== CTX.now)).toBe(true);
    expect(s.config.fieldConfigurations[1]!.items).toContainEqual({ field: 'customfield_10017', required: true });
  });

  it('when op 3 fails, ops 1 and 2 (issue remaps included) are undone and the hash is the start', () => {
    const s = tinyState();
    const h0 = hashOf(s);
    const ops = [
      op.removeStatus({ status: 'In Review', mapTo: 'In Progress' }),
      op.removeField({ field: 'Platforms' }),
      op.renameStatus({ from: 'Nope', to: 'X' }),
    ];
    expect(() => applyMigration(s, { description: 't', ops }, CTX)).toThrow(MigrationError);
    expect(hashOf(s)).toBe(h0);
  });
});
