/**
 * anonymizeSnapshot as a whole on the tiny snapshot with people everywhere: nothing personal
 * survives, the output validates, the same key gives identical output, another key other personas,
 * the input is not mutated, and the report never carries the persona map.
 */
import { describe, expect, it } from 'vitest';
import { anonymizeSnapshot } from '../../../server/clone/anonymize/index.ts';
import { validateSnapshotData } from '../../../server/model/validate.ts';
import type { Config, Integration, Issue } from '../../../server/model/types.ts';
import { BOB, peopleContent } from './anonymize-people-fixture.ts';

const errorsOf = (c: { config: Config; issues: Issue[]; integrations?: Integration[] }) =>
  validateSnapshotData({
    manifest: undefined,
    config: c.config,
    issues: c.issues,
    issueSources: [],
    fileHashes: {},
    problems: [],
    integrations: (c.integrations ?? []).map((data, i) => ({ file: `integrations/${i}.json`, data })),
  }).filter((p) => p.severity === 'error');

const strip = ({ report: _report, ...content }: ReturnType<typeof anonymizeSnapshot>) => content;

describe('anonymizeSnapshot', () => {
  const input = peopleContent();
  const frozen = JSON.stringify(input);
  const out = anonymizeSnapshot(input, { key: 'k-1' });
  const json = JSON.stringify(strip(out));

  it('the input is valid, and so is the output', () => {
    expect(errorsOf(input)).toEqual([]);
    expect(errorsOf(out)).toEqual([]);
  });

  it('no source name, e-mail, mailbox, username or name-spelling id survives anywhere in the output', () => {
    const people = input.config.users.flatMap((u) => [u.displayName, u.email, u.email.split('@')[0]!, u.accountId]);
    const leaks = [...people, BOB.username].filter((s) => json.toLowerCase().includes(s.toLowerCase()));
    expect(leaks).toEqual([]);
    // tiny's ids spell first names ('u-alice'), so all six were replaced.
    expect(out.report.people.accountIdsReplaced).toBe(6);
  });

  it('keeps opaque account ids, and on Data Center replaces user keys that are usernames', () => {
    const c = peopleContent();
    c.config.users.push(
      { accountId: 'JIRAUSER10100', displayName: 'Pat Opaque', email: 'pat@tiny.example', active: true, groups: [] },
      { accountId: 'xq77', displayName: 'Sam Legacy', email: 'sam@tiny.example', active: true, groups: [] },
    );
    const dc = anonymizeSnapshot(c, { key: 'k-1' });
    expect(dc.config.users.map((u) => u.accountId).slice(-2)).toEqual(['JIRAUSER10100', dc.report.translate('xq77')]);
    expect(dc.report.translate('xq77')).toMatch(/^anon-[0-9a-f]{16}$/);
    c.config.tracker.deploymentType = 'Cloud';
    const cloud = anonymizeSnapshot(c, { key: 'k-1' });
    expect(cloud.config.users.map((u) => u.accountId).slice(-2)).toEqual(['JIRAUSER10100', 'xq77']);
  });

  it('does not mutate the input', () => {
    expect(JSON.stringify(input)).toBe(frozen);
  });

  it('is deterministic: the same key gives byte-identical output; another key other personas and words', () => {
    const again = anonymizeSnapshot(peopleContent(), { key: 'k-1' });
    expect(JSON.stringify(strip(again))).toBe(json);
    expect(JSON.stringify(again.report)).toBe(JSON.stringify(out.report));
    const other = anonymizeSnapshot(peopleContent(), { key: 'k-2' });
    const names = (c: { config: Config }) => c.config.users.map((u) => u.displayName);
    expect(names(other)).not.toEqual(names(out));
    expect(other.issues.map((i) => i.summary)).not.toEqual(out.issues.map((i) => i.summary));
  });

  it('keeps ids, keys, dates and option values; people fields follow their (replaced) account ids', () => {
    const id = (x: string | null) => (x === null ? null : (out.report.translate(x) ?? x));
    const pick = (c: { issues: Issue[] }, map: (x: string | null) => string | null) =>
      c.issues.map((i) => [
        i.id,
        i.key,
        i.status,
        map(i.assignee),
        map(i.reporter),
        i.created,
        i.updated,
        i.watchers.map(map),
        i.labels,
        i.customFields.customfield_10010,
      ]);
    expect(pick(out, (x) => x)).toEqual(pick(input, id));
    expect(out.config.users.map((u) => [u.accountId, u.groups, u.active])).toEqual(
      input.config.users.map((u) => [id(u.accountId), u.groups, u.active]),
    );
  });

  it('the report counts what it did and serialises without the persona map', () => {
    expect(out.report.people).toEqual({ users: 6, serviceAccounts: 0, usernames: 1, ambiguousDisplayNames: 0, accountIdsReplaced: 6 });
    expect(out.report.jql.valuesRewritten).toBe(8);
    expect(out.report.integrations).toEqual({ files: 1, asRewritten: 1, asUnknown: 0 });
    expect(out.report.references.assignee).toBeGreaterThan(0);
    expect(out.report.translate(BOB.displayName)).toBe(
      out.config.users.find((u) => u.accountId === out.report.translate(BOB.accountId))!.displayName,
    );
    expect(out.report.translate('Nobody Known')).toBeUndefined();
    const reportJson = JSON.stringify(out.report);
    expect(reportJson).not.toContain('translate');
    expect(reportJson.toLowerCase()).not.toContain('bob');
  });

  it('refuses an empty key', () => {
    expect(() => anonymizeSnapshot(peopleContent(), { key: '' })).toThrow(/non-empty key/);
  });
});
