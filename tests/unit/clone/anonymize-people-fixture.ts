/**
 * The tiny snapshot with Bob Builder (u-bob) in every place a person can appear, for the
 * anonymiser's tests: users (with Data Center name/key), groups, role actors, leads, permission and
 * notification holders, filters (owner, share, JQL by name, e-mail and username), issues
 * (assignee, reporter, watchers, user custom field), comments, changelog, free text and integrations.
 */
import type { Config, Integration, Issue } from '../../../server/model/types.ts';
import { tinyContent } from '../../helpers/tiny-snapshot.ts';

export const BOB = { accountId: 'u-bob', displayName: 'Bob Builder', email: 'bob@tiny.example', username: 'bbuilder' } as const;

export interface PeopleContent {
  config: Config;
  issues: Issue[];
  integrations: Integration[];
}

export const peopleContent = (): PeopleContent => {
  const { config, issues, integrations } = tinyContent();
  const bob = config.users.find((u) => u.accountId === BOB.accountId)!;
  bob.refs = { name: BOB.username, key: BOB.username, self: `https://jira.tiny.example/rest/api/2/user?username=${BOB.username}` };
  config.tracker.deploymentType = 'DataCenter';
  config.projects[0]!.roles[0]!.actors.push({ type: 'user', id: BOB.accountId });
  config.permissionSchemes[0]!.grants.push({ id: 'grant-9', permission: 'ADMINISTER_PROJECTS', holder: { type: 'user', value: BOB.accountId } });
  config.notificationSchemes[0]!.events[0]!.recipients.push({ type: 'user', value: BOB.accountId });
  config.filters.push(
    {
      id: '10200',
      name: "Bob Builder's queue",
      owner: BOB.accountId,
      jql: 'assignee = "Bob Builder" AND reporter in (bob@tiny.example, u-carol) ORDER BY created DESC',
      shares: [{ type: 'user', value: BOB.accountId }],
    },
    {
      id: '10201',
      name: 'Handled by bbuilder',
      owner: 'u-carol',
      jql: "Reviewer = BOB@tiny.example OR assignee WAS 'Bob Builder' BY bob@tiny.example OR assignee = currentUser()",
      shares: [],
    },
    { id: '10203', name: 'Mine', owner: BOB.accountId, jql: `assignee = ${BOB.accountId}`, shares: [] },
    {
      id: '10202',
      name: 'Mentions',
      owner: 'u-carol',
      jql: 'text ~ "Bob Builder" OR summary ~ "staging" OR assignee IN membersOf("developers")',
      shares: [],
    },
  );
  const acme1 = issues.find((i) => i.key === 'ACME-1')!;
  acme1.description =
    'Steps: open /login, choose SSO. Ask Bob Builder (bob@tiny.example) or ping [~bbuilder]; see ACME-2 and https://wiki.tiny.example/pages/sso-123456.';
  acme1.comments.push({
    id: 'c-9',
    author: BOB.accountId,
    body: 'Bob Builder here: reproduced on staging with build 48213.',
    created: '2025-01-04T09:00:00.000Z',
  });
  acme1.history.push({
    id: 'h-9',
    author: BOB.accountId,
    created: '2025-01-04T10:00:00.000Z',
    items: [
      { field: 'assignee', fieldId: 'assignee', from: 'u-carol', fromString: 'Carol Coder', to: BOB.accountId, toString: BOB.displayName },
      { field: 'Reviewer', fieldId: 'customfield_10013', from: null, fromString: null, to: BOB.accountId, toString: BOB.displayName },
      { field: 'summary', fieldId: 'summary', from: null, fromString: 'Login broken for Bob Builder', to: null, toString: acme1.summary },
    ],
  });
  acme1.customFields.customfield_10013 = BOB.accountId;
  acme1.customFields.customfield_10017 = 'Session cookie expired; noticed by bob@tiny.example.';
  acme1.reporter = BOB.accountId;
  const integration = integrations[0]!.data;
  integration.requests.push(
    { method: 'PUT', path: `/rest/api/2/issue/ACME-1/assignee`, body: { name: BOB.username } },
    { method: 'GET', path: `/rest/api/2/user/search?username=${BOB.username}&maxResults=5` },
    {
      method: 'POST',
      path: '/rest/api/3/issue/ACME-1/comment',
      body: {
        body: {
          type: 'doc',
          version: 1,
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'mention', attrs: { id: BOB.accountId, text: '@Bob Builder' } },
                { type: 'text', text: ' please check the build for Bob Builder.' },
              ],
            },
          ],
        },
      },
    },
  );
  return { config, issues, integrations: integrations.map((i) => i.data) };
};
