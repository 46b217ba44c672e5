/** Permission holders and notification recipients name existing groups, roles and users (failure mode 10). */
import type { ConfigIndex } from '../config-index.ts';
import { q } from '../suggest.ts';
import { checkRef, type ConfigRule, type Report } from './rule.ts';

const NEEDS_VALUE = new Set(['group', 'projectRole', 'user']);

/** Checks one holder/recipient `{type, value?}` at `path`. */
const checkPrincipal = (ix: ConfigIndex, report: Report, path: string, h: { type: string; value?: string | undefined }): void => {
  if (NEEDS_VALUE.has(h.type) && h.value === undefined) {
    report(path, `holder type ${q(h.type)} needs a 'value' naming the ${h.type === 'projectRole' ? 'project role' : h.type}`);
    return;
  }
  if (!NEEDS_VALUE.has(h.type) && h.value !== undefined) {
    report(`${path}.value`, `holder type ${q(h.type)} takes no value (got ${q(h.value)}; remove it)`, 'warning');
    return;
  }
  if (h.value === undefined) return;
  if (h.type === 'group') checkRef(report, `${path}.value`, 'group', h.value, ix.groups, ix.candidates.group);
  if (h.type === 'projectRole') checkRef(report, `${path}.value`, 'project role', h.value, ix.roles, ix.candidates.role);
  if (h.type === 'user' && checkRef(report, `${path}.value`, 'user', h.value, ix.users, ix.candidates.user) && !ix.users.get(h.value)!.active) {
    report(`${path}.value`, `user ${q(h.value)} is inactive, so this grant reaches nobody`, 'warning');
  }
};

export const permissionHolders: ConfigRule = {
  name: 'permission-holders',
  about: 'permission scheme grants name existing groups, project roles and users',
  run: (ix, report) =>
    ix.config.permissionSchemes.forEach((s, si) =>
      s.grants.forEach((g, gi) => {
        checkPrincipal(ix, report, `permissionSchemes[${si}].grants[${gi}].holder`, g.holder);
      }),
    ),
};

export const notificationRecipients: ConfigRule = {
  name: 'notification-recipients',
  about: 'notification recipients name existing groups, project roles and users; each event once per scheme',
  run: (ix, report) =>
    ix.config.notificationSchemes.forEach((s, si) => {
      const seen = new Map<string, number>();
      s.events.forEach((e, ei) => {
        const first = seen.get(e.event);
        if (first !== undefined)
          report(
            `notificationSchemes[${si}].events[${ei}].event`,
            `event ${q(e.event)} is listed twice (first at events[${first}]; merge the recipients)`,
          );
        else seen.set(e.event, ei);
        e.recipients.forEach((r, ri) => checkPrincipal(ix, report, `notificationSchemes[${si}].events[${ei}].recipients[${ri}]`, r));
      });
    }),
};
