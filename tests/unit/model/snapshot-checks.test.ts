import { describe, expect, it } from 'vitest';
import { validateSnapshotData, type SnapshotData } from '../../../server/model/validate.ts';
import { formatProblem } from '../../../server/model/problems.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

const dataOf = (over: Partial<SnapshotData> = {}): SnapshotData => {
  const c = tinyContent();
  const manifest = {
    ...c.manifest,
    formatVersion: 1,
    issues: { layout: 'single', file: 'issues.json' },
    contentHashes: { 'config.json': `sha256:${'a'.repeat(64)}` },
  };
  return {
    manifest,
    config: c.config,
    issues: c.issues,
    issueSources: c.issues.map(() => 'issues.json'),
    integrations: c.integrations,
    fileHashes: { 'config.json': `sha256:${'a'.repeat(64)}` },
    problems: [],
    ...over,
  };
};
const run = (d: SnapshotData) => validateSnapshotData(d).map(formatProblem);

describe('validateSnapshotData', () => {
  it('tiny as read from disk is valid', () => expect(run(dataOf())).toEqual([]));
  it('reports a content hash mismatch', () => {
    expect(run(dataOf({ fileHashes: { 'config.json': `sha256:${'b'.repeat(64)}` } }))[0]).toContain(
      'manifest.json: contentHashes["config.json"]: config.json has hash sha256:bbbb',
    );
  });
  it('reports a file that contentHashes does not cover', () => {
    expect(run(dataOf({ fileHashes: { 'config.json': `sha256:${'a'.repeat(64)}`, 'issues.json': `sha256:${'c'.repeat(64)}` } }))).toEqual([
      'warning: manifest.json: contentHashes: issues.json is not covered by contentHashes (add its sha256, or regenerate the snapshot)',
    ]);
  });
  it('locates issues in NDJSON shards by line, skipping lines that did not parse', () => {
    const d = dataOf();
    const issues = [...(d.issues as { status: string }[])].map((i) => ({ ...i }));
    issues[3]!.status = '99';
    const sources = issues.map((_, i) => (i < 3 ? 'issues/00001.ndjson' : 'issues/00002.ndjson'));
    const problems = [
      { severity: 'error' as const, file: 'issues/00002.ndjson', path: 'line 1', message: 'line 1 is not valid JSON', rule: 'parse' },
    ];
    const out = run({
      ...d,
      issues,
      issueSources: sources,
      problems,
      manifest: { ...(d.manifest as object), issues: { layout: 'sharded', files: ['issues/00001.ndjson', 'issues/00002.ndjson'] } },
    });
    expect(out).toContain(
      "issues/00002.ndjson: line 2 (ACME-4).status: unknown status '99' (known: 1 (Open), 2 (In Progress), 3 (In Review), 4 (Done), 5 (Backlog), 6 (Closed))",
    );
  });
  it('a config with shape errors says the semantic rules were not run, and still checks issue shape', () => {
    const d = dataOf();
    (d.config as { statuses: unknown }).statuses = 'none';
    (d.issues[0] as { summary: unknown }).summary = 7;
    const out = run(d);
    expect(out).toContain('config.json: statuses: "none" has the wrong type (expected array)');
    expect(out).toContain(
      'warning: config.json: (root): semantic rules were not run because config.json has 1 shape error(s); fix them and validate again',
    );
    expect(out).toContain('issues.json: issues[0] (ACME-1).summary: 7 has the wrong type (expected string)');
  });
  it('an issue that is not an object is reported, not a crash', () => {
    const d = dataOf();
    const issues = [...d.issues, 'oops'];
    expect(run({ ...d, issues, issueSources: issues.map(() => 'issues.json') })).toContain(
      'issues.json: issues[12]: "oops" has the wrong type (expected object)',
    );
  });
});
