import { describe, expect, it } from 'vitest';
import { checkShape } from '../../../server/model/shape.ts';
import { formatProblem } from '../../../server/model/problems.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

type Content = ReturnType<typeof tinyContent>;
const conditions = (c: Content) => c.config.workflows[0]!.transitions[1]!.rules.conditions!.conditions as unknown[];
const postFunctions = (c: Content) => c.config.workflows[0]!.transitions[1]!.rules.postFunctions as unknown[];

const CASES: { name: string; mutate: (c: Content) => void; expected: string[] }[] = [
  {
    name: 'unknown condition type: one message listing the types',
    mutate: (c) => {
      conditions(c).push({ type: 'inGrop', group: 'g' });
    },
    expected: [
      "config.json: workflows[0].transitions[1].rules.conditions.conditions[2]: unknown type 'inGrop' (expected one of: permission, inGroup, inProjectRole, isAssignee, isReporter, fieldValue)",
    ],
  },
  {
    name: 'known condition type with a typo in a key: only that branch',
    mutate: (c) => {
      conditions(c).push({ type: 'inGroup', grop: 'g' });
    },
    expected: [
      "config.json: workflows[0].transitions[1].rules.conditions.conditions[2]: missing required property 'group'",
      "config.json: workflows[0].transitions[1].rules.conditions.conditions[2]: unknown property 'grop' (remove it or move it into 'ext')",
    ],
  },
  {
    name: 'nested condition tree with a bad operator',
    mutate: (c) => {
      conditions(c).push({ op: 'xor', conditions: [] });
    },
    expected: ['config.json: workflows[0].transitions[1].rules.conditions.conditions[2].op: "xor" is not allowed (expected one of: all, any)'],
  },
  {
    name: 'unknown post function type',
    mutate: (c) => {
      postFunctions(c).push({ type: 'sendMail' });
    },
    expected: [
      "config.json: workflows[0].transitions[1].rules.postFunctions[1]: unknown type 'sendMail' (expected one of: setResolution, clearResolution, assign, setField, addComment)",
    ],
  },
  {
    name: 'wrong type names the value',
    mutate: (c) => {
      (c.config.statuses[0] as { name: unknown }).name = 42;
    },
    expected: ['config.json: statuses[0].name: 42 has the wrong type (expected string)'],
  },
  {
    name: 'enum names the allowed values',
    mutate: (c) => {
      (c.config.statuses[0] as { category: unknown }).category = 'finished';
    },
    expected: ['config.json: statuses[0].category: "finished" is not allowed (expected one of: todo, in-progress, done)'],
  },
];

describe('checkShape', () => {
  it('accepts every part of tiny', () => {
    const c = tinyContent();
    expect(checkShape('config', c.config, 'config.json')).toEqual([]);
    for (const i of c.issues) expect(checkShape('issue', i, 'issues.json')).toEqual([]);
    expect(checkShape('integration', c.integrations[0]!.data, 'x.json')).toEqual([]);
  });
  it.each(CASES)('$name', ({ mutate, expected }) => {
    const c = tinyContent();
    mutate(c);
    expect(checkShape('config', c.config, 'config.json').map(formatProblem)).toEqual(expected);
  });
  it('a nullable value of the wrong type gets one message naming both types', () => {
    const i = { ...tinyContent().issues[0]!, resolution: 5 };
    expect(checkShape('issue', i, 'issues.json', 'issues[0] (ACME-1)').map(formatProblem)).toEqual([
      'issues.json: issues[0] (ACME-1).resolution: 5 has the wrong type (expected string or null)',
    ]);
  });
  it('a manifest with an unknown issue layout', () => {
    const m = { ...tinyContent().manifest, formatVersion: 1, issues: { layout: 'zip' }, contentHashes: {} };
    expect(checkShape('manifest', m, 'manifest.json').map(formatProblem)).toEqual([
      "manifest.json: issues: unknown layout 'zip' (expected one of: single, sharded)",
    ]);
  });
});
