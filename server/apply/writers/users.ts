/**
 * Group membership (`POST /group/user`, `DELETE /group/user`), Cloud (group ids, account ids)
 * and Data Center (group names, user names). Anything else about a user is their account's, not
 * the configuration's: impossible through Jira.
 */
import { asList, asObj, changeLines, minus, phaseOf, same } from './common.ts';
import { idOf, type EntityWriter } from './types.ts';

const groups = (v: unknown): string[] => asList<string>(asObj(v).groups);
const onlyGroups = (from: unknown, to: unknown): boolean =>
  from !== null && to !== null && same({ ...asObj(from), groups: null }, { ...asObj(to), groups: null });

export const usersWriter: EntityWriter = {
  name: 'users',
  collections: ['users'],
  plan: (changes) =>
    changes.map((c) =>
      onlyGroups(c.from, c.to)
        ? {
            phase: minus(groups(c.from), groups(c.to)).length
              ? minus(groups(c.to), groups(c.from)).length
                ? ('migrate' as const)
                : ('contract' as const)
              : ('expand' as const),
            class: 'automatic' as const,
            writer: 'users',
            changes: [c],
            title: `change the groups of ${asObj(c.to).displayName ?? c.key}`,
          }
        : {
            phase: phaseOf(c),
            class: 'impossible' as const,
            writer: 'manual',
            changes: [c],
            instructions: changeLines(c),
            title: `cannot change the user ${c.key}`,
            reason: "user profiles (name, e-mail, active) belong to people's Atlassian accounts; Jira's REST API does not change them",
          },
    ),
  run: async (step, rc) => {
    for (const c of step.changes) {
      for (const g of minus(groups(c.to), groups(c.from))) {
        await rc.send({
          method: 'POST',
          path: `${rc.api}/group/user`,
          query: rc.dc ? { groupname: g } : { groupId: idOf(rc, 'group', g) },
          body: rc.dc ? { name: c.key } : { accountId: c.key },
        });
      }
      for (const g of minus(groups(c.from), groups(c.to))) {
        await rc.send({
          method: 'DELETE',
          path: `${rc.api}/group/user`,
          query: rc.dc ? { groupname: g, username: c.key } : { groupId: idOf(rc, 'group', g), accountId: c.key },
        });
      }
    }
  },
};
