/**
 * Recorded integrations: the persona they authenticate as, people in request bodies and paths
 * (account ids stay; names, e-mails, usernames become personas) and free text in bodies
 * (summary, description, comment bodies, text custom fields, including Atlassian Document Format).
 */
import type { Integration } from '../../model/index.ts';
import type { Ctx } from './context.ts';

const TEXT_KEYS = new Set(['summary', 'description', 'environment', 'body']);
const PERSON_KEYS = new Set(['name', 'key', 'username', 'emailAddress', 'email', 'displayName', 'user', 'query']);

/** Atlassian Document Format: text nodes are free text; mentions show the persona's name. */
const adf = (ctx: Ctx, node: unknown): unknown => {
  if (Array.isArray(node)) return node.map((n) => adf(ctx, n));
  if (!node || typeof node !== 'object') return node;
  const n = node as Record<string, unknown>;
  const out: Record<string, unknown> = { ...n };
  if (n.type === 'text' && typeof n.text === 'string') out.text = ctx.text(n.text);
  if (n.type === 'mention' && n.attrs && typeof n.attrs === 'object') {
    const attrs = { ...(n.attrs as Record<string, unknown>) };
    const p = typeof attrs.id === 'string' ? ctx.personas.byAccountId.get(attrs.id) : undefined;
    if (p) attrs.id = p.accountId;
    if (typeof attrs.text === 'string') attrs.text = p ? `@${p.displayName}` : ctx.people(attrs.text);
    out.attrs = attrs;
  }
  if (n.content !== undefined) out.content = adf(ctx, n.content);
  return out;
};

const isAdf = (v: unknown): boolean => !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'doc';

const body = (ctx: Ctx, v: unknown, key: string): unknown => {
  if (typeof v === 'string') {
    if (key === 'accountId' || (key === 'id' && ctx.personas.byAccountId.has(v))) return ctx.personas.idOf(v);
    if (TEXT_KEYS.has(key) || ctx.fields.isTextField(key)) return ctx.text(v);
    if (PERSON_KEYS.has(key)) return ctx.personas.replace(v) ?? ctx.people(v);
    return ctx.people(v);
  }
  if (Array.isArray(v)) return v.map((x) => body(ctx, x, key));
  if (isAdf(v)) return adf(ctx, v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.accountId === 'string') ctx.ref('integration body', o.accountId);
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, body(ctx, x, k)]));
  }
  return v;
};

/** A request path: people in query values (`?username=jdoe`) become personas. */
const path = (ctx: Ctx, p: string): string => {
  const q = p.indexOf('?');
  if (q < 0) return ctx.people(p);
  const params = p
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const value = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
      const replaced = ctx.personas.replace(value) ?? ctx.people(value);
      return replaced === value ? pair : `${pair.slice(0, eq + 1)}${encodeURIComponent(replaced)}`;
    });
  return `${ctx.people(p.slice(0, q))}?${params.join('&')}`;
};

export const anonymizeIntegration = (ctx: Ctx, src: Integration, tally: { asRewritten: number; asUnknown: number }): Integration => {
  const as = ctx.personas.kindOf(src.as) === 'email' ? ctx.personas.replace(src.as) : undefined;
  if (as) tally.asRewritten++;
  else tally.asUnknown++;
  return {
    ...src,
    name: ctx.people(src.name),
    description: ctx.people(src.description),
    // An `as` that is no user's e-mail cannot sign in anyway; its shape is kept, its words replaced.
    as: as ?? ctx.text(src.as),
    requests: src.requests.map((r) => ({
      ...r,
      path: path(ctx, r.path),
      // A bare string body is a person (`POST …/watchers` takes `"<accountId>"`).
      ...(typeof r.body === 'string'
        ? { body: ctx.personas.byAccountId.has(r.body) ? ctx.personas.idOf(r.body) : (ctx.personas.replace(r.body) ?? ctx.people(r.body)) }
        : {}),
      ...(r.body && typeof r.body === 'object' ? { body: body(ctx, r.body, '') as Record<string, unknown> } : {}),
      // An attached file's name and text are free text: same shape, extension kept.
      ...(r.attachment
        ? {
            attachment: {
              ...r.attachment,
              filename: r.attachment.filename.replace(/^(.*?)(\.[^.]*)?$/, (_m, stem: string, ext?: string) => `${ctx.text(stem)}${ext ?? ''}`),
              content: ctx.text(r.attachment.content),
            },
          }
        : {}),
    })),
  };
};
