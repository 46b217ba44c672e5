/**
 * Who may change configuration: Jira administrators (global ADMINISTER) everywhere; project
 * administrators (ADMINISTER_PROJECTS) where Jira lets them (components, versions, role actors,
 * project details). Anonymous callers get 401, signed-in ones 403, with Jira's words.
 */
import type { Project } from '../../model/index.ts';
import type { Ctx } from '../context.ts';
import { TrackerError } from '../errors.ts';
import { can } from '../permissions.ts';
import type { Actor } from '../types.ts';

export const ADMIN_ONLY = 'You are not authorized to perform this action. Administrator privileges are required.';

export const refuse = (actor: Actor, message: string): TrackerError =>
  new TrackerError(actor === null ? 401 : 403, {
    errorMessages: [actor === null ? 'You are not authenticated. Authentication required to perform this operation.' : message],
    errors: {},
  });

export const isAdministrator = (ctx: Ctx, actor: Actor): boolean => ctx.ix.hasGlobal(actor, 'ADMINISTER');

export const requireAdministrator = (ctx: Ctx, actor: Actor, message = ADMIN_ONLY): void => {
  if (!isAdministrator(ctx, actor)) throw refuse(actor, message);
};

/** Jira administrators, or whoever holds ADMINISTER_PROJECTS in the project. */
export const requireProjectAdmin = (
  ctx: Ctx,
  actor: Actor,
  project: Project,
  message = 'You cannot edit the configuration of this project.',
): void => {
  if (isAdministrator(ctx, actor) || can(ctx.ix, actor, 'ADMINISTER_PROJECTS', project)) return;
  throw refuse(actor, message);
};

/** Jira's current workflow APIs answer a signed-in caller without the permission with 401, not 403. */
export const requireAdministrator401 = (ctx: Ctx, actor: Actor): void => {
  if (!isAdministrator(ctx, actor)) throw new TrackerError(401, { errorMessages: [ADMIN_ONLY], errors: {} });
};
