/**
 * The hostile suite's tables keep their promise (issue 17, "Done means"): at least 150 REST cases
 * across every route family and 60 CLI cases across every command, names unique, and a sample that
 * is deterministic, holds every `always` case and every family, no `soak` case, and is a small part of the whole.
 */
import { describe, expect, it } from 'vitest';
import { CLI_FAMILIES } from './cli/index.ts';
import { resolveScript } from './kit/cli-runner.ts';
import { SAMPLE_EVERY, sampled } from './kit/sample.ts';
import { REST_FAMILIES } from './rest/index.ts';

const REST_FAMILY_NAMES = [
  'issues',
  'search/JQL',
  'comments',
  'worklogs',
  'attachments',
  'links',
  'filters',
  'projects/meta',
  'people/users/groups',
  'properties',
  'agile boards',
  'admin config writes',
  'control API',
  'UI forms',
];
const COMMANDS = [
  'rehearse',
  'gate',
  'migrate:up',
  'migrate:down',
  'migrate:status',
  'migrate:plan',
  'migrate:verify',
  'migrate:create',
  'clone',
  'drift',
  'announce',
  'apply',
  'validate',
  'sandbox',
  'fixtures:generate',
];

type Named = { name: string; tags?: readonly ('always' | 'soak')[] };
const rest = REST_FAMILIES.flatMap((f) => f.cases);
const cli = CLI_FAMILIES.flatMap((f) => f.cases);

describe('the hostile tables', () => {
  it('hold at least 150 REST cases over every route family, each family with at least 10', () => {
    expect(rest.length).toBeGreaterThanOrEqual(150);
    expect(REST_FAMILIES.map((f) => f.family)).toEqual(REST_FAMILY_NAMES);
    for (const f of REST_FAMILIES) expect(f.cases.length, f.family).toBeGreaterThanOrEqual(10);
  });

  it('hold at least 60 CLI cases over every command, each command with at least 2', () => {
    expect(cli.length).toBeGreaterThanOrEqual(60);
    for (const command of COMMANDS)
      expect(cli.filter((c) => c.command === command || c.after?.command === command).length, command).toBeGreaterThanOrEqual(2);
  });

  it('name only scripts package.json has, each runnable as npm runs it', () => {
    for (const c of cli) expect(() => resolveScript(c.command), c.command).not.toThrow();
  });

  it('give every case of a family its own name', () => {
    for (const f of [...REST_FAMILIES, ...CLI_FAMILIES] as { family: string; cases: readonly Named[] }[]) {
      const names = f.cases.map((c) => c.name);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        f.family,
      ).toEqual([]);
    }
  });

  it('sample every 5th REST and 10th CLI case of each table plus every `always` case, no `soak` case, the same every time', () => {
    const kinds = [...REST_FAMILIES.map((f) => ({ f, every: SAMPLE_EVERY.rest })), ...CLI_FAMILIES.map((f) => ({ f, every: SAMPLE_EVERY.cli }))] as {
      f: { family: string; cases: readonly Named[] };
      every: number;
    }[];
    let size = 0;
    for (const { f, every } of kinds) {
      const sample = sampled(f.cases, every, false);
      expect(sample, f.family).toEqual(sampled(f.cases, every, false));
      expect(sample.length, f.family).toBeGreaterThan(0);
      for (const [i, c] of f.cases.entries()) {
        const tags = c.tags ?? [];
        expect(sample.includes(c), `${f.family}: ${c.name}`).toBe(!tags.includes('soak') && (i % every === 0 || tags.includes('always')));
      }
      size += sample.length;
    }
    const all = [...rest, ...cli];
    expect(size).toBeLessThan(all.length / 3);
    expect(sampled(all, SAMPLE_EVERY.rest, true)).toHaveLength(all.length);
  });
});
