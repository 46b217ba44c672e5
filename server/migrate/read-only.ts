/**
 * Read-only views of issues for function-form migrations: every write throws with a message that
 * says what to use instead, so no change escapes the captured inverse. Views are made lazily, one
 * per object touched, and cached, so a million issues cost nothing until read.
 */
import { UserError } from '../common/errors.ts';

const views = new WeakMap<object, object>();

const refuse = (what: string): never => {
  throw new UserError(
    `up()/down() wrote to ${what} directly: issues are read-only in ctx.issues; change one with ctx.editIssue(key, (draft) => { ... })`,
  );
};

/** One proxy handler per description: views are made per object read, closures only once. */
const handlers = new Map<string, ProxyHandler<object>>();
const handlerFor = (what: string): ProxyHandler<object> => {
  let h = handlers.get(what);
  if (!h) {
    h = {
      get: (target, key, receiver) => readOnly(Reflect.get(target, key, receiver), what),
      set: () => refuse(what),
      deleteProperty: () => refuse(what),
      defineProperty: () => refuse(what),
      setPrototypeOf: () => refuse(what),
    };
    handlers.set(what, h);
  }
  return h;
};

export const readOnly = <T>(value: T, what = 'an issue'): T => {
  if (value === null || typeof value !== 'object') return value;
  const cached = views.get(value as object);
  if (cached) return cached as T;
  const view = new Proxy(value as object, handlerFor(what));
  views.set(value as object, view);
  return view as T;
};
