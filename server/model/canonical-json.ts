/**
 * Canonical JSON: object keys sorted, `undefined` members dropped, arrays kept in order.
 * Two values that mean the same thing serialise to the same string, whatever their key order.
 *
 * The definition is `canonicalJsonReference` below. `canonicalJson` returns exactly the same text
 * faster: one walk classifies the value; plain JSON data whose keys are already in sorted order
 * (what the store writes and therefore loads) goes straight to the native `JSON.stringify`; plain
 * data with unsorted keys is cloned with sorted keys first; anything unusual (Dates, functions,
 * holes, integer-like keys, foreign prototypes) takes the reference path.
 */
export const canonicalJsonReference = (value: unknown): string => {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
};

const OBJECT_PROTO = Object.prototype;
const ARRAY_PROTO = Array.prototype;
/** Value classes: the native serialiser's output equals the canonical text as is, after sorting keys, or not at all. */
export const READY = 0;
export const UNSORTED = 1;
export const OTHER = 2;

/** Array-index keys ("0" … "4294967294") enumerate in numeric order whatever the insertion order. */
const isIndexKey = (k: string): boolean => {
  const c = k.charCodeAt(0);
  return c >= 48 && c <= 57 && String(Number(k) >>> 0) === k && k !== '4294967295';
};

/** Classifies a value: READY, UNSORTED (plain JSON data, some object's keys out of order) or OTHER. */
export const classify = (v: unknown): number => {
  if (v === null) return READY;
  const t = typeof v;
  if (t !== 'object') return t === 'string' || t === 'number' || t === 'boolean' ? READY : OTHER;
  let worst = READY;
  if (Array.isArray(v)) {
    if (Object.getPrototypeOf(v) !== ARRAY_PROTO) return OTHER;
    for (let i = 0; i < v.length; i++) {
      const e: unknown = v[i];
      if (e === undefined) return OTHER; // a hole or undefined: map() and JSON.stringify differ
      const c = classify(e);
      if (c === OTHER) return OTHER;
      if (c > worst) worst = c;
    }
    return worst;
  }
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== OBJECT_PROTO && proto !== null) return OTHER;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj);
  let sorted = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (sorted && i > 0 && !(keys[i - 1]! < k)) sorted = false;
    if (k === '__proto__') return OTHER;
    const e = obj[k];
    if (e === undefined) continue;
    const c = classify(e);
    if (c === OTHER) return OTHER;
    if (c > worst) worst = c;
  }
  if (sorted) return worst;
  // A clone cannot reorder index keys: leave such objects to the reference (likewise '__proto__', which a clone would turn into a prototype).
  for (const k of keys) if (isIndexKey(k)) return OTHER;
  return UNSORTED;
};

/** An object's keys in sorted order; most objects are in order already (the store loads them so), which is checked before sorting. */
export const sortedKeys = (obj: object): string[] => {
  const keys = Object.keys(obj);
  for (let i = 1; i < keys.length; i++) {
    if (!(keys[i - 1]! < keys[i]!)) return keys.sort();
  }
  return keys;
};

/** A copy of plain JSON data with every object's keys inserted in sorted order (undefined members dropped). */
export const sortedClone = (v: unknown): unknown => {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sortedClone);
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = sortedClone(obj[k]);
  return out;
};

// A polluted prototype would make JSON.stringify call toJSON where the reference does not.
export const prototypesClean = (): boolean => !('toJSON' in OBJECT_PROTO) && !('toJSON' in ARRAY_PROTO);

/**
 * Runs `fn` (synchronous: no other code runs meanwhile) with `toJSON` taken off Object.prototype and
 * Array.prototype, then puts it back: what the store writes is the data, not what a polluted
 * prototype (say, left by a migration's code) would make JSON.stringify write instead.
 */
export const withPlainJson = <T>(fn: () => T): T => {
  if (prototypesClean()) return fn();
  const taken: Array<[object, PropertyDescriptor]> = [];
  for (const proto of [OBJECT_PROTO, ARRAY_PROTO]) {
    const d = Object.getOwnPropertyDescriptor(proto, 'toJSON');
    if (!d) continue;
    if (!d.configurable) throw new Error('toJSON is defined on a global prototype and cannot be removed: nothing can be serialised faithfully');
    delete (proto as { toJSON?: unknown }).toJSON;
    taken.push([proto, d]);
  }
  try {
    return fn();
  } finally {
    for (const [proto, d] of taken) Object.defineProperty(proto, 'toJSON', d);
  }
};

export const canonicalJson = (value: unknown): string => {
  const c = prototypesClean() ? classify(value) : OTHER;
  if (c === READY) return JSON.stringify(value);
  if (c === UNSORTED) return JSON.stringify(sortedClone(value));
  return canonicalJsonReference(value);
};
