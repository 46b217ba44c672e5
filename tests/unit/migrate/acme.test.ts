/**
 * Operations on the bundled acme snapshot, chosen from its content (so the test follows the
 * fixture as it grows): every apply is reverted to the exact starting hash, and again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { applyMigration, revertMigration } from '../../../server/migrate/apply.ts';
import { op } from '../../../server/migrate/api.ts';
import type { OpCall } from '../../../server/migrate/migration.ts';
import type { TrackerState } from '../../../server/migrate/types.ts';
import { workflowOfIssue } from '../../../server/migrate/ops/common.ts';
import { CTX, hashOf } from './helpers.ts';

let base: TrackerState;

beforeAll(async () => {
  const snap = await readSnapshot('fixtures/acme');
  if (!snap.config) throw new Error(`fixtures/acme does not load: ${snap.problems.map((p) => p.message).join('; ')}`);
  base = { config: snap.config, issues: snap.issues };
});

const fresh = (): TrackerState => structuredClone(base);

/** A status with issues, and a target that is in every workflow of those issues. */
const removableStatus = (s: TrackerState): OpCall => {
  const wfOf = workflowOfIssue(s.config);
  for (const st of s.config.statuses) {
    const wfs = new Set(s.issues.filter((i) => i.status === st.id).map(wfOf));
    if (!wfs.size || [...wfs].some((w) => !w)) continue;
    const target = s.config.statuses.find((t) => t !== st && [...wfs].every((w) => w!.statuses.some((x) => x.status === t.id)));
    if (target) return op.removeStatus({ status: st.name, mapTo: target.name });
  }
  throw new Error('acme has no removable status');
};

const usedOption = (s: TrackerState): OpCall => {
  for (const f of s.config.fields.filter((x) => x.type === 'select')) {
    for (const ctx of f.contexts) {
      const opts = ctx.options ?? [];
      const used = opts.find((o) => s.issues.some((i) => i.customFields[f.id] === o.id));
      const other = opts.find((o) => o !== used);
      if (
        used &&
        other &&
        f.contexts.every((c) => !c.options?.some((o) => o.value === used.value) || c.options.some((o) => o.value === other.value))
      ) {
        return op.removeOption({ field: f.name, option: used.value, replaceWith: other.value });
      }
    }
  }
  throw new Error('acme has no select option in use');
};

const usedField = (s: TrackerState): OpCall => {
  const inRules = JSON.stringify(s.config.workflows);
  const f = s.config.fields.find((x) => x.custom && !inRules.includes(`"${x.id}"`) && s.issues.some((i) => i.customFields[x.id] !== undefined));
  if (!f) throw new Error('acme has no removable field with values');
  return op.removeField({ field: f.name });
};

describe('operations on fixtures/acme', () => {
  const cases: Array<[string, (s: TrackerState) => OpCall[]]> = [
    ['renameStatus', (s) => [op.renameStatus({ from: s.config.statuses[0]!.name, to: 'Renamed Status' })]],
    ['removeStatus with mapTo', (s) => [removableStatus(s)]],
    ['removeOption with replaceWith', (s) => [usedOption(s)]],
    ['removeField', (s) => [usedField(s)]],
    ['all of them in one migration', (s) => [removableStatus(s), usedOption(s), usedField(s)]],
  ];
  it.each(cases)('%s', (_name, build) => {
    const s = fresh();
    const h0 = hashOf(s);
    const m = { description: 'acme', ops: build(s) };
    const first = applyMigration(s, m, { ...CTX, hashBefore: h0 });
    const h1 = hashOf(s);
    expect(h1).not.toBe(h0);
    revertMigration(s, JSON.parse(JSON.stringify(first.inverse)));
    expect(hashOf(s)).toBe(h0);
    const second = applyMigration(s, m, CTX);
    expect(hashOf(s)).toBe(h1);
    revertMigration(s, second.inverse);
    expect(hashOf(s)).toBe(h0);
  });
});
