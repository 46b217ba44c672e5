/**
 * The configuration: users get their personas, filters' JQL and configuration text get people
 * replaced, references follow account ids that had to be replaced. Everything else (statuses,
 * workflows, fields, options, schemes, groups, projects, opaque ids) is structure and stays exactly as it was.
 */
import type { Config, User } from '../../model/index.ts';
import type { Ctx } from './context.ts';
import { rekeyConfig } from './account-ids.ts';
import { rewriteJqlPeople } from './jql-people.ts';
import { USERNAME_KEYS } from './personas.ts';

const EMAIL_KEYS = new Set(['email', 'emailAddress']);

/** A user's `refs`/`ext`: usernames, e-mails and names inside become the persona's. */
const userBag = (ctx: Ctx, u: User, bag: Record<string, unknown> | undefined) => {
  if (!bag) return bag;
  const p = ctx.personas.byAccountId.get(u.accountId)!;
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') {
      if (v === u.accountId) return p.accountId;
      if (USERNAME_KEYS.has(key)) return p.username;
      if (EMAIL_KEYS.has(key)) return p.email;
      if (key === 'displayName') return p.displayName;
      return ctx.people(v);
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, key));
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return walk(bag, '') as Record<string, unknown>;
};

/** Every `description` anywhere in the configuration: people named in it become personas. */
const descriptions = (ctx: Ctx, v: unknown): unknown => {
  if (Array.isArray(v)) return v.map((x) => descriptions(ctx, x));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [k, k === 'description' && typeof x === 'string' ? ctx.people(x) : descriptions(ctx, x)]),
    );
  }
  return v;
};

export const anonymizeUsers = (ctx: Ctx, users: readonly User[]): User[] =>
  users.map((u) => {
    const p = ctx.personas.byAccountId.get(u.accountId)!;
    const out: User = { ...u, accountId: p.accountId, displayName: p.displayName, email: p.email, groups: [...u.groups] };
    if (u.refs) out.refs = userBag(ctx, u, u.refs) as User['refs'];
    if (u.ext) out.ext = userBag(ctx, u, u.ext);
    return out;
  });

/** Rewrites the configuration; returns it and the text-search terms of its filters. */
export const anonymizeConfig = (ctx: Ctx, source: Config): { config: Config; searchTerms: string[] } => {
  const config = descriptions(ctx, structuredClone(source)) as Config;
  config.users = anonymizeUsers(ctx, source.users);
  const terms: string[] = [];
  rekeyConfig(config, ctx.personas.idOf, ctx.fields);
  source.filters.forEach((f, n) => {
    ctx.ref('filter owner', f.owner);
    ctx.ref(
      'filter share',
      f.shares.filter((s) => s.type === 'user').map((s) => s.value),
    );
    const target = config.filters[n]!;
    target.name = ctx.people(target.name);
    const r = rewriteJqlPeople(f.jql, ctx.fields.isUserRef, ctx.personas, ctx.people);
    target.jql = r.jql;
    ctx.tally.jqlRewritten += r.rewritten;
    ctx.tally.jqlUnknown += r.unknown;
    terms.push(...r.terms);
  });
  for (const p of source.projects) {
    ctx.ref('project lead', p.lead);
    ctx.ref(
      'component lead',
      p.components.map((c) => c.lead),
    );
    ctx.ref(
      'role actor',
      p.roles.flatMap((r) => r.actors.filter((a) => a.type === 'user').map((a) => a.id)),
    );
  }
  ctx.ref(
    'group member',
    source.users.filter((u) => u.groups.length).map((u) => u.accountId),
  );
  ctx.ref(
    'permission holder',
    source.permissionSchemes.flatMap((s) => s.grants.filter((g) => g.holder.type === 'user').map((g) => g.holder.value)),
  );
  ctx.ref(
    'notification recipient',
    source.notificationSchemes.flatMap((s) => s.events.flatMap((e) => e.recipients.filter((r) => r.type === 'user').map((r) => r.value))),
  );
  return { config, searchTerms: terms };
};
