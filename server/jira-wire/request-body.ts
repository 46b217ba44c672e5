/**
 * Rules every JSON request body obeys before a route reads it: keys that name JavaScript's object
 * machinery (`__proto__`, `constructor`, `prototype`) are refused wherever they appear (they are no
 * Jira field or property, and writing them into an object changes or shadows its prototype), and
 * a route that reads an object refuses arrays, strings, numbers and null instead of ignoring them.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key in a JSON value, with its path (`fields.__proto__`); walked without recursion, so depth cannot overflow the stack. */
export const forbiddenKey = (value: unknown): { key: string; path: string } | undefined => {
  // Only objects and arrays are pushed (a list of 100,000 labels costs one pass), each with a link to its parent for the path.
  type Node = { v: object; at: string; parent: Node | undefined };
  const pathOf = (n: Node | undefined, last: string): string => {
    const parts = [last];
    for (let x = n; x; x = x.parent) if (x.at) parts.push(x.at);
    return parts.reverse().join('.').replace(/\.\[/g, '[');
  };
  if (typeof value !== 'object' || value === null) return undefined;
  const stack: Node[] = [{ v: value, at: '', parent: undefined }];
  while (stack.length) {
    const node = stack.pop()!;
    const v = node.v;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const x: unknown = v[i];
        if (typeof x === 'object' && x !== null) stack.push({ v: x, at: `[${i}]`, parent: node });
      }
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return { key: k, path: pathOf(node, k) };
      const x: unknown = (v as Record<string, unknown>)[k];
      if (typeof x === 'object' && x !== null) stack.push({ v: x, at: k, parent: node });
    }
  }
  return undefined;
};

/** Jira's `errors` entry for a forbidden key: keyed by the key itself, naming where it was. */
export const forbiddenKeyErrors = (found: { key: string; path: string }): Record<string, string> => ({
  [found.key]: `The key '${found.key}' (at ${found.path}) is not allowed in a request body: it is no Jira field or property. Remove it.`,
});

/** What a non-object body is, for the message that refuses it. */
export const jsonKind = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : typeof v === 'object' ? 'an object' : `a ${typeof v}`;

export const notAnObjectBody = (v: unknown): string => `The request body must be a JSON object ({…}); it is ${jsonKind(v)}.`;
