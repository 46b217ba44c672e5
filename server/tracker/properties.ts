/**
 * Entity properties of issues, projects and users: JSON values by key, as apps and scripts keep
 * them. Reading needs what seeing the entity needs; writing needs EDIT_ISSUES (issues),
 * ADMINISTER_PROJECTS (projects), or being that user or an administrator (users). Keys up to 255
 * characters, values up to 32 KB of JSON, as Jira limits them, nested at most 100 levels. No history, no notification.
 */
import { FORBIDDEN_KEYS } from '../jira-wire/index.ts';
import type { Properties } from '../model/index.ts';
import { need } from './activity.ts';
import { visibleIssue, type Ctx } from './context.ts';
import { badRequest, denied, notFound, TrackerError } from './errors.ts';
import { can } from './permissions.ts';
import type { Actor } from './types.ts';

export const PROPERTY_VALUE_MAX = 32_768;
/** Deeper values are refused: every later step that walks them (the size check, the canonical hash) recurses. */
export const PROPERTY_DEPTH_MAX = 100;

/** Whether a JSON value nests deeper than `max` arrays and objects (counted without recursing). */
const nestsDeeperThan = (value: unknown, max: number): boolean => {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return false;
};

export type PropertyOwner = { kind: 'issue'; key: string } | { kind: 'project'; key: string } | { kind: 'user'; accountId: string };

interface Holder {
  properties?: Properties;
}

const holderOf = (ctx: Ctx, actor: Actor, owner: PropertyOwner, write: boolean): Holder => {
  if (owner.kind === 'issue') {
    const { issue, project } = visibleIssue(ctx, actor, owner.key);
    if (write) need(ctx, actor, 'EDIT_ISSUES', project, issue, 'You do not have permission to edit this issue.');
    return issue;
  }
  if (owner.kind === 'project') {
    const project = ctx.ix.projects.get(owner.key) ?? ctx.ix.config.projects.find((p) => p.id === owner.key);
    // Seen as the project itself is (server/http/jira/visibility.ts): browsers, its administrators, Jira administrators.
    const sees =
      project &&
      (can(ctx.ix, actor, 'BROWSE_PROJECTS', project) || can(ctx.ix, actor, 'ADMINISTER_PROJECTS', project) || ctx.ix.hasGlobal(actor, 'ADMINISTER'));
    if (!project || !sees) throw notFound(`No project could be found with key '${owner.key}'.`);
    if (write && !can(ctx.ix, actor, 'ADMINISTER_PROJECTS', project))
      throw denied(actor, 'You do not have permission to edit the properties of this project.');
    return project;
  }
  if (actor === null) throw new TrackerError(401, { errorMessages: ['You are not logged in.'], errors: {} });
  const user = ctx.ix.user(owner.accountId);
  if (!user) throw notFound(`The user with account ID '${owner.accountId}' does not exist.`);
  if (user.accountId !== actor && !ctx.ix.hasGlobal(actor, 'ADMINISTER'))
    throw denied(actor, 'You can only read and change your own user properties.');
  return user;
};

export const propertyKeys = (ctx: Ctx, actor: Actor, owner: PropertyOwner): string[] =>
  Object.keys(holderOf(ctx, actor, owner, false).properties ?? {});

export const getProperty = (ctx: Ctx, actor: Actor, owner: PropertyOwner, key: string): unknown => {
  const props = holderOf(ctx, actor, owner, false).properties ?? {};
  if (!Object.hasOwn(props, key)) throw notFound(`The property '${key}' does not exist.`);
  return props[key];
};

/** Sets a property; true when it was created, false when replaced. */
export const setProperty = (ctx: Ctx, actor: Actor, owner: PropertyOwner, key: string, value: unknown): boolean => {
  const holder = holderOf(ctx, actor, owner, true);
  if (!key || key.length > 255) throw badRequest([`The property key must be 1 to 255 characters long.`]);
  if (FORBIDDEN_KEYS.has(key))
    throw badRequest([`The property key '${key}' is not allowed: it names JavaScript object machinery. Choose another key.`]);
  if (value === undefined) throw badRequest(['The property value must be valid JSON.']);
  if (nestsDeeperThan(value, PROPERTY_DEPTH_MAX)) throw badRequest([`The property value nests deeper than ${PROPERTY_DEPTH_MAX} levels.`]);
  if (JSON.stringify(value).length > PROPERTY_VALUE_MAX) throw badRequest([`The property value is larger than ${PROPERTY_VALUE_MAX} bytes.`]);
  const props = holder.properties ?? {};
  const created = !Object.hasOwn(props, key);
  writeProperties(ctx, owner, holder, { ...props, [key]: value });
  return created;
};

export const deleteProperty = (ctx: Ctx, actor: Actor, owner: PropertyOwner, key: string): void => {
  const holder = holderOf(ctx, actor, owner, true);
  const props = { ...(holder.properties ?? {}) };
  if (!Object.hasOwn(props, key)) throw notFound(`The property '${key}' does not exist.`);
  delete props[key];
  writeProperties(ctx, owner, holder, Object.keys(props).length ? props : undefined);
};

/**
 * Issue properties change the issue in place, as every issue write does. Projects and users are
 * configuration, which the tracker never changes in place (forks share it with their base): a new
 * configuration holding a new project or user object replaces it.
 */
const writeProperties = (
  ctx: Ctx,
  owner: PropertyOwner,
  holder: { properties?: Record<string, unknown> },
  next: Record<string, unknown> | undefined,
): void => {
  const withNext = <T extends { properties?: Record<string, unknown> }>(x: T): T => {
    const { properties: _old, ...rest } = x;
    return (next ? { ...rest, properties: next } : rest) as T;
  };
  if (owner.kind === 'issue') {
    if (next) holder.properties = next;
    else delete holder.properties;
    return;
  }
  const config = ctx.state.config;
  ctx.state.config =
    owner.kind === 'project'
      ? { ...config, projects: config.projects.map((p) => (p === holder ? withNext(p) : p)) }
      : { ...config, users: config.users.map((u) => (u === holder ? withNext(u) : u)) };
};
