/**
 * Reads everything the model holds from Jira (Cloud: /rest/api/3; Data Center: /rest/api/2), every
 * independent list at once under the transport's concurrency limit. Only reads.
 */
import { readAll, type Reader } from '../../jira-wire/index.ts';
import { MissingAnswer } from '../raw-store.ts';
import { NotFoundAnswer } from '../transport.ts';
import type { Obj, RawConfig, RawFieldContexts, RawProject } from './raw.ts';

export interface ReadContext {
  reader: Reader;
  api: string;
  dc: boolean;
  tick?: (what: string, n?: number) => void;
}

const all = (c: ReadContext, path: string, query: Obj = {}, key?: string, pageSize = 50): Promise<Obj[]> =>
  readAll(
    c.reader,
    { method: 'GET', path: path.startsWith('/rest/') ? path : `${c.api}${path}`, query },
    { pageSize, ...(key ? { key } : {}) },
  ) as Promise<Obj[]>;

const one = (c: ReadContext, path: string, query: Obj = {}): Promise<Obj> =>
  c.reader.read({ method: 'GET', path: path.startsWith('/rest/') ? path : `${c.api}${path}`, query }) as Promise<Obj>;

/** A 404 (or no saved answer) means "this tracker has no such API": the caller falls back. */
export const orMissing = async <T>(p: Promise<T>): Promise<T | undefined> => {
  try {
    return await p;
  } catch (e) {
    if (e instanceof NotFoundAnswer || e instanceof MissingAnswer) return undefined;
    throw e;
  }
};

const mapAll = <T, U>(list: readonly T[], fn: (x: T) => Promise<U>): Promise<U[]> => Promise.all(list.map(fn));

const readContexts = async (c: ReadContext, fieldId: string): Promise<RawFieldContexts> => {
  const base = `/field/${encodeURIComponent(fieldId)}/context`;
  const [contexts, projectMapping, issueTypeMapping, defaults] = await Promise.all([
    all(c, base),
    all(c, `${base}/projectmapping`),
    all(c, `${base}/issuetypemapping`),
    all(c, `${base}/defaultValue`),
  ]);
  const options: Record<string, Obj[]> = {};
  await mapAll(contexts, async (ctx) => {
    options[String(ctx.id)] = (await orMissing(all(c, `${base}/${ctx.id}/option`, {}, undefined, 100))) ?? [];
  });
  c.tick?.('field contexts');
  return { contexts, projectMapping, issueTypeMapping, defaults, options };
};

const readProject = async (c: ReadContext, project: Obj): Promise<RawProject> => {
  const key = String(project.key);
  const [components, versions, roleUrls] = await Promise.all([
    one(c, `/project/${key}/components`) as unknown as Promise<Obj[]>,
    one(c, `/project/${key}/versions`) as unknown as Promise<Obj[]>,
    one(c, `/project/${key}/role`),
  ]);
  const roleIds = Object.values(roleUrls).map((u) => String(u).split('/').pop()!);
  const roles = await mapAll(roleIds, (id) => one(c, `/project/${key}/role/${id}`));
  // Project entity properties: the keys, then each value (Jira lists no values with the keys).
  const keys = ((await one(c, `/project/${key}/properties`)).keys ?? []) as Obj[];
  const values = await mapAll(
    keys.map((k) => String(k.key)),
    (k) => one(c, `/project/${key}/properties/${encodeURIComponent(k)}`),
  );
  c.tick?.('projects');
  return {
    project,
    components,
    versions,
    roles,
    ...(values.length ? { properties: Object.fromEntries(values.map((v) => [String(v.key), v.value])) } : {}),
  };
};

