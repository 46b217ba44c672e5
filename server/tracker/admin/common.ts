/** Small checks every admin operation shares, worded as Jira words them. */
import type { Config } from '../../model/index.ts';
import { badRequest, notFound, TrackerError } from '../errors.ts';

/** The form under which two names are the same name (case and surrounding blanks aside). */
export const sameKey = (name: string): string => name.trim().toLowerCase();
export const same = (a: string, b: string): boolean => sameKey(a) === sameKey(b);

/** A required, trimmed, length-limited name. */
export const nameOf = (value: unknown, what: string, max = 255, key = 'name'): string => {
  if (typeof value !== 'string' || !value.trim()) throw badRequest([], { [key]: `The ${what} name must not be empty.` });
  const name = value.trim();
  if (name.length > max) throw badRequest([], { [key]: `The ${what} name must not exceed ${max} characters.` });
  return name;
};

export const descriptionOf = (value: unknown, max = 255): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(['The description must be a string.']);
  if (value.length > max) throw badRequest([`The length of the description must not exceed ${max} characters.`]);
  return value === '' ? undefined : value;
};

/** Sets or drops an optional text member (the model leaves empty text out). */
export const setText = <T extends object>(target: T, key: keyof T & string, value: string | undefined): void => {
  if (value === undefined || value === '') delete (target as Record<string, unknown>)[key];
  else (target as Record<string, unknown>)[key] = value;
};

export const conflict = (message: string) => new TrackerError(409, { errorMessages: [message], errors: {} });

export const byIdOr404 = <T extends { id: string }>(list: readonly T[], id: string, message: string): T => {
  const x = list.find((e) => e.id === String(id));
  if (!x) throw notFound(message);
  return x;
};

export const indexOr404 = <T extends { id: string }>(list: readonly T[], id: string, message: string): number => {
  const i = list.findIndex((e) => e.id === String(id));
  if (i < 0) throw notFound(message);
  return i;
};

/** Whether another entity in the list already has this name (case-insensitively). */
export const nameTaken = (list: readonly { id: string; name: string }[], name: string, except?: string): boolean =>
  list.some((e) => e.id !== except && same(e.name, name));

/** Project keys of the projects that use a scheme of a kind. */
export const projectsUsing = (config: Config, kind: keyof Config['projects'][number]['schemes'], id: string): string[] =>
  config.projects.filter((p) => p.schemes[kind] === id).map((p) => p.key);

/** Moves the item at `from` to a position: `First`, `Last`, or after the item with id `after`. */
export const moveInList = <T extends { id: string }>(
  list: T[],
  ids: readonly string[],
  position: { after?: string; position?: 'First' | 'Last' },
): void => {
  const moving = ids.map((id) => list.find((x) => x.id === id)!);
  const rest = list.filter((x) => !ids.includes(x.id));
  let at: number;
  if (position.after !== undefined) at = rest.findIndex((x) => x.id === position.after) + 1;
  else at = position.position === 'First' ? 0 : rest.length;
  list.splice(0, list.length, ...rest.slice(0, at), ...moving, ...rest.slice(at));
};

/** Removes an entry from a list, remembering in the records where it stood (see AdminRecords.ghosts). */
export const removeRemembered = <T>(ghosts: Record<string, string | null>, key: string, list: T[], at: number, idOf: (t: T) => string): void => {
  const next = list[at + 1];
  ghosts[`${key}:${idOf(list[at]!)}`] = next === undefined ? null : idOf(next);
  list.splice(at, 1);
};

/** Puts an entry back where a removal left it (before the entry that followed it), else at the end. */
export const insertRemembered = <T>(ghosts: Record<string, string | null>, key: string, list: T[], entry: T, idOf: (t: T) => string): void => {
  const next = ghosts[`${key}:${idOf(entry)}`];
  const at = next === undefined || next === null ? -1 : list.findIndex((x) => idOf(x) === next);
  if (at < 0) list.push(entry);
  else list.splice(at, 0, entry);
};
