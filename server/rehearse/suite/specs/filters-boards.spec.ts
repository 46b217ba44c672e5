/**
 * Generated: every saved filter's result (the issue keys, in order, or the error) run as its
 * owner, and every board's columns and the issues each column shows, as the board filter's owner.
 */
import { eachPhase, test } from '../phases.ts';
import type { Observation } from '../../result.ts';
import { inParallel } from '../in-parallel.ts';
import { errorsOf, inRehearsal, record, SandboxClient, suitePlan, suiteUrl } from '../client.ts';

const plan = inRehearsal() ? suitePlan() : undefined;

const searchAll = async (api: SandboxClient, as: string, jql: string): Promise<{ keys?: string[]; error?: string[] }> => {
  const keys: string[] = [];
  let next: string | undefined;
  for (let page = 0; page < 200; page++) {
    const res = await api.call(as, 'POST', '/rest/api/3/search/jql', {
      jql,
      fields: ['key'],
      maxResults: 500,
      ...(next ? { nextPageToken: next } : {}),
    });
    if (res.status !== 200) {
      const e = errorsOf(res.body);
      return { error: [...e.messages, ...Object.values(e.errors)] };
    }
    keys.push(...(res.body.issues as any[]).map((i) => i.key as string));
    next = res.body.nextPageToken;
    if (!next || res.body.isLast) break;
  }
  return { keys };
};

eachPhase((phase) => {
  if (plan?.filters.length) {
    test('saved filters', async () => {
      const api = new SandboxClient(suiteUrl(), phase);
      const obs = await inParallel(plan.filters, async (f): Promise<Observation> => {
        const res = await api.call(f.viewer.email, 'GET', `/rest/api/2/filter/${f.id}`);
        const value = res.status === 200 ? await searchAll(api, f.viewer.email, res.body.jql as string) : { error: [`filter: HTTP ${res.status}`] };
        return {
          check: 'filters',
          id: `filters|${f.id}`,
          label: `saved filter "${f.name}" run by ${f.viewer.displayName}`,
          keys: { filter: [f.name, f.id] },
          value,
        };
      });
      record(obs, phase);
    });
  }

  for (const b of plan?.boards ?? []) {
    test(`board: ${b.name}`, async () => {
      const api = new SandboxClient(suiteUrl(), phase);
      const obs: Observation[] = [];
      const conf = await api.call(b.viewer.email, 'GET', `/rest/agile/1.0/board/${b.id}/configuration`);
      if (conf.status !== 200) {
        obs.push({
          check: 'boards',
          id: `boards|${b.id}`,
          label: `board "${b.name}" as ${b.viewer.displayName}`,
          keys: { board: [b.name, b.id] },
          value: { error: conf.status },
        });
        record(obs, phase);
        return;
      }
      const columns = conf.body.columnConfig.columns as { name: string; statuses: { id: string }[] }[];
      obs.push({
        check: 'boards',
        id: `boards|${b.id}`,
        label: `the columns of board "${b.name}"`,
        keys: { board: [b.name, b.id] },
        value: columns.map((c) => c.name),
      });
      const byStatus = new Map<string, string>();
      for (const c of columns) for (const s of c.statuses) byStatus.set(s.id, c.name);
      const shown = new Map<string, string[]>(columns.map((c) => [c.name, []]));
      const unmapped: string[] = [];
      for (let startAt = 0; ; startAt += 500) {
        const res = await api.call(b.viewer.email, 'GET', `/rest/agile/1.0/board/${b.id}/issue?startAt=${startAt}&maxResults=500&fields=status`);
        const issues = (res.body?.issues ?? []) as any[];
        for (const i of issues) {
          const col = byStatus.get(String(i.fields?.status?.id));
          if (col) shown.get(col)!.push(i.key);
          else unmapped.push(i.key);
        }
        if (res.status !== 200 || startAt + issues.length >= res.body.total || !issues.length) break;
      }
      for (const [name, keys] of shown) {
        obs.push({
          check: 'boards',
          id: `boards|${b.id}|${name}`,
          label: `issues in column "${name}" of board "${b.name}"`,
          keys: { board: [b.name, b.id], column: [name] },
          value: keys,
        });
      }
      obs.push({
        check: 'boards',
        id: `boards|${b.id}|(not on the board)`,
        label: `issues of board "${b.name}"'s filter in no column (invisible on the board)`,
        keys: { board: [b.name, b.id], column: ['(not on the board)'] },
        value: unmapped,
      });
      record(obs, phase);
    });
  }
});