const readWorkflows = async (c: ReadContext): Promise<RawConfig['workflows']> => {
  if (!c.dc) {
    const listed = await orMissing(all(c, '/workflows/search'));
    if (listed) {
      const ids = listed.map((w) => String(w.id));
      const statuses: Obj[] = [];
      const workflows: Obj[] = [];
      for (let i = 0; i < ids.length; i += 25) {
        const page = (await c.reader.read({ method: 'POST', path: `${c.api}/workflows`, body: { workflowIds: ids.slice(i, i + 25) } })) as Obj;
        statuses.push(...(page.statuses ?? []));
        workflows.push(...(page.workflows ?? []));
      }
      return { current: { statuses, workflows } };
    }
  }
  return { legacy: await all(c, '/workflow/search', { expand: 'transitions,transitions.rules,statuses' }) };
};

const readScreens = async (c: ReadContext): Promise<Pick<RawConfig, 'screens' | 'screenTabs'>> => {
  const screens = await all(c, '/screens', {}, undefined, 100);
  const screenTabs: RawConfig['screenTabs'] = {};
  await mapAll(screens, async (s) => {
    const tabs = (await one(c, `/screens/${s.id}/tabs`)) as unknown as Obj[];
    screenTabs[String(s.id)] = await mapAll(tabs, async (tab) => ({
      tab,
      fields: (await one(c, `/screens/${s.id}/tabs/${tab.id}/fields`)) as unknown as Obj[],
    }));
    c.tick?.('screens');
  });
  return { screens, screenTabs };
};

