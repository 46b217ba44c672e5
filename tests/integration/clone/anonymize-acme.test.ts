/**
 * The anonymiser on the bundled production-like snapshot (fixtures/acme, 3,000 issues): the
 * configuration's structure is untouched, every issue keeps its skeleton and the shape of its text,
 * nobody's name or e-mail survives, the result validates, every saved filter finds the same issues,
 * and the same key gives byte-identical output.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymizeSnapshot } from '../../../server/clone/anonymize/index.ts';
import type { Config, Issue } from '../../../server/model/types.ts';
import { validateSnapshotData } from '../../../server/model/validate.ts';
import { readSnapshot } from '../../../server/store/snapshot-read.ts';
import { writeSnapshot } from '../../../server/store/snapshot-write.ts';
import { Tracker, fixedClock } from '../../../server/tracker/index.ts';

type Out = ReturnType<typeof anonymizeSnapshot>;
let src: { config: Config; issues: Issue[]; integrations: NonNullable<Out['integrations']> };
let out: Out;
let tmp: string;

beforeAll(async () => {
  const s = await readSnapshot('fixtures/acme');
  src = { config: s.config!, issues: s.issues, integrations: s.integrations.map((i) => i.data) };
  out = anonymizeSnapshot(src, { key: createHash('sha256').update('https://acme.atlassian.net').digest('hex') });
  tmp = await mkdtemp(join(tmpdir(), 'understudy-anon-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** JSON with sorted keys: equal canonical text means equal content, order of lists included. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x,
  );
const sha = (v: unknown) => createHash('sha256').update(canonical(v)).digest('hex');

/** Configuration parts that are structure: not one byte may change. */
const STRUCTURE = [
  '$schema',
  'tracker',
  'statuses',
  'issueTypes',
  'priorities',
  'resolutions',
  'issueLinkTypes',
  'fields',
  'groups',
  'roles',
  'globalPermissions',
  'projects',
  'issueTypeSchemes',
  'workflows',
  'workflowSchemes',
  'screens',
  'screenSchemes',
  'issueTypeScreenSchemes',
  'fieldConfigurations',
  'fieldConfigurationSchemes',
  'permissionSchemes',
  'notificationSchemes',
  'boards',
] as const;
/** Where people are: users (names, e-mails) and filters (JQL, names). */
const PEOPLE = ['users', 'filters'] as const;

/** Letters → U/l, digits → D: what "the same shape" means, character by character. */
const shape = (s: string | null | undefined) =>
  (s ?? '')
    .replace(/\p{Lu}/gu, 'U')
    .replace(/\p{Ll}/gu, 'l')
    .replace(/[0-9]/g, 'D');

