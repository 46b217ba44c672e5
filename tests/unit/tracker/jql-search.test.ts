import { describe, expect, it } from 'vitest';
import { makeTracker, trackerError } from './setup.ts';

const tracker = makeTracker();
const keys = (actor: string | null, jql: string) => tracker.search(actor, jql, { maxResults: 100 }).issues.map((i) => i.key);

describe('JQL results over the tiny snapshot (sorted by key)', () => {
  const cases: Array<[string, string[], string?]> = [
    ['project = ACME AND issuetype = Bug', ['ACME-1', 'ACME-6']],
    ['project = "acme product" AND type = bug', ['ACME-1', 'ACME-6']],
    ['project = 10001', ['OPS-1', 'OPS-2', 'OPS-3']],
    ['status = "In Progress"', ['ACME-2', 'OPS-1', 'SEC-1']],
    ['status in (open, 4)', ['ACME-1', 'ACME-3', 'ACME-7', 'SEC-2']],
    ['statusCategory = Done', ['ACME-3', 'ACME-4', 'OPS-2']],
    ['statusCategory != "To Do"', ['ACME-2', 'ACME-3', 'ACME-4', 'ACME-6', 'OPS-1', 'OPS-2', 'SEC-1']],
    ['priority = Highest', ['ACME-1', 'SEC-1']],
    ['priority >= High', ['ACME-1', 'ACME-2', 'SEC-1']],
    ['priority < Medium', ['ACME-6']],
    ['priority is EMPTY', ['ACME-7']],
    ['resolution = Unresolved AND project = OPS', ['OPS-1', 'OPS-3']],
    ['resolution is not empty', ['ACME-3', 'ACME-4', 'OPS-2']],
    ['resolution in (Fixed, "Won\'t Fix")', ['ACME-3', 'ACME-4', 'OPS-2']],
    ['assignee = "bob@tiny.example"', ['ACME-1', 'ACME-3', 'ACME-5']],
    ['assignee = "Carol Coder" OR reporter = u-carol', ['ACME-2', 'ACME-6', 'OPS-1', 'OPS-3']],
    ['assignee != u-bob', ['ACME-2', 'ACME-4', 'ACME-6', 'OPS-1', 'SEC-1']],
    ['assignee not in (u-bob, u-carol)', ['ACME-4', 'SEC-1']],
    ['assignee is empty', ['ACME-7', 'OPS-2', 'OPS-3', 'SEC-2']],
    ['assignee in (u-dave, EMPTY) AND project = SEC', ['SEC-1', 'SEC-2']],
    ['assignee = currentUser()', ['ACME-1', 'ACME-3', 'ACME-5'], 'u-bob'],
    ['assignee in membersOf("security-team")', ['SEC-1']],
    ['labels = SSO', ['ACME-1']],
    ['labels not in (sso)', ['OPS-1']],
    ['component = Frontend', ['ACME-3']],
    ['component in (Backend)', ['ACME-1', 'ACME-3']],
    ['fixVersion = "1.0"', ['ACME-3']],
    ['fixVersion = 2.0', ['ACME-7']],
    ['affectedVersion = 1.0', ['ACME-1']],
    ['summary ~ sso', ['ACME-1', 'ACME-2']],
    ['summary ~ "release"', ['ACME-3', 'ACME-4', 'ACME-5']],
    ['summary ~ "\\"release notes\\""', ['ACME-4']],
    ['summary ~ "rel*"', ['ACME-3', 'ACME-4', 'ACME-5']],
    ['summary ~ "releases"', []],
    ['summary ~ "sso library"', ['ACME-2']],
    ['text ~ staging', ['ACME-1']],
    ['text ~ copy', ['ACME-6']],
    ['comment ~ shipped', ['ACME-3']],
    ['description ~ scope', ['ACME-7']],
    ['summary !~ sso AND project = ACME', ['ACME-3', 'ACME-4', 'ACME-5', 'ACME-6', 'ACME-7']],
    ['Severity = critical', ['ACME-1']],
    ['cf[10010] in (Major, Minor)', ['ACME-6', 'OPS-1']],
    ['"Severity" = Exploitable', ['SEC-1']],
    ['Severity = opt-sev-2', ['OPS-1']],
    ['Platforms = macOS', ['ACME-1']],
    ['Location = Berlin', ['ACME-1']],
    ['Location = Americas', ['ACME-6']],
    ['"Story Points" > 5', ['ACME-3']],
    ['"Story Points" >= 5', ['ACME-2', 'ACME-3']],
    ['"Story Points" = 8', ['ACME-3']],
    ['"story points" is empty AND project = ACME', ['ACME-1', 'ACME-4', 'ACME-5', 'ACME-6', 'ACME-7']],
    ['Reviewer = currentUser()', ['ACME-6'], 'u-bob'],
    ['"Target Date" < 2025-03-01', ['ACME-2']],
    ['Tags = deps', ['ACME-2']],
    ['project = OPS AND created >= 2025/01/02', ['OPS-1', 'OPS-2', 'OPS-3']],
    ['updated > -7d', []],
    ['project = SEC AND updated < startOfDay(-30d)', ['SEC-1', 'SEC-2']],
    ['created > now()', []],
    ['resolved >= "2025-01-09"', ['ACME-3', 'ACME-4']],
    ['duedate < "2025-01-01"', ['ACME-3']],
    ['key = acme-3', ['ACME-3']],
    ['key in (ACME-1, OPS-2)', ['ACME-1', 'OPS-2']],
    ['key > ACME-5', ['ACME-6', 'ACME-7']],
    ['issuekey != ACME-1 AND project = ACME AND key <= ACME-3', ['ACME-2', 'ACME-3']],
    ['parent = ACME-3', ['ACME-4', 'ACME-5']],
    ['status was "In Progress"', ['ACME-2', 'ACME-3', 'OPS-1', 'SEC-1']],
    ['status was Backlog', ['ACME-5', 'OPS-2', 'OPS-3']],
    ['status was not in (Open, "In Progress")', ['ACME-4', 'ACME-5', 'ACME-6', 'OPS-2', 'OPS-3']],
    ['resolution was Fixed', ['ACME-3', 'ACME-4', 'OPS-2']],
    ['NOT project = ACME', ['OPS-1', 'OPS-2', 'OPS-3', 'SEC-1', 'SEC-2']],
    ['NOT (project = ACME OR project = OPS) AND priority = Highest', ['SEC-1']],
    ['issuetype = Sub-task AND status != Closed', ['ACME-5', 'OPS-3']],
    ['project = SEC AND priority = Highest', ['SEC-1'], 'u-dave'],
    ['', ['ACME-1', 'ACME-2', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-6', 'ACME-7', 'OPS-1', 'OPS-2', 'OPS-3'], 'u-bob'],
  ];
  it.each(cases)('%s', (jql, expected, actor = 'u-alice') => {
    const q = jql ? `${jql} ORDER BY key ASC` : 'ORDER BY key ASC';
    expect(keys(actor, q)).toEqual(expected);
  });
});

describe('JQL order', () => {
  const cases: Array<[string, string[]]> = [
    ['project = OPS', ['OPS-3', 'OPS-2', 'OPS-1']],
    ['project = ACME ORDER BY priority DESC', ['ACME-7', 'ACME-1', 'ACME-2', 'ACME-5', 'ACME-4', 'ACME-3', 'ACME-6']],
    ['project = ACME ORDER BY priority ASC, key ASC', ['ACME-6', 'ACME-3', 'ACME-4', 'ACME-5', 'ACME-2', 'ACME-1', 'ACME-7']],
    ['project = ACME ORDER BY status ASC, key DESC', ['ACME-7', 'ACME-1', 'ACME-2', 'ACME-6', 'ACME-3', 'ACME-5', 'ACME-4']],
    ['project = ACME ORDER BY assignee', ['ACME-5', 'ACME-3', 'ACME-1', 'ACME-6', 'ACME-2', 'ACME-4', 'ACME-7']],
    ['"Story Points" is not empty ORDER BY "Story Points" DESC', ['ACME-3', 'ACME-2']],
    ['project = OPS ORDER BY summary', ['OPS-2', 'OPS-1', 'OPS-3']],
    ['project = OPS ORDER BY key', ['OPS-1', 'OPS-2', 'OPS-3']],
    ['project = OPS ORDER BY Rank ASC', ['OPS-1', 'OPS-2', 'OPS-3']],
    ['project in (SEC, OPS) ORDER BY project DESC, key ASC', ['SEC-1', 'SEC-2', 'OPS-1', 'OPS-2', 'OPS-3']],
  ];
  it.each(cases)('%s', (jql, expected) => {
    expect(keys('u-alice', jql)).toEqual(expected);
  });

  it.each(cases)('a short page of %s is the head of the full order', (jql) => {
    const all = tracker.searchAll('u-alice', jql).map((i) => i.key);
    expect(tracker.search('u-alice', jql, { maxResults: 1 }).issues.map((i) => i.key)).toEqual(all.slice(0, 1));
  });

  it('maxResults 0 counts without returning issues', () => {
    expect(tracker.search('u-alice', 'project = ACME', { maxResults: 0 })).toMatchObject({ total: 7, issues: [] });
  });

  it('pages a stable order', () => {
    const page = tracker.search('u-alice', 'ORDER BY key ASC', { startAt: 2, maxResults: 3 });
    expect(page).toMatchObject({ startAt: 2, maxResults: 3, total: 12 });
    expect(page.issues.map((i) => i.key)).toEqual(['ACME-3', 'ACME-4', 'ACME-5']);
  });
});

describe('JQL errors are 400s worded like Jira', () => {
  const cases: Array<[string, string]> = [
    ['Sevrity = Critical', "Field 'Sevrity' does not exist or you do not have permission to view it."],
    ['status = Dne', "The value 'Dne' does not exist for the field 'status'."],
    ['cf[99999] = x', "Field 'cf[99999]' does not exist or you do not have permission to view it."],
    ['Severity = Huge', "The value 'Huge' does not exist for the field 'Severity'."],
    ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
    ['assignee = nobody', "The value 'nobody' does not exist for the field 'assignee'."],
    ['status ~ Open', "The operator '~' is not supported by the 'status' field."],
    ['summary = x', "The operator '=' is not supported by the 'summary' field."],
    ['labels was x', "The operator 'WAS' is not supported by the 'labels' field."],
    ['issuetype > Bug', "The operator '>' is not supported by the 'issuetype' field."],
    [
      'created > yesterday',
      "Date value 'yesterday' for field 'created' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
    ],
    ['assignee in membersOf("nobody")', "Function 'membersOf' can not generate a list of usernames for group 'nobody'; the group does not exist."],
    ['status = currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'status'."],
    ['created > currentUser()', "A value provided by the function 'currentUser' is invalid for the field 'created'."],
    ['assignee = foo()', "Unable to find JQL function 'foo()'."],
    ['key = ACME-99', "An issue with key 'ACME-99' does not exist for field 'key'."],
    ['parent = ACME-99', "An issue with key 'ACME-99' does not exist for field 'parent'."],
    ['"Story Points" > many', "The value 'many' is not a valid number for the field 'Story Points'."],
    ['created > startOfDay(x)', "Incorrect format for the increment 'x' for function 'startOfDay'. Valid formats include: '-1d', '+2w', '1M'."],
    ['project = ACME ORDER BY text', "Field 'text' does not support sorting."],
    ['project = ACME ORDER BY Sevrity', "Field 'Sevrity' does not exist or you do not have permission to view it."],
    ['status = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
  ];
  it.each(cases)('%s', (jql, message) => {
    const e = trackerError(() => tracker.search('u-alice', jql));
    expect(e.status).toBe(400);
    expect(e.body).toEqual({ errorMessages: [message], errors: {} });
    expect(tracker.validateJql('u-alice', jql)).toEqual([message]);
  });

  it.each([
    ['project = SEC', "The value 'SEC' does not exist for the field 'project'."],
    ['key = SEC-1', "An issue with key 'SEC-1' does not exist for field 'key'."],
    ['parent = SEC-1', "An issue with key 'SEC-1' does not exist for field 'parent'."],
  ])('%s names what the actor cannot see as if it did not exist', (jql, message) => {
    expect(trackerError(() => tracker.search('u-bob', jql)).body.errorMessages).toEqual([message]);
    expect(tracker.search('u-dave', jql).total).toBeGreaterThanOrEqual(0);
  });

  it('validateJql accepts good queries', () => {
    expect(tracker.validateJql('u-alice', 'project = ACME AND Severity = Major ORDER BY priority')).toEqual([]);
  });
});

describe('JQL sees changes made through the tracker', () => {
  it('finds a created issue and its transition history', () => {
    const t = makeTracker();
    t.createIssue('u-bob', { project: 'OPS', issueType: '10002', fields: { summary: 'New ops task', labels: ['fresh'] } });
    t.doTransition('u-bob', 'OPS-4', 't-s-start');
    const found = (jql: string) => t.search('u-bob', jql).issues.map((i) => i.key);
    expect(found('labels = fresh')).toEqual(['OPS-4']);
    expect(found('project = OPS AND status was Backlog AND status = "In Progress"')).toEqual(['OPS-4']);
    expect(found('created >= startOfDay() AND created <= endOfDay()')).toEqual(['OPS-4']);
  });
});
