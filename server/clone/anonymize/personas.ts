/**
 * Fake personas: one per user, derived from the key and the account id, unique, sharing no name
 * part with any source user. Names, e-mails and usernames are replaced; opaque account ids stay,
 * ids that name their user (Data Center user keys, `u-alice`) get an opaque replacement.
 * Service accounts are tools, not people: they keep their name and mailbox, on an anonymised domain.
 */
import type { User } from '../../model/index.ts';
import type { Keyed } from './keyed.ts';
import { FILLER_WORDS, FIRST_NAMES, LAST_NAMES } from './word-lists.ts';

/** `accountId` is the source id, or an opaque replacement when the source id names the user. */
export interface Persona {
  accountId: string;
  displayName: string;
  email: string;
  username: string;
}

/** Keys under a user's `refs`/`ext` that hold a username (Data Center `name`/`key`). */
export const USERNAME_KEYS = new Set(['name', 'key', 'username', 'userName', 'userKey']);

export interface PersonaMap {
  byAccountId: ReadonlyMap<string, Persona>;
  /** Source identity (display name, e-mail or username, any case) → persona; account ids are not identities. */
  byIdentity: ReadonlyMap<string, Persona>;
  /** Which kind of identity a lower-cased source value is (`accountId`: a replaced id). */
  kindOf(value: string): IdentityKind | undefined;
  /** The account id to write for a source account id (the same one unless it named the user). */
  idOf(sourceId: string): string;
  /** The replacement of a source identity, in the same kind (name → name, e-mail → e-mail). */
  replace(value: string): string | undefined;
  /** Source usernames by account id (from `refs`/`ext`). */
  usernames: ReadonlyMap<string, string[]>;
  /** Display names shared by more than one source user: a JQL value naming them is ambiguous. */
  ambiguousNames: ReadonlySet<string>;
  /** Account ids replaced because they named their user (a Data Center username, `u-alice`). */
  idsReplaced: number;
}

export type IdentityKind = 'displayName' | 'email' | 'username' | 'accountId';

/** Does an account id spell a name part (3+ letters), the mailbox or a username of its user? */
const idNamesUser = (u: User, usernames: readonly string[]): boolean => {
  const id = u.accountId.toLowerCase();
  const parts = [
    ...u.displayName.toLowerCase().split(/[^\p{L}]+/u),
    u.email.slice(0, u.email.lastIndexOf('@')).toLowerCase(),
    ...usernames.map(lower),
  ];
  return parts.some((p) => p.length >= 3 && id.includes(p));
};

const lower = (s: string) => s.toLowerCase();
const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();

/** Usernames a user carries in `refs` or `ext` (Data Center's `name` and `key`). */
export const usernamesOf = (user: User): string[] => {
  const out = new Set<string>();
  for (const bag of [user.refs, user.ext]) {
    for (const [k, v] of Object.entries(bag ?? {})) if (USERNAME_KEYS.has(k) && typeof v === 'string' && v && v !== user.accountId) out.add(v);
  }
  return [...out];
};

const DOMAIN_WORDS = FILLER_WORDS.filter((w) => w.length >= 4);
const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/**
 * An id is personal when it spells its user's name, mailbox or username, or on Data Center, where
 * the clone uses the user key, which for accounts older than Jira 8 is the username.
 */
const personalId = (u: User, usernames: readonly string[], dataCenter: boolean): boolean =>
  !u.serviceAccount && (idNamesUser(u, usernames) || (dataCenter && !/^JIRAUSER\d+$/.test(u.accountId)));

