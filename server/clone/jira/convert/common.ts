/** Small helpers shared by the converters: ids as strings, optional text, users by account id or (Data Center) key. */
import { isoTime } from '../../../jira-wire/index.ts';
import type { Obj } from '../raw.ts';

export const str = (v: unknown): string => String(v);
/** Jira answers '' where the model has nothing. */
export const text = (v: unknown): { description?: string } => (typeof v === 'string' && v !== '' ? { description: v } : {});
/** A description the model has no member for (contexts, some schemes): kept in `ext`, as the sandbox keeps it. */
export const extText = (v: unknown): { ext?: { description: string } } => (typeof v === 'string' && v !== '' ? { ext: { description: v } } : {});
export const userIdOf = (dc: boolean, u: Obj | null | undefined): string | undefined => {
  if (!u) return undefined;
  const id = dc ? (u.key ?? u.name) : (u.accountId ?? u.key ?? u.name);
  return id === undefined || id === null ? undefined : String(id);
};
/** Jira's timestamp (`2025-01-03T09:00:00.000+0000`) → ISO 8601 in UTC. */
export const iso = (v: unknown): string | null => (typeof v !== 'string' || !v ? null : isoTime(v));
export const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

export { Skipped } from '../../../jira-wire/index.ts';
