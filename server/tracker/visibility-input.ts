/** A visibility restriction as Jira takes it (`{type: group|role, value|identifier}`) → the model's, with ids. */
import type { Project, Visibility } from '../model/index.ts';
import type { ConfigIndex } from '../model/index.ts';
import { badRequest } from './errors.ts';

export interface VisibilityInput {
  type?: unknown;
  value?: unknown;
  identifier?: unknown;
}

export const visibilityOf = (ix: ConfigIndex, project: Project, input: VisibilityInput | undefined, actor: string | null): Visibility | undefined => {
  if (input === undefined || input === null) return undefined;
  const raw = input.identifier ?? input.value;
  if (typeof raw !== 'string' && typeof raw !== 'number')
    throw badRequest([], { visibility: `Visibility needs 'value' (the group's or role's name) or 'identifier' (its id) as a string.` });
  const ref = String(raw);
  if (input.type === 'group') {
    const g = ix.group(ref);
    if (!g) throw badRequest([], { visibility: `Group: ${ref} does not exist.` });
    if (!ix.inGroup(actor, g.id)) throw badRequest([], { visibility: `You are currently not a member of the group: ${g.name}.` });
    return { type: 'group', value: g.id };
  }
  if (input.type === 'role') {
    const r = ix.config.roles.find((x) => x.id === ref || x.name.toLowerCase() === ref.toLowerCase());
    if (!r) throw badRequest([], { visibility: `Role: ${ref} does not exist.` });
    if (actor === null || !ix.roleHolders(project, r.id).has(actor))
      throw badRequest([], { visibility: `You are currently not a member of the project role: ${r.name}.` });
    return { type: 'role', value: r.id };
  }
  throw badRequest([], { visibility: `Visibility type '${String(input.type)}' is not known: use 'group' or 'role'.` });
};
