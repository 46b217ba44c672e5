/**
 * Comparing two regression runs as data: observations are matched by id; a missing, new or
 * different value is a difference, named with a change word the `expect` vocabulary uses
 * (createmeta: required / optional / default / allowedValues / added / removed / create;
 * permissions: granted / revoked; everything else: added / removed / changed).
 */
import { deepEqual } from '../../migrate/index.ts';
import type { Difference, Observation } from '../result.ts';

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const changeWord = (o: Observation, before: unknown, after: unknown): string => {
  const b = obj(before);
  const a = obj(after);
  switch (o.check) {
    case 'permissions':
      return after === true ? 'granted' : 'revoked';
    case 'createmeta':
      if (o.id.endsWith('|create')) return a.created === b.created ? 'changed' : a.created ? 'create-succeeds' : 'create-fails';
      if ('available' in a) return a.available ? 'available' : 'unavailable';
      if (b.required !== a.required) return a.required ? 'required' : 'optional';
      if (b.hasDefault !== a.hasDefault) return 'default';
      if (!deepEqual(b.allowed, a.allowed)) return 'allowedValues';
      return 'changed';
    case 'boards':
    case 'filters': {
      // The same issues in another order (e.g. a bulk change moved them up an "updated DESC" list).
      const list = (v: unknown) => (Array.isArray(v) ? v : Array.isArray(obj(v).keys) ? (obj(v).keys as unknown[]) : undefined);
      const lb = list(before);
      const la = list(after);
      if (lb && la && lb.length === la.length && new Set(lb.map(String)).size === lb.length && lb.every((x) => la.includes(x))) return 'reordered';
      return 'changed';
    }
    case 'transitions':
      if (o.id.startsWith('transitions|sees|')) {
        const gone = (v: unknown) => Array.isArray(v) && v.length === 1 && String(v[0]).startsWith('HTTP ');
        if (gone(after) && !gone(before)) return 'hidden';
        if (gone(before) && !gone(after)) return 'shown';
      }
      return 'changed';
    default:
      return 'changed';
  }
};

/** Values offered on one side only (createmeta allowed values), so `expect` and attribution can name them. */
const allowedDelta = (before: unknown, after: unknown): string[] => {
  const b = new Set((obj(before).allowed as string[] | undefined) ?? []);
  const a = new Set((obj(after).allowed as string[] | undefined) ?? []);
  return [...[...b].filter((x) => !a.has(x)), ...[...a].filter((x) => !b.has(x))];
};

const union = (a: Record<string, string[]>, b: Record<string, string[]>): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const src of [a, b]) for (const [k, v] of Object.entries(src)) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
};

/** Transitions that appear on one side only of a "sees" observation, by name. */
const transitionDelta = (before: unknown, after: unknown): string[] => {
  const names = (v: unknown) =>
    new Set(
      (Array.isArray(v) ? v : [])
        .map(String)
        .filter((x) => !x.startsWith('HTTP '))
        .map((x) => x.split(' → ')[0]!),
    );
  const b = names(before);
  const a = names(after);
  return [...new Set([...[...b].filter((x) => !a.has(x)), ...[...a].filter((x) => !b.has(x))])];
};

export const indexObservations = (list: readonly Observation[]): Map<string, Observation> => {
  const m = new Map<string, Observation>();
  for (const o of list) m.set(o.id, o);
  return m;
};

/** Differences from `before` to `after`, in a stable order (by check, then id). */
export const compareObservations = (before: readonly Observation[], after: readonly Observation[]): Difference[] => {
  const b = indexObservations(before);
  const a = indexObservations(after);
  const out: Difference[] = [];
  for (const [id, ob] of b) {
    const oa = a.get(id);
    if (!oa) {
      out.push({ check: ob.check, id, label: ob.label, keys: { ...ob.keys, change: ['removed'] }, change: 'removed', before: ob.value });
      continue;
    }
    if (deepEqual(ob.value, oa.value)) continue;
    const change = changeWord(ob, ob.value, oa.value);
    const keys = union(ob.keys, oa.keys);
    if (ob.check === 'transitions' && id.startsWith('transitions|sees|')) {
      const delta = transitionDelta(ob.value, oa.value);
      if (delta.length) keys.transition = delta;
    }
    if (change === 'allowedValues') keys.value = allowedDelta(ob.value, oa.value);
    if (ob.check === 'transitions' && id.startsWith('transitions|walk')) {
      const res = [obj(ob.value).resolution, obj(oa.value).resolution].filter((x): x is string => typeof x === 'string');
      if (res.length) keys.resolution = [...new Set(res)];
    }
    keys.change = [change];
    out.push({ check: ob.check, id, label: ob.label, keys, change, before: ob.value, after: oa.value });
  }
  for (const [id, oa] of a) {
    if (!b.has(id)) out.push({ check: oa.check, id, label: oa.label, keys: { ...oa.keys, change: ['added'] }, change: 'added', after: oa.value });
  }
  return out.sort((x, y) => (x.check < y.check ? -1 : x.check > y.check ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
};
