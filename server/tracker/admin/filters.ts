/**
 * Saved filters: any signed-in user creates them; the owner (or a Jira administrator) changes and
 * deletes them; sharing needs the global "share" permission; the JQL must be valid, as Jira checks it.
 * Favourites are a person's preference, kept in the admin records (outside the hash).
 */
import { JqlError } from '../../model/index.ts';
import { parseJql } from '../../model/index.ts';
import type { SavedFilter } from '../../model/index.ts';
import type { Ctx } from '../context.ts';
import { badRequest, notFound, TrackerError } from '../errors.ts';
import { matchAll } from '../jql/search.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, same, setText } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { isAdministrator } from './guard.ts';
import type { Tx } from './tx.ts';

type Share = SavedFilter['shares'][number];
export interface FilterInput {
  name?: unknown;
  description?: unknown;
  jql?: unknown;
  shares?: Share[];
}

const mustSignIn = (actor: Actor): string => {
  if (actor === null)
    throw new TrackerError(401, { errorMessages: ['You are not authenticated. Authentication required to perform this operation.'], errors: {} });
  return actor;
};

/** Jira's JQL check for a filter: syntax, fields, values, functions. */
const jqlErrors = (ctx: Ctx, actor: Actor, jql: string): string[] => {
  try {
    parseJql(jql);
    matchAll({ ...ctx, state: { ...ctx.state, issues: [] } }, actor, jql);
    return [];
  } catch (e) {
    if (e instanceof JqlError) return [e.message];
    throw e;
  }
};

const filterOr404 = (tx: Tx, id: string): SavedFilter => {
  const f = tx.config.filters.find((x) => x.id === String(id));
  if (!f) throw notFound('The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.');
  return f;
};

const mayEdit = (ctx: Ctx, actor: string, f: SavedFilter): void => {
  if (f.owner !== actor && !isAdministrator(ctx, actor))
    throw new TrackerError(400, { errorMessages: ['Only the owner of a filter may change it.'], errors: {} });
};

const checkShares = (tx: Tx, ctx: Ctx, actor: string, shares: readonly Share[]): void => {
  if (shares.length && !isAdministrator(ctx, actor) && !ctx.ix.hasGlobal(actor, 'CREATE_SHARED_OBJECTS'))
    throw badRequest(['You do not have permission to share filters.']);
  for (const s of shares) {
    if (s.type === 'group' && !tx.config.groups.some((g) => g.id === s.value)) throw badRequest([`The group '${s.value}' does not exist.`]);
    if (s.type === 'project' && !tx.config.projects.some((p) => p.key === s.value)) throw badRequest([`The project '${s.value}' does not exist.`]);
    if (s.type === 'projectRole' && !tx.config.roles.some((r) => r.id === s.value))
      throw badRequest([`The project role '${s.value}' does not exist.`]);
    if (s.type === 'user' && !tx.config.users.some((u) => u.accountId === s.value)) throw badRequest([`The user '${s.value}' does not exist.`]);
  }
};

const apply = (tx: Tx, ctx: Ctx, actor: string, f: SavedFilter, input: FilterInput): void => {
  if (input.name !== undefined) {
    const name = nameOf(input.name, 'filter', 255, 'filterName');
    if (tx.config.filters.some((x) => x !== f && x.owner === f.owner && same(x.name, name)))
      throw badRequest([], { filterName: 'A filter with this name already exists.' });
    f.name = name;
  }
  if (input.description !== undefined) setText(f, 'description', descriptionOf(input.description, 4000));
  if (input.jql !== undefined) {
    if (typeof input.jql !== 'string' || !input.jql.trim()) throw badRequest([], { jql: 'The JQL query is required.' });
    const errors = jqlErrors(ctx, actor, input.jql);
    if (errors.length) throw badRequest([], { jql: errors[0]! });
    f.jql = input.jql;
  }
  if (input.shares !== undefined) {
    checkShares(tx, ctx, actor, input.shares);
    f.shares = input.shares.map((s) => ({ ...s }));
  }
};

