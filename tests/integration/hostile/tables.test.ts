/**
 * The hostile suite's tables keep their promise (issue 17, "Done means"): at least 150 REST cases
 * across every route family and 60 CLI cases across every command, names unique, and a sample that
 * is deterministic, holds every `always` case and every family, and is a fifth of the whole.
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

type Named = { name: string; tags?: readonly 'always'[] };
/** Every family of both kinds, as the sampler sees them. */
const FAMILIES: readonly { family: string; cases: readonly Named[] }[] = [...REST_FAMILIES, ...CLI_FAMILIES];
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
    for (const f of FAMILIES) {
      const names = f.cases.map((c) => c.name);
      expect(
        names.filter((n, i) => names.indexOf(n) !== i),
        f.family,
      ).toEqual([]);
    }
  });

  it('sample every fifth case of each family plus every `always` case, the same every time', () => {
    for (const f of FAMILIES) {
      const sample = sampled(f.cases, false);
      expect(sample, f.family).toEqual(sampled(f.cases, false));
      expect(sample.length, f.family).toBeGreaterThan(0);
      for (const [i, c] of f.cases.entries())
        expect(sample.includes(c), `${f.family}: ${c.name}`).toBe(i % SAMPLE_EVERY === 0 || (c.tags?.includes('always') ?? false));
    }
    const all = [...rest, ...cli];
    const size = FAMILIES.reduce((n, f) => n + sampled(f.cases, false).length, 0);
    expect(size).toBeLessThan(all.length / 3);
    expect(sampled(all, true)).toHaveLength(all.length);
  });
});
