/**
 * A configuration with the ids Jira assigns normalised away: every entity keyed by its content
 * (keys.ts), every reference replaced by the key it names, `refs` and `ext` left out (vendor detail
 * the model does not interpret is never written by apply, so it is never proven either). Two
 * configurations that differ only in the ids of re-created entities normalise to the same value,
 * and so to the same hash. What it cannot tell apart: two same-named entities swapping places
 * (`name#2`), and the order of lists Jira shows in id order (see entities.ts).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../outside.ts';
import type { Config } from '../../model/index.ts';
import { COLLECTIONS, type Json } from './entities.ts';
import { holderKey, keysOf, uniqueKeys, type IdKeys } from './keys.ts';

export { IdKeys, keysOf, uniqueKeys, holderKey, type IdKind } from './keys.ts';
export { normaliseJql, normaliseValue } from './entities.ts';

export interface NormalConfig {
  /** collection → content key → the entity, normalised. */
  entities: Record<string, Record<string, Json>>;
  /** The collections whose order is state (priorities, resolutions): their keys in order. */
  order: Record<string, string[]>;
}

export interface Normalised {
  normal: NormalConfig;
  keys: IdKeys;
}

export const normalise = (config: Config): Normalised => {
  const keys = keysOf(config);
  const entities: NormalConfig['entities'] = {};
  const order: NormalConfig['order'] = {};
  for (const [name, spec] of Object.entries(COLLECTIONS)) {
    const list = (config as unknown as Record<string, { id?: string; accountId?: string; name?: string }[]>)[name] ?? [];
    const out: Record<string, Json> = {};
    const ks =
      name === 'users'
        ? list.map((u) => u.accountId!)
        : name === 'projects'
          ? list.map((p) => (p as { key: string }).key)
          : name === 'fields'
            ? list.map((f) => keys.key('field', f.id!))
            : uniqueKeys(list.map((e) => e.name ?? ''));
    list.forEach((e, i) => {
      out[ks[i]!] = spec!.of(e, config, keys);
    });
    entities[name] = sortKeys(out);
    if (spec!.ordered) order[name] = ks;
  }
  entities.globalPermissions = Object.fromEntries(
    config.globalPermissions.map((g) => [`${g.permission}:${holderKey(keys, { type: 'group', value: g.group })}`, true]),
  );
  const t = config.tracker;
  entities.tracker = {
    tracker: { title: t.title, ...(t.deploymentType ? { deploymentType: t.deploymentType } : {}), ...(t.version ? { version: t.version } : {}) },
  };
  return { normal: { entities, order }, keys };
};

const sortKeys = (o: Record<string, Json>): Record<string, Json> =>
  Object.fromEntries(
    Object.keys(o)
      .sort()
      .map((k) => [k, o[k]]),
  );

/** sha256 of the canonical JSON of a normalised configuration: what the proof compares. */
export const normalHash = (n: NormalConfig): string => `sha256:${createHash('sha256').update(canonicalJson(n)).digest('hex')}`;

export interface NormalChange {
  collection: string;
  key: string;
  change: 'added' | 'removed' | 'changed' | 'reordered';
}

/** Where two normalised configurations differ, entity by entity (what drift and a failed proof say). */
export const normalChanges = (before: NormalConfig, after: NormalConfig): NormalChange[] => {
  const out: NormalChange[] = [];
  const collections = new Set([...Object.keys(before.entities), ...Object.keys(after.entities)]);
  for (const c of [...collections].sort()) {
    const b = before.entities[c] ?? {};
    const a = after.entities[c] ?? {};
    for (const k of Object.keys(b)) {
      if (!(k in a)) out.push({ collection: c, key: k, change: 'removed' });
      else if (canonicalJson(b[k]) !== canonicalJson(a[k])) out.push({ collection: c, key: k, change: 'changed' });
    }
    for (const k of Object.keys(a)) if (!(k in b)) out.push({ collection: c, key: k, change: 'added' });
    const bo = before.order[c];
    const ao = after.order[c];
    if ((bo || ao) && canonicalJson(bo?.filter((k) => ao?.includes(k))) !== canonicalJson(ao?.filter((k) => bo?.includes(k))))
      out.push({ collection: c, key: '(order)', change: 'reordered' });
  }
  return out;
};

export const describeChange = (c: NormalChange): string => `${c.collection} '${c.key}': ${c.change}`;