export const filters = {
  create: (env: AdminEnv, actor: Actor, input: FilterInput & { favourite?: boolean }): SavedFilter => {
    const who = mustSignIn(actor);
    return write(env, actor, (tx) => {
      if (input.name === undefined) throw badRequest([], { filterName: 'You must specify a name for the filter.' });
      if (input.jql === undefined) input = { ...input, jql: 'ORDER BY created DESC' };
      const f: SavedFilter = { id: tx.nextId('filter'), name: '', owner: who, jql: '', shares: [] };
      tx.config.filters.push(f);
      apply(tx, env.ctx(), who, f, input);
      if (input.favourite !== false)
        tx.onCommit(() => {
          tx.records.favourites[f.id] = [who];
        });
      return f;
    });
  },
  update: (env: AdminEnv, actor: Actor, id: string, input: FilterInput): SavedFilter => {
    const who = mustSignIn(actor);
    return write(env, actor, (tx) => {
      const f = filterOr404(tx, id);
      mayEdit(env.ctx(), who, f);
      apply(tx, env.ctx(), who, f, input);
      return f;
    });
  },
  delete: (env: AdminEnv, actor: Actor, id: string): void => {
    const who = mustSignIn(actor);
    write(env, actor, (tx) => {
      const f = filterOr404(tx, id);
      if (f.owner !== who && !isAdministrator(env.ctx(), who))
        throw new TrackerError(401, { errorMessages: ['You do not have permission to delete this filter.'], errors: {} });
      const boards = tx.config.boards.filter((b) => b.filter === f.id);
      if (boards.length)
        throw badRequest([`The filter '${f.name}' cannot be deleted: the boards ${boards.map((b) => `'${b.name}'`).join(', ')} use it.`]);
      tx.config.filters = tx.config.filters.filter((x) => x !== f);
      tx.onCommit(() => {
        delete tx.records.favourites[f.id];
      });
    });
  },
  setOwner: (env: AdminEnv, actor: Actor, id: string, accountId: string): void => {
    const who = mustSignIn(actor);
    write(env, actor, (tx) => {
      const f = filterOr404(tx, id);
      if (f.owner !== who && !isAdministrator(env.ctx(), who))
        throw new TrackerError(403, { errorMessages: ['Only the owner of the filter or a Jira administrator can change its owner.'], errors: {} });
      if (!tx.config.users.some((u) => u.accountId === accountId)) throw notFound(`The user '${accountId}' does not exist.`);
      if (tx.config.filters.some((x) => x !== f && x.owner === accountId && same(x.name, f.name)))
        throw badRequest(['The new owner of the filter owns a filter with the same name.']);
      f.owner = accountId;
    });
  },
  addShare: (env: AdminEnv, actor: Actor, id: string, share: Share): void => {
    const who = mustSignIn(actor);
    write(env, actor, (tx) => {
      const f = filterOr404(tx, id);
      mayEdit(env.ctx(), who, f);
      checkShares(tx, env.ctx(), who, [share]);
      if (f.shares.some((s) => s.type === share.type && (s.value ?? null) === (share.value ?? null)))
        throw badRequest(['The filter is already shared that way.']);
      f.shares.push({ ...share });
    });
  },
  /** Share ids are their position + 1, as the answers number them. */
  deleteShare: (env: AdminEnv, actor: Actor, id: string, shareId: string): void => {
    const who = mustSignIn(actor);
    write(env, actor, (tx) => {
      const f = filterOr404(tx, id);
      mayEdit(env.ctx(), who, f);
      const at = Number(shareId) - 1;
      if (!Number.isInteger(at) || at < 0 || at >= f.shares.length) throw notFound(`The share permission ${shareId} was not found.`);
      f.shares.splice(at, 1);
    });
  },
  /** Marks or unmarks a filter the caller can see as a favourite (records only: not configuration). */
  favourite: (env: AdminEnv, actor: Actor, id: string, on: boolean, visible: (f: SavedFilter) => boolean): SavedFilter => {
    const who = mustSignIn(actor);
    const f = env.ctx().state.config.filters.find((x) => x.id === String(id));
    if (!f || !visible(f)) throw badRequest(['The filter is not found or you do not have permission to view it.']);
    const r = env.records();
    const list = (r.favourites[f.id] ?? []).filter((x) => x !== who);
    if (on) list.push(who);
    if (list.length) r.favourites[f.id] = list;
    else delete r.favourites[f.id];
    return f;
  },
  favouritedBy: (env: AdminEnv, id: string): readonly string[] => env.records().favourites[id] ?? [],
  get: (env: AdminEnv, id: string): SavedFilter | undefined => env.ctx().state.config.filters.find((f) => f.id === String(id)),
};