export const readRawConfig = async (c: ReadContext, serverInfo: Obj, projectKeys?: string[]): Promise<RawConfig> => {
  // Cloud lists archived projects only when asked; Data Center lists them anyway.
  const listed = await all(c, '/project/search', { expand: 'description,lead', ...(c.dc ? {} : { status: 'live,archived' }) });
  const chosen = projectKeys?.length ? listed.filter((p) => projectKeys.includes(String(p.key))) : listed;
  const projectIds = chosen.map((p) => String(p.id)).join(',');
  const tick =
    <T>(what: string) =>
    (v: T) => {
      c.tick?.(what, Array.isArray(v) ? v.length : 1);
      return v;
    };
  const [
    statuses,
    issueTypes,
    priorities,
    resolutions,
    linkTypes,
    fields,
    roles,
    groups,
    projects,
    workflows,
    workflowSchemes,
    workflowSchemeProjects,
    screens,
    screenSchemes,
    itss,
    itssItems,
    itssProjects,
    issueTypeSchemes,
    itsItems,
    itsProjects,
    fieldConfigurations,
    fcs,
    fcsItems,
    fcsProjects,
    permissionSchemes,
    notificationSchemes,
    filters,
    boards,
  ] = await Promise.all([
    one(c, '/status').then(tick('statuses')) as unknown as Promise<Obj[]>,
    one(c, '/issuetype').then(tick('issue types')) as unknown as Promise<Obj[]>,
    one(c, '/priority').then(tick('priorities')) as unknown as Promise<Obj[]>,
    one(c, '/resolution').then(tick('resolutions')) as unknown as Promise<Obj[]>,
    one(c, '/issueLinkType').then((x) => (x.issueLinkTypes ?? []) as Obj[]),
    one(c, '/field').then(tick('fields')) as unknown as Promise<Obj[]>,
    one(c, '/role') as unknown as Promise<Obj[]>,
    all(c, '/group/bulk').then(tick('groups')),
    mapAll(chosen, (p) => readProject(c, p)),
    readWorkflows(c).then(tick('workflows')),
    all(c, '/workflowscheme'),
    chosen.length ? one(c, '/workflowscheme/project', { projectId: projectIds }).then((x) => (x.values ?? []) as Obj[]) : Promise.resolve([]),
    readScreens(c),
    all(c, '/screenscheme'),
    all(c, '/issuetypescreenscheme'),
    all(c, '/issuetypescreenscheme/mapping', {}, undefined, 100),
    chosen.length ? all(c, '/issuetypescreenscheme/project', { projectId: projectIds }) : Promise.resolve([]),
    all(c, '/issuetypescheme'),
    all(c, '/issuetypescheme/mapping', {}, undefined, 100),
    chosen.length ? all(c, '/issuetypescheme/project', { projectId: projectIds }) : Promise.resolve([]),
    all(c, '/fieldconfiguration'),
    all(c, '/fieldconfigurationscheme'),
    all(c, '/fieldconfigurationscheme/mapping', {}, undefined, 100),
    chosen.length ? all(c, '/fieldconfigurationscheme/project', { projectId: projectIds }) : Promise.resolve([]),
    one(c, '/permissionscheme', { expand: 'permissions' }).then((x) => (x.permissionSchemes ?? []) as Obj[]),
    all(c, '/notificationscheme', { expand: 'all' }),
    // An administrator sees private filters too only when asking for it (Cloud).
    all(c, '/filter/search', { expand: 'description,owner,jql,sharePermissions', ...(c.dc ? {} : { overrideSharePermissions: true }) }).then(
      tick('filters'),
    ),
    all(c, '/rest/agile/1.0/board').then(tick('boards')),
  ]);
  const [userOrder, contexts, fieldConfigurationItems, members, projectPermissionSchemes, projectNotificationSchemes, boardConfigs] =
    await Promise.all([
      orMissing(all(c, '/users/search', {}, undefined, 100)).then((list) => (list ?? []).map((u) => String(c.dc ? (u.key ?? u.name) : u.accountId))),
      (async () => {
        const out: Record<string, RawFieldContexts> = {};
        await mapAll(
          fields.filter((f) => f.custom),
          async (f) => {
            out[String(f.id)] = await readContexts(c, String(f.id));
          },
        );
        return out;
      })(),
      (async () => {
        const out: Record<string, Obj[]> = {};
        await mapAll(fieldConfigurations, async (fc) => {
          out[String(fc.id)] = await all(c, `/fieldconfiguration/${fc.id}/fields`, {}, undefined, 100);
        });
        return out;
      })(),
      (async () => {
        const out: Record<string, Obj[]> = {};
        await mapAll(groups, async (g) => {
          out[String(g.groupId ?? g.name)] = await all(c, '/group/member', {
            ...(c.dc ? { groupname: g.name } : { groupId: g.groupId }),
            includeInactiveUsers: true,
          });
          c.tick?.('group members');
        });
        return out;
      })(),
      (async () => Object.fromEntries(await mapAll(chosen, async (p) => [String(p.key), await one(c, `/project/${p.key}/permissionscheme`)])))(),
      (async () => Object.fromEntries(await mapAll(chosen, async (p) => [String(p.key), await one(c, `/project/${p.key}/notificationscheme`)])))(),
      mapAll(boards, async (board) => ({ board, configuration: await one(c, `/rest/agile/1.0/board/${board.id}/configuration`) })),
    ]);
  return {
    serverInfo,
    dc: c.dc,
    statuses,
    issueTypes,
    priorities,
    resolutions,
    linkTypes,
    fields,
    contexts,
    roles,
    projects,
    groups,
    members,
    extraUsers: [],
    userOrder,
    issueTypeSchemes,
    issueTypeSchemeItems: itsItems,
    issueTypeSchemeProjects: itsProjects,
    workflows,
    workflowSchemes,
    workflowSchemeProjects,
    ...screens,
    screenSchemes,
    issueTypeScreenSchemes: itss,
    issueTypeScreenSchemeItems: itssItems,
    issueTypeScreenSchemeProjects: itssProjects,
    fieldConfigurations,
    fieldConfigurationItems,
    fieldConfigurationSchemes: fcs,
    fieldConfigurationSchemeItems: fcsItems,
    fieldConfigurationSchemeProjects: fcsProjects,
    permissionSchemes,
    projectPermissionSchemes,
    notificationSchemes,
    projectNotificationSchemes,
    filters,
    boards: boardConfigs,
  };
};
