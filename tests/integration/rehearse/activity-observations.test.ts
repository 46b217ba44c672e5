/**
 * The regression suite records what a recorded integration leaves on its issues (attachments,
 * worklogs, links, watchers): replaying acme's CI bot gives an observation per touched issue, and a
 * change that takes LINK_ISSUES from the bot's role changes them — a regression even though the
 * comparison of statuses alone would show only the refused requests.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import type { Config, Integration } from '../../../server/model/types.ts';
import { activityObservations, touchedIssues } from '../../../server/rehearse/suite/activity-observations.ts';
import { SandboxClient } from '../../../server/rehearse/suite/client.ts';
import { startSandbox, type Harness } from '../http/harness.ts';

const open: Harness[] = [];
afterAll(async () => {
  await Promise.all(open.map((h) => h.close()));
});

const replay = async (patch?: (s: { config: Config }) => void) => {
  const h = await startSandbox('fixtures/acme', patch ? { patch } : {});
  open.push(h);
  const data = JSON.parse(await readFile('fixtures/acme/integrations/ci-bot.json', 'utf8')) as Integration;
  const api = new SandboxClient(h.url);
  const statuses: number[] = [];
  for (const r of data.requests) statuses.push((await api.call(data.as, r.method, r.path, r.body)).status);
  const obs = await activityObservations(api, { name: data.name, file: 'integrations/ci-bot.json', requests: data.requests }, 'none');
  return { statuses, obs, data };
};

describe('activity observations of recorded integrations', () => {
  it('name the issues a request attaches to, logs work on, links or watches', () => {
    expect(
      touchedIssues([
        { method: 'POST', path: '/rest/api/2/issue/WEB-1/attachments' },
        { method: 'POST', path: '/rest/api/3/issue/WEB-2/worklog?adjustEstimate=auto' },
        { method: 'POST', path: '/rest/api/latest/issue/WEB-1/watchers', body: 'abc' },
        { method: 'POST', path: '/rest/api/2/issue/WEB-3/comment', body: { body: 'x' } },
        {
          method: 'POST',
          path: '/rest/api/2/issueLink',
          body: { type: { name: 'Blocks' }, inwardIssue: { key: 'WEB-4' }, outwardIssue: { key: 'WEB-5' } },
        },
      ]),
    ).toEqual(['WEB-1', 'WEB-2', 'WEB-4', 'WEB-5']);
  });

  it("acme's CI bot: links, remote link and watcher recorded; taking LINK_ISSUES away changes them", async () => {
    const base = await replay();
    expect(
      base.statuses.every((s) => s < 300),
      String(base.statuses),
    ).toBe(true);
    const story = base.obs[0]!;
    expect(story.id).toMatch(/^integrations\|integrations\/ci-bot\.json\|activity\|WEB-\d+$/);
    const bot = base.data.requests.at(-1)!.body as string;
    expect((story.value as { watchers: string[] }).watchers).toContain(bot);
    expect((story.value as { links: string[] }).links.some((l) => l.startsWith('relates to '))).toBe(true);
    const revoked = await replay((s) => {
      for (const ps of s.config.permissionSchemes)
        ps.grants = ps.grants.filter((g) => !(g.permission === 'LINK_ISSUES' && g.holder.value === '10104'));
    });
    expect(revoked.statuses.filter((s) => s === 403).length).toBe(2);
    expect(revoked.obs.map((o) => o.id)).toEqual(base.obs.map((o) => o.id));
    expect(revoked.obs.map((o) => o.value)).not.toEqual(base.obs.map((o) => o.value));
  }, 60_000);
});
