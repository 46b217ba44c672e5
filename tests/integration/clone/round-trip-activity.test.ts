/**
 * A clone reads an issue's activity where Jira's API returns it (issue 18): attachment metadata
 * (content not copied, and the manifest says so), worklogs and estimates, voters, remote links,
 * issue properties, restricted comments. Without anonymising the copy answers the same; anonymised,
 * people become personas and the free text (worklog comments, file names, link titles, property
 * strings) is replaced, extensions kept.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClone } from '../../../server/clone/command.ts';
import { startSandbox, type Harness } from '../http/harness.ts';
import { everydayGrants } from '../everyday/tiny-grants.ts';
import { recordingIo, removeTempDirs, snapshotErrors, tempDir } from './helpers.ts';

const open: Harness[] = [];
let original: Harness;
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
});
afterAll(removeTempDirs);

const auth = (h: Harness, id: string) => {
  const p = h.personas.find((x) => x.accountId === id)!;
  return `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
};

beforeAll(async () => {
  original = await startSandbox('fixtures/tiny', { patch: everydayGrants });
  open.push(original);
  const form = new FormData();
  form.append('file', new Blob(['x'.repeat(40)], { type: 'text/plain' }), 'carol-smith-notes.txt');
  const up = await fetch(`${original.url}/rest/api/2/issue/ACME-1/attachments`, {
    method: 'POST',
    headers: { authorization: auth(original, 'u-bob'), 'X-Atlassian-Token': 'no-check' },
    body: form,
  });
  expect(up.status).toBe(200);
  const calls: Array<[string, string, string, unknown]> = [
    [
      'POST',
      '/rest/api/2/issue/ACME-1/worklog?adjustEstimate=new&newEstimate=4h',
      'bob',
      { timeSpent: '1h', comment: 'Reviewed the payment flow with Carol' },
    ],
    ['POST', '/rest/api/2/issue/ACME-1/comment', 'bob', { body: 'developers only', visibility: { type: 'role', value: 'Developers' } }],
    [
      'POST',
      '/rest/api/2/issue/ACME-1/remotelink',
      'bob',
      { globalId: 'ci:7', object: { url: 'https://ci.example/builds/7', title: 'Build seven' } },
    ],
    ['POST', '/rest/api/2/issue/ACME-2/votes', 'bob', undefined],
    ['PUT', '/rest/api/2/issue/ACME-1/properties/release', 'bob', { train: 'Autumn release', week: 42 }],
    ['PUT', '/rest/api/2/project/ACME/properties/board-colour', 'alice', { colour: 'Autumn orange', dark: true }],
  ];
  for (const [method, path, as, body] of calls)
    expect((await original.call(method, path, { as, ...(body !== undefined ? { body } : {}) })).status).toBeLessThan(300);
});

const clone = async (anonymize: boolean) => {
  const admin = original.personas.find((p) => p.admin)!;
  const out = join(await tempDir('act'), 'clone');
  const { manifest } = await runClone(
    {
      from: 'jira',
      url: original.url,
      out,
      issuesPerBucket: 10_000,
      maxIssues: 100_000,
      anonymize,
      resume: false,
      concurrency: 4,
      env: { JIRA_EMAIL: admin.email, JIRA_API_TOKEN: admin.token },
    },
    recordingIo(),
  );
  expect(await snapshotErrors(out)).toEqual([]);
  const copy = await startSandbox(out);
  open.push(copy);
  return { copy, manifest };
};

const activity = async (h: Harness, as: string) => {
  const f = (await h.call('GET', '/rest/api/2/issue/ACME-1?fields=attachment,worklog,timetracking,comment&properties=*all', { as })).body;
  return {
    attachments: f.fields.attachment.map((a: Record<string, unknown>) => [
      a.filename,
      a.size,
      a.mimeType,
      (a.author as { accountId: string }).accountId,
    ]),
    worklogs: f.fields.worklog.worklogs.map((w: Record<string, unknown>) => [w.timeSpent, w.comment, (w.author as { accountId: string }).accountId]),
    timetracking: f.fields.timetracking,
    restricted: f.fields.comment.comments
      .filter((c: { visibility?: unknown }) => c.visibility)
      .map((c: Record<string, unknown>) => [c.body, c.visibility]),
    properties: f.properties,
    remote: (await h.call('GET', '/rest/api/2/issue/ACME-1/remotelink', { as })).body.map(
      (r: { globalId: string; object: { url: string; title: string } }) => [r.globalId, r.object.url, r.object.title],
    ),
    votes: (await h.call('GET', '/rest/api/2/issue/ACME-2/votes', { as })).body.voters.map((v: { accountId: string }) => v.accountId),
  };
};

describe('a clone copies issue activity', () => {
  it('--no-anonymize: the copy answers the same; content is not copied, and the manifest says so', async () => {
    const { copy, manifest } = await clone(false);
    const before = await activity(original, 'u-bob');
    expect(before.attachments).toEqual([['carol-smith-notes.txt', 40, 'text/plain', 'u-bob']]);
    expect(await activity(copy, 'u-bob')).toEqual(before);
    expect(await activity(copy, 'u-dave')).toEqual(await activity(original, 'u-dave'));
    expect((await copy.call('GET', '/rest/api/2/project/ACME/properties/board-colour', { as: 'bob' })).body).toEqual({
      key: 'board-colour',
      value: { colour: 'Autumn orange', dark: true },
    });
    expect(manifest.notContained.join('\n')).toMatch(/attachment content: attachments' metadata .* is copied, their content is not/);
    expect(manifest.notContained).not.toContain('worklogs and time tracking');
    const id = copy.ctx.tracker.issues.find((i) => i.key === 'ACME-1')!.attachments![0]!.id;
    const res = await copy.call('GET', `/rest/api/2/attachment/content/${id}`, { as: 'bob' });
    expect([res.status, res.body.errorMessages[0]]).toEqual([
      404,
      "The content of attachment 'carol-smith-notes.txt' was not copied: a clone copies attachments' metadata only.",
    ]);
  }, 60_000);

  it('anonymised: free text replaced with the same shape, extensions and structure kept, people are personas', async () => {
    const { copy } = await clone(true);
    const issue = copy.ctx.tracker.issues.find((i) => i.key === 'ACME-1')!;
    const src = original.ctx.tracker.issues.find((i) => i.key === 'ACME-1')!;
    const [a] = issue.attachments!;
    expect(a!.filename).toMatch(/^[a-z]{5}-[a-z]{5}-[a-z]{5}\.txt$/);
    expect(a!.filename).not.toBe('carol-smith-notes.txt');
    expect(a!.size).toBe(40);
    const w = issue.worklogs![0]!;
    expect(w.comment).not.toBe(src.worklogs![0]!.comment);
    expect(w.comment!.length).toBe(src.worklogs![0]!.comment!.length);
    expect(w.timeSpentSeconds).toBe(3600);
    expect(issue.timeTracking).toEqual(src.timeTracking);
    expect(issue.remoteLinks![0]!.object.url).toMatch(/^https:\/\//);
    expect(issue.remoteLinks![0]!.object.title).not.toBe('Build seven');
    expect(issue.properties).toEqual({ release: { train: expect.not.stringMatching(/^Autumn release$/), week: 42 } });
    expect(JSON.stringify(issue)).not.toMatch(/Carol|carol|Autumn|payment/);
    const colour = copy.ctx.tracker.config.projects.find((p) => p.key === 'ACME')!.properties!['board-colour'] as { colour: string; dark: boolean };
    expect([colour.colour.length, colour.colour === 'Autumn orange', colour.dark]).toEqual([13, false, true]);
    expect(issue.history.flatMap((h) => h.items).find((i) => i.field === 'Attachment')!.toString).toBe(a!.filename);
  }, 60_000);
});
