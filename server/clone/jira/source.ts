/**
 * Jira as a TrackerSource: serverInfo decides the deployment (Cloud: /rest/api/3, account ids;
 * Data Center: /rest/api/2 only, users by name/key), then reads through any Reader (live HTTP,
 * recorded answers for --resume, or saved files for --from file).
 */
import { UserError } from '../../common/errors.ts';
import { type Config, type Issue, quoteJql } from '../../model/index.ts';
import { readAll, type Reader } from '../../jira-wire/index.ts';
import { NotFoundAnswer } from '../transport.ts';
import type { Bucket, ReadConfigResult, SourceInfo, TrackerSource } from '../types.ts';
import { convertConfig } from './convert/config.ts';
import { issueOf } from './convert/issues.ts';
import { userOf } from './convert/people.ts';
import type { Obj } from './raw.ts';
import { readRawConfig } from './read-config.ts';
import { trimToScope } from '../scope.ts';

export interface JiraSourceOptions {
  reader: Reader;
  url: string;
  type?: string;
  tick?: (what: string, n?: number) => void;
  pageSize?: number;
}

export class JiraSource implements TrackerSource {
  private serverInfo: Obj | undefined;
  private dc = false;
  private api = '/rest/api/3';
  private userOrder: string[] = [];
  constructor(private readonly o: JiraSourceOptions) {}

  private async read(req: Parameters<Reader['read']>[0]): Promise<any> {
    try {
      return await this.o.reader.read(req);
    } catch (e) {
      if (e instanceof NotFoundAnswer)
        throw new UserError(`${this.o.url} has no ${e.path} (404)`, {
          details: ['is --url the base address of a Jira site (e.g. https://acme.atlassian.net)?'],
        });
      throw e;
    }
  }

  async info(): Promise<SourceInfo> {
    if (!this.serverInfo) {
      const si = (await this.read({ method: 'GET', path: '/rest/api/2/serverInfo' })) as Obj;
      if (!si || typeof si !== 'object' || !si.deploymentType)
        throw new UserError(`${this.o.url} does not look like Jira: /rest/api/2/serverInfo has no deploymentType`, { details: ['check --url'] });
      this.serverInfo = si;
      this.dc = si.deploymentType !== 'Cloud';
      this.api = this.dc ? '/rest/api/2' : '/rest/api/3';
    }
    const si = this.serverInfo;
    return {
      type: this.o.type ?? 'jira',
      url: this.o.url,
      deploymentType: String(si.deploymentType),
      ...(si.version ? { version: String(si.version) } : {}),
      ...(si.serverTitle ? { title: String(si.serverTitle) } : {}),
    };
  }

  async readConfig(options: { projects?: string[] }): Promise<ReadConfigResult> {
    await this.info();
    const raw = await readRawConfig(
      { reader: this.o.reader, api: this.api, dc: this.dc, ...(this.o.tick ? { tick: this.o.tick } : {}) },
      this.serverInfo!,
      options.projects,
    );
    const missingKeys = options.projects?.filter((k) => !raw.projects.some((p) => p.project.key === k)) ?? [];
    if (missingKeys.length)
      throw new UserError(`--projects names ${missingKeys.join(', ')}, which ${this.o.url} does not have (or the account cannot see)`, {
        details: [`projects seen: ${raw.projects.map((p) => p.project.key).join(', ') || 'none'}`],
      });
    this.userOrder = raw.userOrder;
    let { config, omissions } = convertConfig(raw);
    const known = new Set(config.users.map((u) => u.accountId));
    const missing = [...referencedUsers(config)].filter((id) => !known.has(id)).sort();
    if (missing.length) {
      raw.extraUsers = await this.fetchUsers(missing);
      ({ config, omissions } = convertConfig(raw));
    }
    if (options.projects?.length) {
      const trimmed = trimToScope(config);
      return { config: trimmed.config, omissions: [...omissions, ...trimmed.omissions] };
    }
    return { config, omissions };
  }

  /** Users by id; the ones Jira no longer knows are left out (their references stay, as in Jira). */
  async fetchUsers(ids: string[]): Promise<Obj[]> {
    const found = await Promise.all(
      ids.map(async (id) => {
        try {
          return (await this.o.reader.read({
            method: 'GET',
            path: `${this.api}/user`,
            query: this.dc ? { username: id } : { accountId: id },
          })) as Obj;
        } catch (e) {
          if (e instanceof NotFoundAnswer) return undefined;
          throw e;
        }
      }),
    );
    return found.filter((u): u is Obj => u !== undefined);
  }

  async completeUsers(config: Config, issues: readonly Issue[]): Promise<Config> {
    const known = new Set(config.users.map((u) => u.accountId));
    const ids = new Set<string>();
    for (const i of issues) {
      for (const id of [i.reporter, i.assignee, ...i.watchers, ...i.comments.map((c) => c.author), ...i.history.map((h) => h.author)])
        if (id && !known.has(id)) ids.add(id);
      for (const f of config.fields) {
        if (f.type !== 'user' && f.type !== 'multi-user') continue;
        const v = i.customFields[f.id];
        for (const id of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (typeof id === 'string' && !known.has(id)) ids.add(id);
      }
    }
    if (!ids.size) return config;
    const raw = await this.fetchUsers([...ids].sort());
    const extra = raw.flatMap((u) => {
      const m = userOf(this.dc, u, []);
      return m ? [m] : [];
    });
    const rank = new Map(this.userOrder.map((id, i) => [id, i]));
    const users = [...config.users, ...extra]
      .map((u, i) => ({ u, r: rank.get(u.accountId) ?? this.userOrder.length + i }))
      .sort((a, b) => a.r - b.r)
      .map((x) => x.u);
    return { ...config, users };
  }

  async countIssues(query: string): Promise<number> {
    await this.info();
    // Counting needs no order (and Jira's count endpoints need none).
    const jql = query.replace(/\s+ORDER BY .*$/i, '');
    if (!this.dc) {
      const r = (await this.read({ method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql } })) as Obj;
      return Number(r.count ?? 0);
    }
    const r = (await this.read({ method: 'GET', path: '/rest/api/2/search', query: { jql, maxResults: 0, fields: 'id' } })) as Obj;
    return Number(r.total ?? 0);
  }

