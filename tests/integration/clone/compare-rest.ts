/**
 * The same REST questions to two sandboxes, as the same personas (by account id; tokens differ per
 * sandbox): the answers must be equal once each sandbox's own base URL is taken out.
 */
import type { Harness } from '../http/harness.ts';

export interface Question {
  path: string;
  method?: 'GET' | 'POST';
  body?: unknown;
  adminOnly?: boolean;
}

/** Questions that cover what a rehearsal asks: catalogue, projects, issues, transitions, filters, boards, schemes. */
export const questionsFor = (h: Harness, v: 2 | 3, issueKeys: string[]): Question[] => {
  const config = h.ctx.tracker.config;
  const api = `/rest/api/${v}`;
  const qs: Question[] = [
    { path: `${api}/myself` },
    { path: `${api}/project` },
    { path: `${api}/project/search?expand=description,lead,issueTypes` },
    { path: `${api}/field` },
    { path: `${api}/status` },
    { path: `${api}/priority` },
    { path: `${api}/resolution` },
    { path: `${api}/issuetype` },
    { path: `${api}/issueLinkType` },
    { path: `${api}/role` },
    { path: `${api}/filter/search?expand=description,owner,jql,sharePermissions&maxResults=100` },
    { path: '/rest/agile/1.0/board' },
    { path: `${api}/mypermissions?permissions=BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,TRANSITION_ISSUES,ADMINISTER` },
    { path: `${api}/search/jql`, method: 'POST', body: { jql: 'ORDER BY key ASC', fields: ['*all'], expand: 'changelog', maxResults: 200 } },
    { path: `${api}/issue/createmeta?expand=projects.issuetypes.fields` },
    { path: `${api}/workflow/search?expand=transitions,transitions.rules,statuses`, adminOnly: true },
    { path: `${api}/workflows/search`, adminOnly: true },
    { path: `${api}/workflowscheme`, adminOnly: true },
    { path: `${api}/permissionscheme?expand=permissions`, adminOnly: true },
    { path: `${api}/notificationscheme?expand=all`, adminOnly: true },
    { path: `${api}/screens`, adminOnly: true },
    { path: `${api}/screenscheme`, adminOnly: true },
    { path: `${api}/issuetypescheme/mapping`, adminOnly: true },
    { path: `${api}/issuetypescreenscheme/mapping`, adminOnly: true },
    { path: `${api}/fieldconfigurationscheme/mapping`, adminOnly: true },
  ];
  for (const p of config.projects) {
    qs.push(
      { path: `${api}/project/${p.key}` },
      { path: `${api}/project/${p.key}/statuses` },
      { path: `${api}/user/assignable/search?project=${p.key}&maxResults=200` },
    );
    for (const r of p.roles) qs.push({ path: `${api}/project/${p.key}/role/${r.role}` });
  }
  for (const b of config.boards)
    qs.push({ path: `/rest/agile/1.0/board/${b.id}/configuration` }, { path: `/rest/agile/1.0/board/${b.id}/issue?maxResults=200` });
  for (const fc of config.fieldConfigurations) qs.push({ path: `${api}/fieldconfiguration/${fc.id}/fields`, adminOnly: true });
  for (const f of config.fields.filter((x) => x.custom).slice(0, 20)) {
    qs.push({ path: `${api}/field/${f.id}/context`, adminOnly: true }, { path: `${api}/field/${f.id}/context/defaultValue`, adminOnly: true });
    for (const c of f.contexts) if (c.options) qs.push({ path: `${api}/field/${f.id}/context/${c.id}/option`, adminOnly: true });
  }
  for (const key of issueKeys) {
    qs.push(
      { path: `${api}/issue/${key}?expand=changelog,transitions,editmeta,names` },
      { path: `${api}/issue/${key}/transitions?expand=transitions.fields` },
      { path: `${api}/issue/${key}/watchers` },
      { path: `${api}/issue/${key}/comment` },
    );
  }
  return qs;
};

/** Version tokens are the site's history (they count changes), not configuration: a clone starts them afresh. */
export const withoutVersionTokens = (text: string): string => text.replace(/"version":\{"id":"[^"]*","versionNumber":\d+\}/g, '"version":VERSION');

const ask = async (h: Harness, accountId: string, q: Question, normalise: (t: string) => string) => {
  const p = h.personas.find((x) => x.accountId === accountId);
  if (!p) return { status: -1, text: `no persona ${accountId}` };
  const r = await h.call(q.method ?? 'GET', q.path, { as: accountId, ...(q.body !== undefined ? { body: q.body } : {}) });
  return { status: r.status, text: normalise(r.text.split(h.url).join('BASE')) };
};

/** Mismatches as `persona path: status a vs b` plus the first differing characters. */
export const compareRest = async (
  a: Harness,
  b: Harness,
  personas: string[],
  questions: Question[],
  normalise: (t: string) => string = (t) => t,
): Promise<string[]> => {
  const out: string[] = [];
  let compared = 0;
  for (const who of personas) {
    for (const q of questions) {
      const [x, y] = await Promise.all([ask(a, who, q, normalise), ask(b, who, q, normalise)]);
      compared++;
      if (x.status === y.status && x.text === y.text) continue;
      let i = 0;
      while (i < x.text.length && x.text[i] === y.text[i]) i++;
      out.push(
        `${who} ${q.method ?? 'GET'} ${q.path}: ${x.status} vs ${y.status} at ${i}: …${x.text.slice(Math.max(0, i - 80), i + 120)} ≠ …${y.text.slice(Math.max(0, i - 80), i + 120)}`,
      );
    }
  }
  if (compared === 0) out.push('nothing compared');
  return out;
};
