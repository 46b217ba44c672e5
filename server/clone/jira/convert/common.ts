/** Small helpers shared by the converters: ids as strings, optional text, users by account id or (Data Center) key. */
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
export const iso = (v: unknown): string | null => {
  if (typeof v !== 'string' || !v) return null;
  const ms = Date.parse(v.replace(/([+-]\d\d)(\d\d)$/, '$1:$2'));
  return Number.isNaN(ms) ? v : new Date(ms).toISOString();
};
export const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

/** What was left out while converting, for the manifest's `notContained`. */
export class Skipped {
  private readonly items = new Map<string, Set<string>>();
  add(what: string, name: string): void {
    const set = this.items.get(what) ?? new Set<string>();
    set.add(name);
    this.items.set(what, set);
  }
  notes(): string[] {
    return [...this.items].map(([what, names]) => `${what}: ${names.size} left out (${[...names].slice(0, 8).join(', ')}${names.size > 8 ? ', …' : ''})`);
  }
}