  async searchIssues(jql: string, limit: number, config: Config): Promise<Issue[]> {
    await this.info();
    if (limit <= 0) return [];
    const size = Math.min(this.o.pageSize ?? 100, limit);
    const beans = (
      this.dc
        ? await readAll(
            this.o.reader,
            { method: 'GET', path: '/rest/api/2/search', query: { jql, fields: '*all', expand: 'changelog', properties: '*all' } },
            { pageSize: size, key: 'issues', limit },
          )
        : await readAll(
            this.o.reader,
            { method: 'POST', path: '/rest/api/3/search/jql', body: { jql, fields: ['*all'], expand: 'changelog', properties: ['*all'] } },
            { pageSize: size, key: 'issues', limit },
          )
    ) as Obj[];
    return Promise.all(
      beans.map(async (bean) => {
        const key = String(bean.key);
        const fields = (bean.fields ?? {}) as Obj;
        const cPage = fields.comment as Obj | undefined;
        const comments: Obj[] =
          cPage && Number(cPage.total ?? 0) > (cPage.comments?.length ?? 0)
            ? ((await readAll(
                this.o.reader,
                { method: 'GET', path: `${this.api}/issue/${key}/comment` },
                { key: 'comments', pageSize: 100 },
              )) as Obj[])
            : (cPage?.comments ?? []);
        const log = bean.changelog as Obj | undefined;
        const histories: Obj[] =
          log && Number(log.total ?? 0) > (log.histories?.length ?? 0)
            ? ((await readAll(this.o.reader, { method: 'GET', path: `${this.api}/issue/${key}/changelog` }, { pageSize: 100 })) as Obj[])
            : (log?.histories ?? []);
        const watchers: Obj[] =
          Number(fields.watches?.watchCount ?? 0) > 0
            ? (((await this.read({ method: 'GET', path: `${this.api}/issue/${key}/watchers` })) as Obj).watchers ?? [])
            : [];
        const wPage = fields.worklog as Obj | undefined;
        const worklogs: Obj[] | undefined =
          wPage && Number(wPage.total ?? 0) > (wPage.worklogs?.length ?? 0)
            ? (((await this.read({ method: 'GET', path: `${this.api}/issue/${key}/worklog`, query: { maxResults: 5000 } })) as Obj).worklogs ?? [])
            : undefined;
        // Watchers and voters are listed only with "View voters and watchers"; without it the count alone is known and none are kept (the manifest says so).
        const voters: Obj[] =
          Number(fields.votes?.votes ?? 0) > 0
            ? (((await this.read({ method: 'GET', path: `${this.api}/issue/${key}/votes` })) as Obj).voters ?? [])
            : [];
        // Jira's issue answer does not say whether an issue has remote links: one request per issue.
        const remoteLinks = (await this.read({ method: 'GET', path: `${this.api}/issue/${key}/remotelink` })) as Obj[];
        this.o.tick?.('issues');
        return issueOf(this.dc, config, bean, {
          comments,
          histories,
          watchers,
          ...(worklogs ? { worklogs } : {}),
          voters,
          remoteLinks: Array.isArray(remoteLinks) ? remoteLinks : [],
        });
      }),
    );
  }

  bucketQuery(b: Omit<Bucket, 'jql'>): string {
    return `project = ${quoteJql(b.project)} AND issuetype = ${b.issueType} AND status = ${b.status} ORDER BY updated DESC`;
  }

  projectsQuery(keys: string[]): string {
    return `project in (${keys.map((k) => quoteJql(k)).join(', ')}) ORDER BY updated DESC`;
  }

  keysQuery(keys: string[]): string {
    return `key in (${keys.join(', ')}) ORDER BY key ASC`;
  }
}

/** Every user id the configuration names (leads, actors, owners, grants, recipients, defaults). */
export const referencedUsers = (config: Config): Set<string> => {
  const ids = new Set<string>();
  const add = (id: unknown) => {
    if (typeof id === 'string' && id) ids.add(id);
  };
  for (const p of config.projects) {
    add(p.lead);
    p.components.forEach((c) => add(c.lead));
    p.roles.forEach((r) => r.actors.filter((a) => a.type === 'user').forEach((a) => add(a.id)));
  }
  for (const f of config.filters) {
    add(f.owner);
    f.shares.filter((s) => s.type === 'user').forEach((s) => add(s.value));
  }
  for (const s of config.permissionSchemes) s.grants.filter((g) => g.holder.type === 'user').forEach((g) => add(g.holder.value));
  for (const s of config.notificationSchemes) s.events.forEach((e) => e.recipients.filter((r) => r.type === 'user').forEach((r) => add(r.value)));
  for (const f of config.fields) {
    if (f.type !== 'user' && f.type !== 'multi-user') continue;
    for (const c of f.contexts) (Array.isArray(c.default) ? c.default : [c.default]).forEach(add);
  }
  return ids;
};
