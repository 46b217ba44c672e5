/** `irreversible` (IR101): a migration that says it cannot be undone in production (a warning). */
import type { PlanItem } from '../../migrate/index.ts';
import type { Hazard } from '../result.ts';
import { type Analyzer, coded } from './analyzer.ts';

export const irreversibleHazards = (plan: readonly PlanItem[]): Hazard[] =>
  plan.flatMap((p) =>
    p.irreversible
      ? [
          {
            kind: 'irreversible' as const,
            severity: 'warning' as const,
            migration: p.id,
            message: `${p.id} is irreversible: ${p.irreversible.reason}`,
            evidence: [`recovery: ${p.irreversible.recovery}`],
          },
        ]
      : [],
  );

export const irreversible: Analyzer<'change'> = {
  id: 'irreversible',
  stage: 'change',
  summary: 'migrations declared irreversible, with their recovery',
  codes: { IR101: 'a migration declares `irreversible`: production cannot be rolled back by its inverse' },
  analyze: (i) => coded('IR101', irreversibleHazards(i.plan)),
};
