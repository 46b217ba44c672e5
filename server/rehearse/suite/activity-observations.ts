/**
 * What a recorded integration leaves on the issues it works on, as observations: the attachments,
 * worklogs, links, remote links and watchers of every issue its requests attach to, log work on, link or watch,
 * read after the replay by an administrator. A change that breaks them (a lost permission, a
 * field gone from a screen) then differs from the baseline even when every request still answers.
 */
import type { Integration } from '../../model/index.ts';
import type { Observation } from '../result.ts';
import type { SandboxClient } from './client.ts';

const ISSUE_ACTIVITY = /^\/rest\/api\/(?:2|3|latest)\/issue\/([^/?]+)\/(attachments|worklog|watchers|remotelink)(?:[/?]|$)/;
const LINK = /^\/rest\/api\/(?:2|3|latest)\/issueLink(?:[/?]|$)/;

const keyOf = (v: unknown): string | undefined => {
  if (!v || typeof v !== 'object') return undefined;
  const o = v as { key?: unknown; id?: unknown };
  return typeof o.key === 'string' ? o.key : typeof o.id === 'string' ? o.id : undefined;
};

/** The issues whose activity an integration's requests touch, in first-touched order. */
export const touchedIssues = (requests: Integration['requests']): string[] => {
  const out = new Set<string>();
  for (const r of requests) {
    const m = ISSUE_ACTIVITY.exec(r.path);
    if (m) out.add(decodeURIComponent(m[1]!));
    if (LINK.test(r.path) && r.body && typeof r.body === 'object') {
      for (const side of ['inwardIssue', 'outwardIssue']) {
        const k = keyOf((r.body as Record<string, unknown>)[side]);
        if (k) out.add(k);
      }
    }
  }
  return [...out];
};

type Json = Record<string, any>;

/** An issue's activity reduced to what a comparison needs (no ids or times, which differ per run). */
export const activityOf = (issue: Json, watchers: Json | undefined, remote: unknown): Record<string, unknown> => {
  const f = (issue.fields ?? {}) as Json;
  return {
    attachments: (f.attachment ?? []).map((a: Json) => `${a.filename} (${a.size} bytes, ${a.mimeType})`).sort(),
    worklogs: (f.worklog?.worklogs ?? []).map((w: Json) => `${w.author?.accountId ?? w.author?.name ?? '?'}: ${w.timeSpentSeconds}s`).sort(),
    links: (f.issuelinks ?? [])
      .map((l: Json) => (l.outwardIssue ? `${l.type?.outward} ${l.outwardIssue.key}` : `${l.type?.inward} ${l.inwardIssue?.key}`))
      .sort(),
    watchers: (watchers?.watchers ?? []).map((w: Json) => w.accountId ?? w.name).sort(),
    remoteLinks: (Array.isArray(remote) ? remote : []).map((r: Json) => `${r.object?.title} <${r.object?.url}>`).sort(),
  };
};

export const activityObservations = async (
  api: SandboxClient,
  integration: { name: string; file: string; requests: Integration['requests'] },
  fork: string,
): Promise<Observation[]> => {
  const admin = await api.persona('admin');
  if (!admin) return [];
  const out: Observation[] = [];
  for (const key of touchedIssues(integration.requests)) {
    const issue = await api.call(
      admin.email,
      'GET',
      `/rest/api/2/issue/${encodeURIComponent(key)}?fields=attachment,worklog,issuelinks`,
      undefined,
      fork,
    );
    const watchers =
      issue.status === 200 ? await api.call(admin.email, 'GET', `/rest/api/2/issue/${encodeURIComponent(key)}/watchers`, undefined, fork) : undefined;
    const remote =
      issue.status === 200
        ? await api.call(admin.email, 'GET', `/rest/api/2/issue/${encodeURIComponent(key)}/remotelink`, undefined, fork)
        : undefined;
    out.push({
      check: 'integrations',
      id: `integrations|${integration.file}|activity|${key}`,
      label: `${integration.name}: attachments, worklogs, links and watchers of ${key} after its requests`,
      keys: { integration: [integration.name, integration.file], issue: [key] },
      value: issue.status === 200 ? activityOf(issue.body, watchers?.body, remote?.body) : { status: issue.status },
    });
  }
  return out;
};
