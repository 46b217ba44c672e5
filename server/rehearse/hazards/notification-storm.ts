/** `notification-storm` (NS101, NS102): a change that e-mails someone more than the threshold allows. */
import type { PlanItem } from '../../migrate/index.ts';
import type { Hazard } from '../result.ts';
import { type Analyzer, coded } from './analyzer.ts';

/** Per migration: recipients the change itself notifies more than `perRecipientLimit` times. */
export const stormHazards = (plan: readonly PlanItem[], perRecipientLimit: number): Hazard[] => {
  const out: Hazard[] = [];
  for (const p of plan) {
    const over = p.notifications.perRecipient.filter((r) => r.count > perRecipientLimit);
    if (!over.length) continue;
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
  return out;
};

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

export const notificationStorm: Analyzer<'change'> = {
  id: 'notification-storm',
  stage: 'change',
  summary: 'notifications per recipient that the change itself causes, against rehearse.notificationsPerRecipient',
  codes: { NS101: 'one migration notifies a recipient more than the threshold', NS102: 'the change set together does' },
  analyze: (i) => [
    ...coded('NS101', stormHazards(i.plan, i.notificationsPerRecipient)),
    ...coded('NS102', totalNotificationHazards(i.plan, i.notificationsPerRecipient)),
  ],
};