export const buildPersonas = (users: readonly User[], k: Keyed, options: { dataCenter?: boolean } = {}): PersonaMap => {
  const sourceIds = new Set(users.map((u) => u.accountId));
  const usedIds = new Set<string>();
  const newId = (source: string): string => {
    for (let attempt = 0; ; attempt++) {
      const id = `anon-${k.bytes('account', `${source}\u0000${attempt}`).toString('hex').slice(0, 16)}`;
      if (!sourceIds.has(id) && !usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  let idsReplaced = 0;
  const sourceNames = new Set(users.map((u) => lower(u.displayName)));
  const sourceDomains = new Set(users.map((u) => domainOf(u.email)));
  const domains = new Map<string, string>();
  const usedDomains = new Set<string>();
  const domainFor = (source: string): string => {
    let d = domains.get(source);
    for (let attempt = 0; !d; attempt++) {
      const word = DOMAIN_WORDS[k.index('domain', source, DOMAIN_WORDS.length, attempt)]!;
      const candidate = attempt < 200 ? `${word}.example` : `${word}${attempt}.example`;
      if (!usedDomains.has(candidate) && !sourceDomains.has(candidate)) d = candidate;
    }
    domains.set(source, d);
    usedDomains.add(d);
    return d;
  };

  // A persona shares no name part with any source user, so no real first or last name reappears.
  const sourceParts = new Set(users.flatMap((u) => lower(u.displayName).split(/[^\p{L}]+/u)));
  const unused = (list: readonly string[]) => {
    const l = list.filter((n) => !sourceParts.has(lower(n)));
    return l.length ? l : list;
  };
  const firsts = unused(FIRST_NAMES);
  const lasts = unused(LAST_NAMES);
  const combos = firsts.length * lasts.length;
  const usedNames = new Set<string>();
  const byAccountId = new Map<string, Persona>();
  const byIdentity = new Map<string, Persona>();
  const kinds = new Map<string, IdentityKind>();
  const usernames = new Map<string, string[]>();
  const nameCount = new Map<string, number>();
  for (const u of users) nameCount.set(lower(u.displayName), (nameCount.get(lower(u.displayName)) ?? 0) + 1);

  for (const u of users) {
    const own = usernamesOf(u);
    usernames.set(u.accountId, u.serviceAccount ? [] : own);
    if (u.serviceAccount) {
      // A tool, not a person: it keeps its name and mailbox; only the organisation's domain goes.
      const email = `${u.email.slice(0, u.email.lastIndexOf('@'))}@${domainFor(domainOf(u.email))}`;
      const persona: Persona = { accountId: u.accountId, displayName: u.displayName, email, username: own[0] ?? u.accountId };
      byAccountId.set(u.accountId, persona);
      if (!byIdentity.has(u.email.toLowerCase())) {
        byIdentity.set(u.email.toLowerCase(), persona);
        kinds.set(u.email.toLowerCase(), 'email');
      }
      continue;
    }
    let first = '';
    let last = '';
    let suffix = '';
    for (let attempt = 0; ; attempt++) {
      const i = k.index('persona', u.accountId, combos, attempt);
      first = firsts[i % firsts.length]!;
      last = lasts[Math.floor(i / firsts.length)]!;
      suffix = attempt >= 64 ? ` ${attempt}` : '';
      const name = lower(`${first} ${last}${suffix}`);
      if (!usedNames.has(name) && !sourceNames.has(name)) break;
    }
    const displayName = `${first} ${last}${suffix}`;
    usedNames.add(lower(displayName));
    const username = `${ascii(first)}.${ascii(last)}${suffix.trim()}`;
    const rekey = personalId(u, own, options.dataCenter === true);
    const persona: Persona = {
      accountId: rekey ? newId(u.accountId) : u.accountId,
      displayName,
      email: `${username}@${domainFor(domainOf(u.email))}`,
      username,
    };
    byAccountId.set(u.accountId, persona);
    if (rekey) idsReplaced++;
    const add = (value: string, kind: IdentityKind) => {
      const key = lower(value);
      if (!byIdentity.has(key)) {
        byIdentity.set(key, persona);
        kinds.set(key, kind);
      }
    };
    add(u.email, 'email');
    if (rekey) add(u.accountId, 'accountId');
    for (const n of own) add(n, 'username');
    add(u.displayName, 'displayName');
  }

  const replace = (value: string): string | undefined => {
    const key = lower(value);
    const p = byIdentity.get(key);
    if (!p) return undefined;
    const kind = kinds.get(key)!;
    return kind === 'email' ? p.email : kind === 'username' ? p.username : kind === 'accountId' ? p.accountId : p.displayName;
  };
  const ambiguousNames = new Set([...nameCount].filter(([, n]) => n > 1).map(([name]) => name));
  const idOf = (source: string) => byAccountId.get(source)?.accountId ?? source;
  return { byAccountId, byIdentity, kindOf: (v) => kinds.get(lower(v)), idOf, replace, usernames, ambiguousNames, idsReplaced };
};
