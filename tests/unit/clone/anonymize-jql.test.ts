/**
 * People in JQL: user values become the persona's value of the same kind, at the parser's token
 * positions; everything else stays byte for byte and the result parses to the same query shape.
 */
import { describe, expect, it } from 'vitest';
import { fieldKinds } from '../../../server/clone/anonymize/field-kinds.ts';
import { rewriteJqlPeople } from '../../../server/clone/anonymize/jql-people.ts';
import { keyed } from '../../../server/clone/anonymize/keyed.ts';
import { buildPersonas } from '../../../server/clone/anonymize/personas.ts';
import { peopleReplacer } from '../../../server/clone/anonymize/text.ts';
import { parseJql } from '../../../server/model/jql/index.ts';
import { tinyConfig } from '../../helpers/tiny-config.ts';

const config = tinyConfig();
config.users.find((u) => u.accountId === 'u-bob')!.refs = { name: 'bbuilder' };
config.users.push({ accountId: 'u-q', displayName: 'Quote "Q" O\'Neil', email: 'q@tiny.example', active: true, groups: [] });
config.users.push({ accountId: '5b10ac8d82e05b22cc7d4ef5', displayName: 'Opal Opaque', email: 'opal@tiny.example', active: true, groups: [] });
const personas = buildPersonas(config.users, keyed('k'));
const kinds = fieldKinds(config);
const rewrite = (jql: string) => rewriteJqlPeople(jql, kinds.isUserRef, personas, peopleReplacer(personas));
const bob = personas.byAccountId.get('u-bob')!;
const carol = personas.byAccountId.get('u-carol')!;
const q = personas.byAccountId.get('u-q')!;

const CASES: Array<{ name: string; jql: string; want: () => string; rewritten: number; unknown?: number }> = [
  { name: 'quoted display name', jql: 'assignee = "Bob Builder"', want: () => `assignee = "${bob.displayName}"`, rewritten: 1 },
  {
    name: 'single-quoted, any case',
    jql: "reporter = 'bob builder' ORDER BY created",
    want: () => `reporter = '${bob.displayName}' ORDER BY created`,
    rewritten: 1,
  },
  {
    name: 'bare e-mail in a list with an account id',
    jql: 'reporter in (bob@tiny.example, 5b10ac8d82e05b22cc7d4ef5)',
    want: () => `reporter in (${bob.email}, 5b10ac8d82e05b22cc7d4ef5)`,
    rewritten: 1,
  },
  { name: 'bare username (Data Center)', jql: 'assignee = bbuilder', want: () => `assignee = ${bob.username}`, rewritten: 1 },
  { name: 'user custom field by name', jql: 'Reviewer = "Carol Coder"', want: () => `Reviewer = "${carol.displayName}"`, rewritten: 1 },
  { name: 'user custom field by cf[N]', jql: 'cf[10013] != carol@tiny.example', want: () => `cf[10013] != ${carol.email}`, rewritten: 1 },
  {
    name: 'WAS … BY, CHANGED FROM … TO',
    jql: 'assignee WAS "Bob Builder" BY carol@tiny.example AND assignee CHANGED FROM bbuilder TO "Carol Coder"',
    want: () => `assignee WAS "${bob.displayName}" BY ${carol.email} AND assignee CHANGED FROM ${bob.username} TO "${carol.displayName}"`,
    rewritten: 4,
  },
  {
    name: 'functions and opaque account ids stay',
    jql: 'assignee = currentUser() OR reporter IN membersOf("developers") OR assignee = 5b10ac8d82e05b22cc7d4ef5',
    want: () => 'assignee = currentUser() OR reporter IN membersOf("developers") OR assignee = 5b10ac8d82e05b22cc7d4ef5',
    rewritten: 0,
  },
  { name: 'an account id that spells its user follows the user', jql: 'assignee = u-bob', want: () => `assignee = ${bob.accountId}`, rewritten: 1 },
  {
    name: 'non-user fields stay even when a value looks like a name',
    jql: 'summary = "Bob Builder" AND labels = bbuilder',
    want: () => 'summary = "Bob Builder" AND labels = bbuilder',
    rewritten: 0,
  },
  {
    name: 'text search naming a person',
    jql: 'text ~ "Bob Builder and carol@tiny.example"',
    want: () => `text ~ "${bob.displayName} and ${carol.email}"`,
    rewritten: 1,
  },
  {
    name: 'a persona needing quotes is quoted and escaped',
    jql: 'assignee = q@tiny.example AND reporter = "Quote \\"Q\\" O\'Neil"',
    want: () => `assignee = ${q.email} AND reporter = "${q.displayName}"`,
    rewritten: 2,
  },
  {
    name: 'unknown people stay and are counted',
    jql: 'assignee = "Somebody Else"',
    want: () => 'assignee = "Somebody Else"',
    rewritten: 0,
    unknown: 1,
  },
];

describe('JQL people', () => {
  it.each(CASES)('$name', ({ jql, want, rewritten, unknown = 0 }) => {
    const r = rewrite(jql);
    expect(r.jql).toBe(want());
    expect(r.rewritten).toBe(rewritten);
    expect(r.unknown).toBe(unknown);
    expect(() => parseJql(r.jql)).not.toThrow();
  });

  it('reports the terms of text searches after people in them were replaced', () => {
    expect(rewrite('summary ~ "login page" OR text ~ check*').terms).toEqual(['login', 'page', 'check*']);
    expect(rewrite('text ~ "Bob Builder"').terms).toEqual(bob.displayName.toLowerCase().split(' '));
  });
});
