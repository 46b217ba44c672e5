/**
 * `expect`: the regression differences a migration intends. The rehearsal compares observations
 * of a baseline run with a run after `up`; a difference is a regression unless an entry here
 * matches it. An entry matches a difference when its `check` is the difference's check and every
 * other key it gives equals the difference's key of the same name (names compared
 * case-insensitively; ids accepted too). Keys left out match anything, so
 * `{ check: 'createmeta', project: 'ACME', reason }` accepts every create-metadata change in ACME.
 * Be as narrow as the change: a broad entry hides regressions.
 */
import { UserError } from '../common/errors.ts';
import type { NotificationEvent, ProjectPermission } from '../model/index.ts';

interface Because {
  /** Why this difference is intended; shown in the report beside the difference. Required. */
  reason: string;
}

/** The create metadata of a project × issue type changed (a field required, added, removed, a default). */
export interface ExpectCreatemeta extends Because {
  check: 'createmeta';
  project?: string;
  issueType?: string;
  field?: string;
  change?:
    | 'required'
    | 'optional'
    | 'added'
    | 'removed'
    | 'default'
    | 'allowedValues'
    | 'create-fails'
    | 'create-succeeds'
    | 'available'
    | 'unavailable'
    | 'changed';
}
/** A persona's permission in a project changed. */
export interface ExpectPermissions extends Because {
  check: 'permissions';
  project?: string;
  /** Persona by e-mail, display name or account id. */
  persona?: string;
  permission?: ProjectPermission;
  change?: 'granted' | 'revoked';
}
/** The transitions a persona sees on an issue, or what taking one does, changed. */
export interface ExpectTransitions extends Because {
  check: 'transitions';
  project?: string;
  issueType?: string;
  persona?: string;
  /** The issue key, for differences on a sampled issue. */
  issue?: string;
  transition?: string;
  status?: string;
  workflow?: string;
  /** A resolution a walked transition set before or after the change. */
  resolution?: string;
  /** 'hidden': the persona cannot see the issue any more; 'shown': now can; 'changed': the list differs. */
  change?: 'hidden' | 'shown' | 'changed' | 'added' | 'removed';
}
/** A saved filter's result (keys, or an error) changed. */
export interface ExpectFilters extends Because {
  check: 'filters';
  filter?: string;
  change?: 'changed' | 'reordered' | 'added' | 'removed';
}
/** A board's columns or the issues in them changed. */
export interface ExpectBoards extends Because {
  check: 'boards';
  board?: string;
  column?: string;
  change?: 'changed' | 'reordered' | 'added' | 'removed';
}
/** A recorded integration request's outcome changed. */
export interface ExpectIntegrations extends Because {
  check: 'integrations';
  integration?: string;
  /** 1-based position of the request in the integration's file. */
  request?: number;
  change?: 'changed' | 'added' | 'removed';
}
/** Notifications per recipient and event changed. */
export interface ExpectNotifications extends Because {
  check: 'notifications';
  recipient?: string;
  event?: NotificationEvent;
  scope?: string;
  project?: string;
  change?: 'changed' | 'added' | 'removed';
}

/** A test of your own (tests/regression/) changed outcome, or a value it observed changed. */
export interface ExpectSpecs extends Because {
  check: 'specs';
  test?: string;
  file?: string;
  change?: 'changed' | 'added' | 'removed';
}

/** One intended regression difference. */
export type ExpectedDifference =
  | ExpectCreatemeta
  | ExpectPermissions
  | ExpectTransitions
  | ExpectFilters
  | ExpectBoards
  | ExpectIntegrations
  | ExpectNotifications
  | ExpectSpecs;

export const EXPECT_CHECKS = ['createmeta', 'permissions', 'transitions', 'filters', 'boards', 'integrations', 'notifications', 'specs'] as const;
export type ExpectCheck = (typeof EXPECT_CHECKS)[number];

const KEYS: Record<ExpectCheck, readonly string[]> = {
  createmeta: ['project', 'issueType', 'field', 'change'],
  permissions: ['project', 'persona', 'permission', 'change'],
  transitions: ['project', 'issueType', 'persona', 'issue', 'transition', 'status', 'workflow', 'resolution', 'change'],
  filters: ['filter', 'change'],
  boards: ['board', 'column', 'change'],
  integrations: ['integration', 'request', 'change'],
  notifications: ['recipient', 'event', 'scope', 'project', 'change'],
  specs: ['test', 'file', 'change'],
};

/** Checks the shape of `expect`; throws a UserError naming the entry and the key. */
export const validateExpect = (value: unknown, where: string): ExpectedDifference[] => {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new UserError(`${where}: expect must be a list of { check, ..., reason }`);
  value.forEach((e, i) => {
    const at = `${where}: expect[${i}]`;
    if (!e || typeof e !== 'object') throw new UserError(`${at}: expected an object, got ${JSON.stringify(e)}`);
    const r = e as Record<string, unknown>;
    if (!(EXPECT_CHECKS as readonly string[]).includes(String(r.check))) {
      throw new UserError(`${at}.check: ${JSON.stringify(r.check)} is not a check (expected one of: ${EXPECT_CHECKS.join(', ')})`);
    }
    if (typeof r.reason !== 'string' || !r.reason.trim()) throw new UserError(`${at}.reason: say why this difference is intended`);
    const allowed = KEYS[r.check as ExpectCheck];
    for (const k of Object.keys(r)) {
      if (k !== 'check' && k !== 'reason' && !allowed.includes(k)) {
        throw new UserError(`${at}: unknown key '${k}' for check '${String(r.check)}' (allowed: ${allowed.join(', ')})`);
      }
    }
  });
  return value as ExpectedDifference[];
};

/**
 * Does an entry accept a difference? `difference` holds the difference's check and its keys,
 * each key as the list of names it may be called by (e.g. a project's key and its name).
 */
/** Differences that take something away from people: an entry accepts them only when it names the change. */
export const BREAKING_CHANGES = ['create-fails', 'removed', 'unavailable', 'hidden', 'revoked'] as const;

/** An entry that names nothing but its check accepts every difference of that check. */
export const isBroad = (entry: ExpectedDifference): boolean =>
  Object.entries(entry).every(([k, v]) => k === 'check' || k === 'reason' || v === undefined);

export const expectationMatches = (
  entry: ExpectedDifference,
  difference: { check: ExpectCheck; keys: Record<string, ReadonlyArray<string | number>> },
): boolean => {
  if (entry.check !== difference.check) return false;
  const change = difference.keys.change?.[0];
  if (change !== undefined && (BREAKING_CHANGES as readonly string[]).includes(String(change)) && (entry as { change?: string }).change === undefined)
    return false;
  for (const [k, v] of Object.entries(entry)) {
    if (k === 'check' || k === 'reason' || v === undefined) continue;
    const names = difference.keys[k];
    if (!names?.some((n) => String(n).toLowerCase() === String(v).toLowerCase())) return false;
  }
  return true;
};
