/**
 * Stratified sampling over a memory double of a tracker (generated issues): every project × issue
 * type × status with issues is represented, the cap holds, parents of sub-tasks come along, and the
 * totals are production's.
 */
import { describe, expect, it } from 'vitest';
import { bucketsOf, sampleIssues } from '../../../server/clone/sample.ts';
import type { Bucket, TrackerSource } from '../../../server/clone/types.ts';
import type { Config, Issue } from '../../../server/model/types.ts';
import { tinyConfig } from '../../helpers/tiny-config.ts';
import { tinyIssues } from '../../helpers/tiny-issues.ts';

/** The tiny issues, plus many more in one bucket so that sampling has something to leave out. */
const production = (): Issue[] => {
  const base = tinyIssues();
  const template = base.find((i) => i.key === 'ACME-2')!;
  const more = Array.from({ length: 200 }, (_, n) => ({
    ...structuredClone(template),
    id: String(20000 + n),
    key: `ACME-${100 + n}`,
    updated: `2025-03-01T00:${String(n % 60).padStart(2, '0')}:00.000Z`,
    links: [],
  }));
  return [...base, ...more];
};

const memorySource = (issues: Issue[]): TrackerSource & { searches: string[] } => {
  const searches: string[] = [];
  const match = (jql: string): Issue[] => {
    const b = /^BUCKET (\S+) (\S+) (\S+)$/.exec(jql);
    const keys = /^KEYS (.*)$/.exec(jql);
    const projects = /^PROJECTS (.*)$/.exec(jql);
    const list = b
      ? issues.filter((i) => i.project === b[1] && i.issueType === b[2] && i.status === b[3])
      : keys
        ? issues.filter((i) => keys[1]!.split(',').includes(i.key))
        : projects
          ? issues.filter((i) => projects[1]!.split(',').includes(i.project))
          : [];
    return [...list].sort((x, y) => (x.updated < y.updated ? 1 : -1));
  };
  return {
    searches,
    info: async () => ({ type: 'memory', url: 'memory:', deploymentType: 'Cloud' }),
    readConfig: async () => ({ config: tinyConfig(), omissions: [] }),
    countIssues: async (jql) => match(jql).length,
    searchIssues: async (jql, limit) => {
      searches.push(jql);
      return structuredClone(match(jql).slice(0, limit));
    },
    completeUsers: async (config) => config,
    bucketQuery: (b: Omit<Bucket, 'jql'>) => `BUCKET ${b.project} ${b.issueType} ${b.status}`,
    projectsQuery: (keys) => `PROJECTS ${keys.join(',')}`,
    keysQuery: (keys) => `KEYS ${keys.join(',')}`,
  };
};

const bucketOf = (i: Issue) => `${i.project}/${i.issueType}/${i.status}`;

describe('sampleIssues', () => {
  const config: Config = tinyConfig();
  const all = production();

  it('represents every bucket that has issues, up to N each, within the cap, with totals from production', async () => {
    const source = memorySource(all);
    const s = await sampleIssues(source, config, { perBucket: 2, maxIssues: 30 });
    const buckets = new Set(bucketsOf(source, config).map((b) => `${b.project}/${b.issueType}/${b.status}`));
    const withIssues = new Set(all.map(bucketOf).filter((b) => buckets.has(b)));
    for (const b of withIssues)
      expect(
        s.issues.some((i) => bucketOf(i) === b),
        b,
      ).toBe(true);
    expect(s.issues.length).toBeLessThanOrEqual(30 + s.parentsAdded);
    expect(s.totals.issues).toBe(all.length);
    expect(s.totals['issues.ACME']).toBe(all.filter((i) => i.project === 'ACME').length);
    expect(s.buckets.withIssues).toBe(withIssues.size);
  });

  it('a tight cap keeps one issue per bucket before a second one, and adds parents of sampled sub-tasks', async () => {
    const source = memorySource(all);
    const s = await sampleIssues(source, config, { perBucket: 5, maxIssues: 6 });
    const keys = new Set(s.issues.map((i) => i.key));
    for (const i of s.issues) if (i.parent) expect(keys.has(i.parent), `${i.key}'s parent`).toBe(true);
    const perBucket = new Map<string, number>();
    for (const i of s.issues) perBucket.set(bucketOf(i), (perBucket.get(bucketOf(i)) ?? 0) + 1);
    expect(s.issues.length - s.parentsAdded).toBe(6);
    expect(Math.max(...perBucket.values())).toBeLessThanOrEqual(2);
  });

  it('fills the rest with the most recently updated issues', async () => {
    const source = memorySource(all);
    const s = await sampleIssues(source, config, { perBucket: 1, maxIssues: 60 });
    expect(s.issues.length).toBe(60 + s.parentsAdded);
    expect(source.searches).toContain('PROJECTS ACME,OPS,SEC');
  });
});
