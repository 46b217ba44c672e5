/**
 * Inverses of configuration changes, computed instead of hand-written: an operation's configuration
 * before and after are diffed into patches that turn "after" back into "before", positions included.
 * Computing them means no operation can forget to restore a list position or a touched scheme.
 */
import type { Config } from '../model/index.ts';

export type PathSeg = string | number;
/** One step of a restore; patches of one diff touch disjoint paths, so their order does not matter. */
export type Patch =
  | { op: 'set'; path: PathSeg[]; value: unknown }
  | { op: 'delete'; path: PathSeg[] }
  | { op: 'splice'; path: PathSeg[]; index: number; remove: number; insert: unknown[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const OBJECT_PROTO = Object.prototype;

/**
 * Equal as JSON data: undefined members count as absent (the canonical hash's view), and anything
 * unusual (NaN, Dates, other prototypes) counts as different, so a caller that keeps one side when
 * equal never loses a value the other side holds.
 */
export const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== OBJECT_PROTO || Object.getPrototypeOf(b) !== OBJECT_PROTO) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let defined = 0;
  for (const k of Object.keys(x)) {
    if (x[k] === undefined) continue;
    defined++;
    if (!deepEqual(x[k], y[k])) return false;
  }
  for (const k of Object.keys(y)) if (y[k] !== undefined) defined--;
  return defined === 0;
};

/** Patches that turn `from` into `to` (call it with (after, before) to get an inverse). */
export const diff = (from: unknown, to: unknown, path: PathSeg[] = [], out: Patch[] = []): Patch[] => {
  if (deepEqual(from, to)) return out;
  if (isObj(from) && isObj(to)) {
    const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
    for (const k of keys) {
      const f = from[k];
      const t = to[k];
      if (t === undefined) {
        if (f !== undefined) out.push({ op: 'delete', path: [...path, k] });
      } else if (f === undefined) out.push({ op: 'set', path: [...path, k], value: t });
      else diff(f, t, [...path, k], out);
    }
    return out;
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    if (from.length === to.length) {
      for (let i = 0; i < from.length; i++) diff(from[i], to[i], [...path, i], out);
      return out;
    }
    // Different lengths: keep the common head and tail, replace the middle in one splice.
    let head = 0;
    while (head < from.length && head < to.length && deepEqual(from[head], to[head])) head++;
    let tail = 0;
    while (tail < from.length - head && tail < to.length - head && deepEqual(from[from.length - 1 - tail], to[to.length - 1 - tail])) tail++;
    out.push({ op: 'splice', path, index: head, remove: from.length - head - tail, insert: to.slice(head, to.length - tail) });
    return out;
  }
  out.push({ op: 'set', path, value: to });
  return out;
};

const walk = (root: unknown, path: PathSeg[]): unknown => {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') throw new Error(`restore path ${JSON.stringify(path)} does not exist`);
    cur = (cur as Record<PathSeg, unknown>)[seg];
  }
  return cur;
};

/** Applies patches in place. Inserted and set values are copied so the recorded patches stay untouched. */
export const applyPatches = (root: Config, patches: readonly Patch[]): void => {
  for (const p of patches) {
    if (p.op === 'splice') {
      const list = walk(root, p.path);
      if (!Array.isArray(list) || p.index + p.remove > list.length)
        throw new Error(`restore path ${JSON.stringify(p.path)} is not a list of the recorded length`);
      list.splice(p.index, p.remove, ...structuredClone(p.insert));
      continue;
    }
    const parent = walk(root, p.path.slice(0, -1));
    const key = p.path[p.path.length - 1];
    if (parent === null || typeof parent !== 'object' || key === undefined) throw new Error(`restore path ${JSON.stringify(p.path)} does not exist`);
    if (p.op === 'delete') {
      if (Array.isArray(parent)) throw new Error(`restore path ${JSON.stringify(p.path)}: cannot delete a list item`);
      delete (parent as Record<string, unknown>)[key];
    } else (parent as Record<PathSeg, unknown>)[key] = structuredClone(p.value);
  }
};