describe('anonymising fixtures/acme', () => {
  it('leaves every structural part of the configuration byte-identical', () => {
    expect(new Set(Object.keys(src.config))).toEqual(new Set([...STRUCTURE, ...PEOPLE]));
    for (const key of STRUCTURE) expect(sha(out.config[key]), key).toBe(sha(src.config[key]));
    const userSkeleton = (c: Config) => c.users.map(({ displayName: _n, email: _e, ...rest }) => rest);
    expect(sha(userSkeleton(out.config))).toBe(sha(userSkeleton(src.config)));
    // acme's filters name nobody (their people are account ids and currentUser()): they stay as they are.
    expect(sha(out.config.filters)).toBe(sha(src.config.filters));
    // Cloud account ids are opaque: all stay.
    expect(out.report.people.accountIdsReplaced).toBe(0);
  });

  it("keeps every issue's skeleton and the character shape of its free text", () => {
    const textFields = new Set(src.config.fields.filter((f) => f.custom && ['text', 'paragraph', 'url'].includes(f.type)).map((f) => f.id));
    const userFields = new Set([
      'assignee',
      'reporter',
      ...src.config.fields.filter((f) => f.type === 'user' || f.type === 'multi-user').map((f) => f.id),
    ]);
    const skeleton = (i: Issue) => ({
      ...i,
      summary: shape(i.summary),
      description: shape(i.description),
      environment: shape(i.environment),
      customFields: Object.fromEntries(Object.entries(i.customFields).map(([k, v]) => [k, textFields.has(k) ? shape(v as string) : v])),
      comments: i.comments.map((c) => ({ ...c, body: shape(c.body) })),
      history: i.history.map((h) => ({
        ...h,
        items: h.items.map((it) => (userFields.has(it.fieldId ?? it.field) ? { ...it, fromString: null, toString: null } : it)),
      })),
    });
    expect(out.issues.length).toBe(3000);
    const differing = out.issues.filter((i, n) => canonical(skeleton(i)) !== canonical(skeleton(src.issues[n]!))).map((i) => i.key);
    expect(differing).toEqual([]);
  });

  it('changes the free text: summaries, descriptions, comments, text custom fields', () => {
    const changed = (a: Array<string | null | undefined>, b: Array<string | null | undefined>) =>
      a.filter((x, n) => x && x !== b[n]).length / a.filter(Boolean).length;
    expect(
      changed(
        out.issues.map((i) => i.summary),
        src.issues.map((i) => i.summary),
      ),
    ).toBe(1);
    expect(
      changed(
        out.issues.map((i) => i.description),
        src.issues.map((i) => i.description),
      ),
    ).toBeGreaterThan(0.99);
    expect(
      changed(
        out.issues.flatMap((i) => i.comments.map((c) => c.body)),
        src.issues.flatMap((i) => i.comments.map((c) => c.body)),
      ),
    ).toBeGreaterThan(0.99);
    const cf = (c: { issues: Issue[] }, id: string) => c.issues.map((i) => i.customFields[id] as string | undefined);
    for (const id of ['customfield_10015', 'customfield_10016', 'customfield_10050', 'customfield_10051'])
      expect(changed(cf(out, id), cf(src, id)), id).toBe(1);
    // The pull-request field has a format validator: its host and literal path words stay, the repository and number change.
    expect(
      cf(out, 'customfield_10035')
        .filter(Boolean)
        .every((v) => /^https:\/\/github\.com\/acme\/[a-z0-9-]+\/pull\/[0-9]+$/.test(v!)),
    ).toBe(true);
    expect(changed(cf(out, 'customfield_10035'), cf(src, 'customfield_10035'))).toBe(1);
  });

  it("leaves no person's name, e-mail or mailbox anywhere in the output (service accounts keep tool names)", () => {
    const { report: _r, ...content } = out;
    const json = JSON.stringify(content);
    const people = src.config.users.filter((u) => !u.serviceAccount);
    const needles = people.flatMap((u) => [
      u.displayName,
      u.email,
      u.email.split('@')[0]!,
      ...u.displayName.split(/\s+/).filter((p) => p.length > 2),
    ]);
    const leaks = [...new Set(needles)].filter((n) =>
      new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(json),
    );
    expect(leaks).toEqual([]);
    expect(json).not.toContain('@acme.example');
    expect(out.integrations!.map((i) => i.as)).toEqual(
      src.integrations.map((i) => i.as.replace(/@acme\.example$/, `@${out.config.users[0]!.email.split('@')[1]}`)),
    );
  });

  it('names each person consistently: every changelog name is the persona of the id beside it, every integration signs in as a user', () => {
    const names = new Map(out.config.users.map((u) => [u.accountId, u.displayName]));
    const sourceNames = new Map(src.config.users.map((u) => [u.accountId, u.displayName]));
    const pairs = out.issues
      .flatMap((i) => i.history.flatMap((h) => h.items))
      .filter((it) => ['assignee', 'customfield_10055'].includes(it.fieldId ?? ''))
      .flatMap((it) => [
        [it.from, it.fromString],
        [it.to, it.toString],
      ])
      .filter(([id]) => id !== null) as Array<[string, string]>;
    expect(pairs.length).toBeGreaterThan(2000);
    expect(pairs.filter(([id, shown]) => names.get(id) !== shown)).toEqual([]);
    expect(pairs.filter(([id, shown]) => sourceNames.get(id) === shown)).toEqual([]);
    const emails = new Set(out.config.users.map((u) => u.email));
    expect(out.integrations!.filter((i) => !emails.has(i.as))).toEqual([]);
  });

  it('validates when written as a snapshot', async () => {
    const s = await readSnapshot('fixtures/acme');
    const { $schema: _s, formatVersion: _f, issues: _i, contentHashes: _c, canonicalHash: _h, ...manifest } = s.manifest!;
    const dir = join(tmp, 'snap');
    await writeSnapshot(dir, {
      manifest,
      config: out.config,
      issues: out.issues,
      integrations: out.integrations!.map((data, n) => ({ file: s.integrations[n]!.file, data })),
    });
    const problems = validateSnapshotData(await readSnapshot(dir));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('every saved filter finds the same issues, in the same order, for its owner', () => {
    const clock = fixedClock('2026-11-20T12:00:00Z');
    const before = new Tracker({ config: src.config, issues: [...src.issues] }, { clock });
    const after = new Tracker({ config: out.config, issues: [...out.issues] }, { clock });
    const results = out.config.filters.map((f, n) => {
      const original = src.config.filters[n]!;
      return {
        filter: f.name,
        before: before.searchAll(original.owner, original.jql).map((i) => i.key),
        after: after.searchAll(f.owner, f.jql).map((i) => i.key),
      };
    });
    expect(results.filter((r) => r.before.length > 0).length).toBeGreaterThan(20);
    // The text searches (`text ~ "checkout"`, `summary ~ "login"`) find something, and still find it.
    const searches = results.filter((_r, n) => src.config.filters[n]!.jql.includes('~'));
    expect(searches.map((r) => r.before.length > 0)).toEqual([true, true]);
    for (const r of results) expect(r.after, r.filter).toEqual(r.before);
  });

  it('is deterministic: the same key gives byte-identical output', () => {
    const again = anonymizeSnapshot(src, { key: createHash('sha256').update('https://acme.atlassian.net').digest('hex') });
    const { report: _a, ...a } = again;
    const { report: _b, ...b } = out;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
