/**
 * The same source user maps to the same persona in every place a person appears: one row per
 * location, each reading what that place shows for Bob Builder after anonymising.
 */
import { describe, expect, it } from 'vitest';
import { anonymizeSnapshot } from '../../../server/clone/anonymize/index.ts';
import type { Issue } from '../../../server/model/types.ts';
import { BOB, peopleContent } from './anonymize-people-fixture.ts';

const out = anonymizeSnapshot(peopleContent(), { key: 'test-key' });
// tiny's ids spell first names ('u-bob'), so they are replaced too: Bob's id is whatever his became.
const BOB_ID = out.report.translate(BOB.accountId)!;
const CAROL_ID = out.report.translate('u-carol')!;
const user = out.config.users.find((u) => u.accountId === BOB_ID)!;
const P = { displayName: user.displayName, email: user.email, username: out.report.translate(BOB.username)! };
const nameOf = (id: string | null | undefined) => out.config.users.find((u) => u.accountId === id)?.displayName;
const issue = (key: string): Issue => out.issues.find((i) => i.key === key)!;
const acme1 = issue('ACME-1');
const filter = (id: string) => out.config.filters.find((f) => f.id === id)!;
const requests = out.integrations![0]!.requests;

// Each row: what the place shows for Bob, and what it must show (a persona value, or text containing it).
const rows: Array<{ where: string; shows: () => unknown; is: () => string; contains?: true }> = [
  { where: 'user record: display name', shows: () => user.displayName, is: () => P.displayName },
  {
    where: 'user record: account id (it spelled the name, so it is replaced)',
    shows: () => user.accountId.replace(/^anon-[0-9a-f]{16}$/, 'anon-<opaque>'),
    is: () => 'anon-<opaque>',
  },
  { where: 'user record: Data Center name (refs)', shows: () => user.refs?.name, is: () => P.username },
  { where: 'user record: Data Center key (refs)', shows: () => user.refs?.key, is: () => P.username },
  { where: 'user record: self URL (refs)', shows: () => user.refs?.self, is: () => `username=${P.username}`, contains: true },
  { where: 'issue assignee', shows: () => nameOf(acme1.assignee), is: () => P.displayName },
  { where: 'issue reporter', shows: () => nameOf(acme1.reporter), is: () => P.displayName },
  { where: 'issue watcher', shows: () => nameOf(acme1.watchers[0]), is: () => P.displayName },
  { where: 'user custom field', shows: () => nameOf(acme1.customFields.customfield_10013 as string), is: () => P.displayName },
  { where: 'comment author', shows: () => nameOf(acme1.comments.find((c) => c.id === 'c-9')!.author), is: () => P.displayName },
  { where: 'changelog assignee to (id)', shows: () => nameOf(acme1.history.find((h) => h.id === 'h-9')!.items[0]!.to), is: () => P.displayName },
  { where: 'changelog author', shows: () => nameOf(acme1.history.find((h) => h.id === 'h-9')!.author), is: () => P.displayName },
  { where: 'changelog assignee toString', shows: () => acme1.history.find((h) => h.id === 'h-9')!.items[0]!.toString, is: () => P.displayName },
  {
    where: 'changelog user custom field toString',
    shows: () => acme1.history.find((h) => h.id === 'h-9')!.items[1]!.toString,
    is: () => P.displayName,
  },
  {
    where: 'changelog summary fromString (text)',
    shows: () => acme1.history.find((h) => h.id === 'h-9')!.items[2]!.fromString,
    is: () => P.displayName,
    contains: true,
  },
  {
    where: 'role actor',
    shows: () => nameOf(out.config.projects[0]!.roles[0]!.actors.find((a) => a.type === 'user' && a.id === BOB_ID)?.id),
    is: () => P.displayName,
  },
  {
    where: 'group member (developers)',
    shows: () =>
      out.config.users
        .filter((u) => u.groups.includes('g-devs'))
        .map((u) => u.displayName)
        .find((n) => n === P.displayName),
    is: () => P.displayName,
  },
  { where: 'JQL account id (replaced with the user)', shows: () => filter('10203').jql, is: () => `assignee = ${BOB_ID}` },
  { where: 'project lead', shows: () => nameOf(out.config.projects[0]!.lead), is: () => P.displayName },
  { where: 'component lead', shows: () => nameOf(out.config.projects[0]!.components[0]!.lead), is: () => P.displayName },
  {
    where: 'permission holder',
    shows: () => nameOf(out.config.permissionSchemes[0]!.grants.find((g) => g.id === 'grant-9')!.holder.value),
    is: () => P.displayName,
  },
  {
    where: 'notification recipient',
    shows: () => nameOf(out.config.notificationSchemes[0]!.events[0]!.recipients.at(-1)!.value),
    is: () => P.displayName,
  },
  { where: 'filter owner', shows: () => nameOf(filter('10200').owner), is: () => P.displayName },
  { where: 'filter share', shows: () => nameOf(filter('10200').shares[0]!.value), is: () => P.displayName },
  { where: 'filter name', shows: () => filter('10200').name, is: () => `${P.displayName}'s queue` },
  { where: 'JQL assignee = display name', shows: () => filter('10200').jql, is: () => `assignee = "${P.displayName}"`, contains: true },
  { where: 'JQL reporter in (e-mail, …)', shows: () => filter('10200').jql, is: () => `reporter in (${P.email}, ${CAROL_ID})`, contains: true },
  { where: 'JQL user custom field = e-mail (any case)', shows: () => filter('10201').jql, is: () => `Reviewer = ${P.email} OR`, contains: true },
  { where: 'filter name naming a username', shows: () => filter('10201').name, is: () => `Handled by ${P.username}` },
  { where: 'JQL WAS … BY e-mail', shows: () => filter('10201').jql, is: () => `assignee WAS '${P.displayName}' BY ${P.email}`, contains: true },
  { where: 'JQL text search naming a person', shows: () => filter('10202').jql, is: () => `text ~ "${P.displayName}"`, contains: true },
  { where: 'description: name', shows: () => acme1.description, is: () => `${P.displayName} (${P.email})`, contains: true },
  { where: 'description: [~username] mention', shows: () => acme1.description, is: () => `[~${P.username}]`, contains: true },
  { where: 'comment body', shows: () => acme1.comments.find((c) => c.id === 'c-9')!.body, is: () => `${P.displayName} `, contains: true },
  { where: 'text custom field', shows: () => acme1.customFields.customfield_10017, is: () => P.email, contains: true },
  { where: 'integration as', shows: () => out.integrations![0]!.as, is: () => P.email },
  { where: 'integration body {name}', shows: () => (requests.find((r) => r.method === 'PUT')!.body as { name: string }).name, is: () => P.username },
  {
    where: 'integration path ?username=',
    shows: () => requests.find((r) => r.method === 'GET')!.path,
    is: () => `username=${P.username}&`,
    contains: true,
  },
  { where: 'integration body {accountId}', shows: () => JSON.stringify(requests[1]!.body), is: () => `{"accountId":"${BOB_ID}"}`, contains: true },
  { where: 'integration ADF mention id', shows: () => JSON.stringify(requests.at(-1)!.body), is: () => `"id":"${BOB_ID}"`, contains: true },
  { where: 'integration ADF mention', shows: () => JSON.stringify(requests.at(-1)!.body), is: () => `"text":"@${P.displayName}"`, contains: true },
  { where: 'integration ADF text', shows: () => JSON.stringify(requests.at(-1)!.body), is: () => `for ${P.displayName}.`, contains: true },
];

describe('one persona per person, everywhere', () => {
  it('the persona differs from the source in every part', () => {
    expect(P.displayName).not.toBe(BOB.displayName);
    expect(P.email).not.toBe(BOB.email);
    expect(P.username).toMatch(/^[a-z]+\.[a-z]+$/);
    expect(P.email.startsWith(`${P.username}@`)).toBe(true);
  });
  it.each(rows)('$where', ({ shows, is, contains }) => {
    if (contains) expect(String(shows())).toContain(is());
    else expect(shows()).toBe(is());
  });
  it('personas are unique across users', () => {
    const names = out.config.users.map((u) => u.displayName.toLowerCase());
    const emails = out.config.users.map((u) => u.email.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(emails).size).toBe(emails.length);
  });
});
