/**
 * Saved filters (`POST /filter`, `PUT /filter/{id}` with name, JQL, description and shares,
 * `PUT /filter/{id}/owner`, `DELETE /filter/{id}`), Cloud and Data Center alike; changing an
 * owner has no REST write on Data Center (manual there).
 */
import type { View } from '../production/read.ts';
import { asList, asObj, changeLines, phaseOf, same } from './common.ts';
import { idOf, type EntityWriter, type RunContext } from './types.ts';

/** `field["Office Location"]` (how the normaliser names a custom field in JQL) back to production's `cf[…]`. */
export const denormaliseJql = (jql: string, view: Pick<View, 'keys'>): string =>
  jql.replace(/field\[("(?:[^"\\]|\\.)*")\]/g, (m, quoted: string) => {
    const id = view.keys.id('field', JSON.parse(quoted) as string);
    return id ? `cf[${id.replace(/^customfield_/, '')}]` : m;
  });

const shareJson = (rc: RunContext, s: string): Record<string, unknown> => {
  const [type, ...rest] = s.split(':');
  const value = rest.join(':');
  switch (type) {
    case 'group':
      return { type: 'group', group: rc.dc ? { name: value } : { groupId: idOf(rc, 'group', value) } };
    case 'project':
      return { type: 'project', project: { id: idOf(rc, 'project', value) } };
    case 'projectRole':
      return { type: 'projectRole', role: { id: idOf(rc, 'role', value) } };
    case 'user':
      return { type: 'user', user: rc.dc ? { name: value } : { accountId: value } };
    case 'authenticated':
      return { type: 'authenticated' };
    default:
      return { type: 'global' };
  }
};

/**
 * Jira Cloud lets only a filter's owner change it; an administrator may give a filter another
 * owner. So apply takes the filter over for the one request and gives it back. A kill in between
 * leaves apply as the owner: the step, run again from production's current state, gives it back.
 */
const asOwner = async (rc: RunContext, id: string, owner: string, write: () => Promise<unknown>): Promise<void> => {
  if (rc.dc || !owner || owner === rc.account) {
    await write();
    return;
  }
  await rc.send({ method: 'PUT', path: `${rc.api}/filter/${id}/owner`, body: { accountId: rc.account } });
  try {
    await write();
  } finally {
    await rc.send({ method: 'PUT', path: `${rc.api}/filter/${id}/owner`, body: { accountId: owner } });
  }
};

export const filtersWriter: EntityWriter = {
  name: 'filters',
  collections: ['filters'],
  plan: (changes, p) =>
    changes.map((c) => {
      const ownerChanges = c.from !== null && c.to !== null && asObj(c.from).owner !== asObj(c.to).owner;
      return {
        phase: phaseOf(c),
        writer: 'filters',
        changes: [c],
        ...(p.dc && (ownerChanges || c.from === null)
          ? {
              class: 'manual' as const,
              reason: 'Jira Data Center has no REST API to give a filter another owner: Filters → … → Change owner',
              instructions: changeLines(c),
            }
          : { class: 'automatic' as const }),
        title:
          c.from === null
            ? `create the filter '${c.key}'`
            : c.to === null
              ? `delete the filter '${c.key}'`
              : `change the filter '${c.key}'${c.rename ? ` (now '${c.rename}')` : ''}`,
      };
    }),
  run: async (step, rc) => {
    for (const c of step.changes) {
      const to = asObj(c.to);
      const body = {
        name: String(to.name ?? c.rename ?? c.key),
        jql: denormaliseJql(String(to.jql ?? ''), rc.view),
        description: String(to.description ?? ''),
        ...(c.from === null || !same(asObj(c.from).shares, to.shares)
          ? { sharePermissions: asList<string>(to.shares).map((s) => shareJson(rc, s)) }
          : {}),
      };
      if (c.to === null) {
        await rc.send({ method: 'DELETE', path: `${rc.api}/filter/${idOf(rc, 'filter', c.key)}` });
        continue;
      }
      let id: string;
      if (c.from === null) {
        const made = await rc.send({ method: 'POST', path: `${rc.api}/filter`, body });
        id = String(asObj(made.body).id ?? idOf(await rc.refresh().then((view) => ({ view })), 'filter', c.key));
      } else {
        id = idOf(rc, 'filter', c.key);
        await asOwner(rc, id, String(asObj(c.from).owner ?? ''), () => rc.send({ method: 'PUT', path: `${rc.api}/filter/${id}`, body }));
      }
      if (!rc.dc && to.owner && (c.from === null || asObj(c.from).owner !== to.owner)) {
        await rc.send({ method: 'PUT', path: `${rc.api}/filter/${id}/owner`, body: { accountId: to.owner } });
      }
    }
  },
};
