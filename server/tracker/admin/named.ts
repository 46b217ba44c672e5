/**
 * The create / rename / delete that most configuration lists share (screens, schemes, field
 * configurations, priorities, roles, …): one definition per kind says where the list is, how Jira
 * words its refusals and what makes an entity impossible to delete.
 */
import type { Config } from '../../model/index.ts';
import { badRequest, notFound } from '../errors.ts';
import type { Actor } from '../types.ts';
import { descriptionOf, nameOf, nameTaken, setText } from './common.ts';
import { write, type AdminEnv } from './env.ts';
import { requireAdministrator } from './guard.ts';
import type { IdKind } from './ids.ts';
import type { Tx } from './tx.ts';

export interface Named {
  id: string;
  name: string;
  description?: string;
  ext?: Record<string, unknown>;
}

export interface Kind<T extends Named> {
  list: (c: Config) => T[];
  set: (c: Config, list: T[]) => void;
  idKind: IdKind;
  what: string;
  notFound: string;
  taken: (name: string) => string;
  adminOnly: string;
  maxName?: number;
  /** Where the model has no description member, it is kept in `ext.description`. */
  descriptionInExt?: boolean;
  /** Why the entity cannot be deleted, if it cannot. */
  inUse?: (tx: Tx, e: T) => string | undefined;
  /** What else goes when it is deleted (references Jira drops with it). */
  onDelete?: (tx: Tx, e: T) => void;
}

export const entityOr404 = <T extends Named>(tx: Tx, kind: Kind<T>, id: string): T => {
  const e = kind.list(tx.config).find((x) => x.id === String(id));
  if (!e) throw notFound(kind.notFound);
  return e;
};

export const setDescription = <T extends Named>(kind: Kind<T>, e: T, value: unknown, max = 255): void => {
  if (value === undefined) return;
  const d = descriptionOf(value, max);
  if (!kind.descriptionInExt) {
    setText(e, 'description', d);
    return;
  }
  const { description: _old, ...rest } = e.ext ?? {};
  if (d) e.ext = { ...rest, description: d };
  else if (Object.keys(rest).length) e.ext = rest;
  else delete e.ext;
};

export const describedBy = (e: Named): string => e.description ?? (typeof e.ext?.description === 'string' ? e.ext.description : '');

export const checkedName = <T extends Named>(tx: Tx, kind: Kind<T>, value: unknown, except?: string): string => {
  const name = nameOf(value, kind.what, kind.maxName ?? 255);
  if (nameTaken(kind.list(tx.config), name, except)) throw badRequest([kind.taken(name)]);
  return name;
};

export const createNamed = <T extends Named>(
  env: AdminEnv,
  actor: Actor,
  kind: Kind<T>,
  input: { name: unknown; description?: unknown },
  build: (tx: Tx, id: string, name: string) => T,
): T => {
  requireAdministrator(env.ctx(), actor, kind.adminOnly);
  return write(env, actor, (tx) => {
    const name = checkedName(tx, kind, input.name);
    const e = build(tx, tx.nextId(kind.idKind), name);
    setDescription(kind, e, input.description);
    kind.list(tx.config).push(e);
    return e;
  });
};

export const updateNamed = <T extends Named>(
  env: AdminEnv,
  actor: Actor,
  kind: Kind<T>,
  id: string,
  input: { name?: unknown; description?: unknown },
  more?: (tx: Tx, e: T) => void,
): T => {
  requireAdministrator(env.ctx(), actor, kind.adminOnly);
  return write(env, actor, (tx) => {
    const e = entityOr404(tx, kind, id);
    if (input.name !== undefined) e.name = checkedName(tx, kind, input.name, e.id);
    setDescription(kind, e, input.description);
    more?.(tx, e);
    return e;
  });
};

export const deleteNamed = <T extends Named>(env: AdminEnv, actor: Actor, kind: Kind<T>, id: string): void => {
  requireAdministrator(env.ctx(), actor, kind.adminOnly);
  write(env, actor, (tx) => {
    const e = entityOr404(tx, kind, id);
    const why = kind.inUse?.(tx, e);
    if (why) throw badRequest([why]);
    kind.onDelete?.(tx, e);
    kind.set(
      tx.config,
      kind.list(tx.config).filter((x) => x !== e),
    );
  });
};
