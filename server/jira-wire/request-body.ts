/**
 * Rules every JSON request body obeys before a route reads it: keys that name JavaScript's object
 * machinery (`__proto__`, `constructor`, `prototype`) are refused wherever they appear (they are no
 * Jira field or property, and writing them into an object changes or shadows its prototype), and
 * a route that reads an object refuses arrays, strings, numbers and null instead of ignoring them.
 */

export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The first forbidden key in a JSON value, with its path (`fields.__proto__`); walked without recursion, so depth cannot overflow the stack. */
export const forbiddenKey = (value: unknown): { key: string; path: string } | undefined => {
  const stack: Array<{ v: unknown; path: string }> = [{ v: value, path: '' }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}[${i}]` });
      continue;
    }
    for (const k of Object.keys(v)) {
      const at = path ? `${path}.${k}` : k;
      if (FORBIDDEN_KEYS.has(k)) return { key: k, path: at };
      stack.push({ v: (v as Record<string, unknown>)[k], path: at });
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
