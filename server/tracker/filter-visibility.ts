/** Whether a saved filter is visible to an actor: owner, administrators, or a share that includes them. */
import type { SavedFilter } from '../model/index.ts';
import type { ConfigIndex } from '../model/index.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';

export const filterVisible = (ix: ConfigIndex, actor: Actor, f: SavedFilter): boolean => {
  if (actor !== null && (f.owner === actor || ix.hasGlobal(actor, 'ADMINISTER'))) return true;
  return f.shares.some((s) => {
    switch (s.type) {
      case 'global':
        return true;
      case 'authenticated':
        return actor !== null;
      case 'group':
        return s.value !== undefined && ix.inGroup(actor, s.value);
      case 'project': {
        const p = s.value !== undefined ? (ix.projects.get(s.value) ?? ix.config.projects.find((x) => x.id === s.value)) : undefined;
        return p !== undefined && can(ix, actor, 'BROWSE_PROJECTS', p);
      }
      case 'projectRole':
        return actor !== null && s.value !== undefined && ix.config.projects.some((p) => ix.roleHolders(p, s.value!).has(actor));
      case 'user':
        return s.value === actor;
      default:
        return false;
    }
  });
};
