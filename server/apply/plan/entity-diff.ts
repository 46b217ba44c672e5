/**
 * The changes of a migration, entity by entity: two normalised configurations compared per
 * collection. Entities are paired by their id in the rehearsal's configurations (which keep
 * production's ids for what existed), so a rename is one change of one entity, not a removal and
 * an addition (that would lose the issues it holds).
 */
import { COLLECTIONS } from '../normalise/entities.ts';
import type { View } from '../production/read.ts';
import { canonicalJson } from '../outside.ts';
import { ORDER_KEY, type EntityChange } from './types.ts';

type Entity = { id?: string; accountId?: string; key?: string };

const idOf = (collection: string, e: Entity): string => String(collection === 'users' ? e.accountId : e.id);

/** Key by id, in list order, as the normaliser keyed them. */
const keyed = (view: View, collection: string): Map<string, string> => {
  const kind = COLLECTIONS[collection as keyof typeof COLLECTIONS]!.kind;
  const list = (view.config as unknown as Record<string, Entity[]>)[collection] ?? [];
  return new Map(
    list.map((e) => {
      const id = idOf(collection, e);
      return [id, collection === 'projects' ? String(e.key) : view.keys.key(kind, id)];
    }),
  );
};

const eq = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

export const entityChanges = (before: View, after: View): EntityChange[] => {
  const out: EntityChange[] = [];
  for (const collection of Object.keys(COLLECTIONS)) {
    const b = keyed(before, collection);
    const a = keyed(after, collection);
    const bv = before.normal.entities[collection] ?? {};
    const av = after.normal.entities[collection] ?? {};
    const renamed = new Map<string, string>();
    for (const [id, key] of b) {
      const to = a.get(id);
      if (to === undefined) out.push({ collection, key, from: bv[key] ?? null, to: null });
      else if (to !== key) {
        renamed.set(key, to);
        out.push({ collection, key, rename: to, from: bv[key] ?? null, to: av[to] ?? null });
      } else if (!eq(bv[key], av[key])) out.push({ collection, key, from: bv[key] ?? null, to: av[key] ?? null });
    }
    for (const [id, key] of a) if (!b.has(id)) out.push({ collection, key, from: null, to: av[key] ?? null });
    const bo = before.normal.order[collection];
    const ao = after.normal.order[collection];
    if (
      bo &&
      ao &&
      !eq(
        bo.map((k) => renamed.get(k) ?? k),
        ao,
      )
    )
      out.push({ collection, key: ORDER_KEY, from: bo.map((k) => renamed.get(k) ?? k), to: ao });
  }
  for (const pseudo of ['globalPermissions', 'tracker']) {
    const bv = before.normal.entities[pseudo] ?? {};
    const av = after.normal.entities[pseudo] ?? {};
    for (const k of new Set([...Object.keys(bv), ...Object.keys(av)]))
      if (!eq(bv[k], av[k])) out.push({ collection: pseudo, key: k, from: bv[k] ?? null, to: av[k] ?? null });
  }
  return out;
};
