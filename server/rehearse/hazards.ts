/**
 * Blocking hazards that are facts about the change rather than differences between runs: a
 * notification storm the change itself causes, a project nobody can browse or administer any more,
 * irreversible migrations (a warning), `expect` entries that matched nothing (a warning).
 */
import { isBroad, type PlanItem } from '../migrate/index.ts';
import type { Hazard, Observation } from './result.ts';
import type { Classified } from './observe/classify.ts';

export const planHazards = (plan: readonly PlanItem[], perRecipientLimit: number): Hazard[] => {
  const out: Hazard[] = [];
  for (const p of plan) {
    const over = p.notifications.perRecipient.filter((r) => r.count > perRecipientLimit);
    if (over.length) {
      out.push({
        kind: 'notification-storm',
        severity: 'error',
        migration: p.id,
        message: `${p.id} makes the tracker send ${p.notifications.total} notifications; ${over.length} recipient${over.length === 1 ? '' : 's'} would get more than ${perRecipientLimit} (rehearse.notificationsPerRecipient in understudy.config.json)`,
        evidence: over
          .slice(0, 10)
          .map((r) => `${r.recipient}: ${r.count}`)
          .concat(over.length > 10 ? [`… and ${over.length - 10} more`] : []),
      });
    }
    if (p.irreversible) {
      out.push({
        kind: 'irreversible',
        severity: 'warning',
        migration: p.id,
        message: `${p.id} is irreversible: ${p.irreversible.reason}`,
        evidence: [`recovery: ${p.irreversible.recovery}`],
      });
    }
    // Shared schemes are shown with each migration (what changes, for whom), not as a hazard:
    // changing a shared scheme is normal, and the regression runs cover every project using it.
  }
  return out;
};

/** Projects that had someone able to browse (or administer) them at baseline and have nobody after. */
export const reachabilityHazards = (baseline: readonly Observation[], after: readonly Observation[], lastMigration: string | undefined): Hazard[] => {
  const holders = (list: readonly Observation[], perm: string) => {
    const m = new Map<string, { name: string; n: number }>();
    for (const o of list) {
      if (o.check !== 'permissions' || o.keys.permission?.[0] !== perm) continue;
      const key = o.keys.project?.[0] ?? '';
      const e = m.get(key) ?? { name: o.keys.project?.[1] ?? key, n: 0 };
      if (o.value === true) e.n++;
      m.set(key, e);
    }
    return m;
  };
  const out: Hazard[] = [];
  for (const [perm, word] of [
    ['BROWSE_PROJECTS', 'browse'],
    ['ADMINISTER_PROJECTS', 'administer'],
  ] as const) {
    const before = holders(baseline, perm);
    const now = holders(after, perm);
    for (const [key, b] of before) {
      if (b.n > 0 && (now.get(key)?.n ?? 0) === 0) {
        out.push({
          kind: 'project-unreachable',
          severity: 'error',
          ...(lastMigration ? { migration: lastMigration } : {}),
          message: `after the change nobody can ${word} ${b.name} (${key}); ${b.n} persona${b.n === 1 ? '' : 's'} could before`,
          evidence: [`permission ${perm} is held by no active user in ${key}`],
        });
      }
    }
  }
  return out;
};

/** `expect` entries that name nothing but their check: they would excuse any migration's regression of that kind. */
export const broadExpectationHazards = (plan: readonly PlanItem[]): Hazard[] =>
  plan.flatMap((p) =>
    p.expect
      .map((entry, index) => ({ entry, index }))
      .filter((x) => isBroad(x.entry))
      .map((x) => ({
        kind: 'broad-expectation' as const,
        severity: 'warning' as const,
        migration: p.id,
        message: `${p.id}: expect[${x.index}] names nothing but its check (${x.entry.check}), so it would excuse any migration's ${x.entry.check} difference — name the ${x.entry.check === 'boards' ? 'board' : x.entry.check === 'filters' ? 'filter' : 'entity'} or the change`,
        evidence: [JSON.stringify(x.entry)],
      })),
  );

/**
 * Notifications per recipient summed over the whole change set (each migration may stay under the
 * threshold while the set together floods someone).
 */
export const totalNotificationHazards = (plan: readonly PlanItem[], perRecipientLimit: number): Hazard[] => {
  if (plan.length < 2) return [];
  const total = new Map<string, { n: number; top: string; topN: number }>();
  for (const p of plan) {
    for (const r of p.notifications.perRecipient) {
      const t = total.get(r.recipient) ?? { n: 0, top: p.id, topN: 0 };
      t.n += r.count;
      if (r.count > t.topN) {
        t.top = p.id;
        t.topN = r.count;
      }
      total.set(r.recipient, t);
    }
  }
  const over = [...total].filter(([, t]) => t.n > perRecipientLimit).sort((a, b) => b[1].n - a[1].n);
  if (!over.length) return [];
  // Already reported per migration when one migration alone is over the limit.
  if (over.every(([, t]) => t.topN > perRecipientLimit)) return [];
  return [
    {
      kind: 'notification-storm',
      severity: 'error',
      migration: over[0]![1].top,
      message: `the change set together sends ${over.length} recipient${over.length === 1 ? '' : 's'} more than ${perRecipientLimit} notifications (rehearse.notificationsPerRecipient in understudy.config.json)`,
      evidence: over.slice(0, 10).map(([who, t]) => `${who}: ${t.n} (most from ${t.top})`),
    },
  ];
};

export const unusedExpectationHazards = (c: Classified): Hazard[] =>
  c.unused.map((u) => ({
    kind: 'unused-expectation' as const,
    severity: 'warning' as const,
    migration: u.migration,
    message: `${u.migration}: expect[${u.index}] (${u.entry.check}) matched no difference — the change may not do what it says, or the entry is misspelt`,
    evidence: [JSON.stringify(u.entry)],
  }));
