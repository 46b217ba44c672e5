/** fixtures/tiny with the grants and notification events the everyday resources need (tiny grants few). */
import type { Config } from '../../../server/model/types.ts';

type G = [permission: string, type: string, value?: string];
const GRANTS: G[] = [
  ['CREATE_ATTACHMENTS', 'projectRole', '10001'],
  ['DELETE_OWN_ATTACHMENTS', 'loggedIn'],
  ['DELETE_ALL_ATTACHMENTS', 'projectRole', '10002'],
  ['WORK_ON_ISSUES', 'projectRole', '10001'],
  ['EDIT_OWN_WORKLOGS', 'loggedIn'],
  ['DELETE_OWN_WORKLOGS', 'loggedIn'],
  ['LINK_ISSUES', 'projectRole', '10001'],
  ['MANAGE_WATCHERS', 'projectRole', '10002'],
  ['VIEW_VOTERS_AND_WATCHERS', 'projectRole', '10001'],
  ['EDIT_OWN_COMMENTS', 'loggedIn'],
  ['DELETE_OWN_COMMENTS', 'loggedIn'],
  ['ASSIGN_ISSUES', 'projectRole', '10001'],
];

export const everydayGrants = (s: { config: Config }): void => {
  const ps = s.config.permissionSchemes.find((p) => p.id === 'ps-default')!;
  GRANTS.forEach(([permission, type, value], n) =>
    ps.grants.push({ id: `pg-everyday-${n}`, permission: permission as never, holder: { type: type as never, ...(value ? { value } : {}) } }),
  );
  const ns = s.config.notificationSchemes.find((x) => x.id === 'ns-default')!;
  for (const event of ['worklogged', 'worklogUpdated', 'commentEdited', 'updated'] as const)
    ns.events.push({ event, recipients: [{ type: 'reporter' }, { type: 'watchers' }] });
};
