/**
 * Resolves the names admins write (display names, project keys, e-mails) to ids. One resolver for
 * every operation, so every error reads the same: the migration, the op's position and kind, the
 * bad name, and the candidates (all matches when ambiguous, the closest by edit distance when unknown).
 */
import { closest, editDistance, q } from '../model/index.ts';
import { OpError } from './errors.ts';
import type { OpSite } from './types.ts';

export { closest, editDistance };

export interface NameSpec<T> {
  /** What the thing is called in messages: `status`, `field`, `permission scheme`. */
  what: string;
  /** Its id (always accepted, exactly). */
  id: (t: T) => string;
  /** The names an admin may use for it (matched case-insensitively); the first is shown. */
  names: (t: T) => readonly string[];
}

/**
 * Finds the one item an admin named. Accepts the id exactly, else a name case-insensitively.
 * Throws an OpError with candidates when there is none or more than one.
 */
export const resolveOne = <T>(site: OpSite, spec: NameSpec<T>, items: readonly T[], name: unknown, argName?: string): T => {
  const label = argName ? `${argName}: ` : '';
  if (typeof name !== 'string' || name.trim() === '') {
    throw new OpError(site, { message: `${label}expected the name of a ${spec.what}, got ${JSON.stringify(name)}` });
  }
  const byId = items.filter((t) => spec.id(t) === name);
  if (byId.length === 1) return byId[0]!;
  const lower = name.trim().toLowerCase();
  const matches = items.filter((t) => spec.names(t).some((n) => n.toLowerCase() === lower));
  if (matches.length === 1) return matches[0]!;
  const show = (t: T) => `${q(spec.names(t)[0] ?? spec.id(t))} (id ${spec.id(t)})`;
  if (matches.length > 1) {
    throw new OpError(site, {
      message: `${label}the ${spec.what} name ${q(name)} is ambiguous: ${matches.length} match; name it by id instead`,
      candidates: matches.map(show),
    });
  }
  const all = items.flatMap((t) => spec.names(t).slice(0, 1));
  const near = closest(name, all);
  throw new OpError(site, {
    message: `${label}there is no ${spec.what} named ${q(name)}${near.length ? `; did you mean ${near.map(q).join(' or ')}?` : ` (there are none)`}`,
    candidates: near,
  });
};

/** Resolves a list of names; every one must resolve. */
export const resolveMany = <T>(site: OpSite, spec: NameSpec<T>, items: readonly T[], names: unknown, argName: string): T[] => {
  if (!Array.isArray(names)) throw new OpError(site, { message: `${argName}: expected a list of ${spec.what} names, got ${JSON.stringify(names)}` });
  return names.map((n) => resolveOne(site, spec, items, n, argName));
};

/** Fails when a new name is already taken by another item of the same kind (names must stay unique). */
export const assertNameFree = <T>(site: OpSite, spec: NameSpec<T>, items: readonly T[], name: unknown, except?: T, argName = 'name'): string => {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new OpError(site, { message: `${argName}: expected a non-empty ${spec.what} name, got ${JSON.stringify(name)}` });
  }
  const clash = items.find((t) => t !== except && spec.names(t).some((n) => n.toLowerCase() === name.trim().toLowerCase()));
  if (clash) {
    throw new OpError(site, {
      message: `${argName}: a ${spec.what} named ${q(spec.names(clash)[0]!)} (id ${spec.id(clash)}) already exists; pick another name`,
    });
  }
  return name.trim();
};

/** Fails with a plain precondition message. */
export const fail = (site: OpSite, message: string, candidates?: string[]): never => {
  throw new OpError(site, candidates ? { message, candidates } : { message });
};
