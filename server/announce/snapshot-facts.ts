/**
 * What the notices need from the snapshot the rehearsal ran on: people (names, groups), the
 * administrators to ask, project names, production's totals and what the snapshot does not hold.
 * Reads manifest.json and config.json only (never the issues) and never writes.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { readJsonFile } from '../store/index.ts';
import type { Config, Manifest } from '../model/index.ts';

export interface Person {
  email: string;
  displayName: string;
  groups: string[];
}

export interface SnapshotFacts {
  /** By e-mail and by account id. */
  people: Map<string, Person>;
  admins: Person[];
  projectNames: Map<string, string>;
  productionIssues?: number;
  notContained: string[];
  /** Why the snapshot could not be read, when it could not (the notices then say less about groups). */
  unreadable?: string;
}

const empty = (why: string): SnapshotFacts => ({ people: new Map(), admins: [], projectNames: new Map(), notContained: [], unreadable: why });

export const readSnapshotFacts = async (dir: string, cwd = process.cwd()): Promise<SnapshotFacts> => {
  const base = isAbsolute(dir) ? dir : resolve(cwd, dir);
  const [manifest, config] = await Promise.all([
    readJsonFile<Manifest>(join(base, 'manifest.json')),
    readJsonFile<Config>(join(base, 'config.json')),
  ]);
  if (!config.ok) return empty(`the snapshot ${dir} could not be read (${config.message})`);
  const c = config.value;
  const groupName = new Map((c.groups ?? []).map((g) => [g.id, g.name]));
  const people = new Map<string, Person>();
  for (const u of c.users ?? []) {
    const p: Person = { email: u.email, displayName: u.displayName, groups: u.groups.map((g) => groupName.get(g) ?? g) };
    people.set(u.email.toLowerCase(), p);
    people.set(u.accountId, p);
  }
  const adminGroups = new Set((c.globalPermissions ?? []).filter((g) => g.permission === 'ADMINISTER').map((g) => g.group));
  const admins = (c.users ?? [])
    .filter((u) => u.active && !u.serviceAccount && u.groups.some((g) => adminGroups.has(g)))
    .map((u) => people.get(u.accountId)!);
  return {
    people,
    admins,
    projectNames: new Map((c.projects ?? []).map((p) => [p.key, p.name])),
    ...(manifest.ok && manifest.value.productionTotals?.issues !== undefined ? { productionIssues: manifest.value.productionTotals.issues } : {}),
    notContained: manifest.ok ? [...(manifest.value.notContained ?? [])] : [],
  };
};
