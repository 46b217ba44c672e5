/** `broad-expectation` (EX101): an `expect` entry that names nothing but its check (a warning). */
import { isBroad, type PlanItem } from '../../migrate/index.ts';
import type { Hazard } from '../result.ts';
import { type Analyzer, coded } from './analyzer.ts';

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

export const broadExpectation: Analyzer<'change'> = {
  id: 'broad-expectation',
  stage: 'change',
  summary: '`expect` entries so broad that they would excuse any difference of their check',
  codes: { EX101: 'an `expect` entry names nothing but its check' },
  analyze: (i) => coded('EX101', broadExpectationHazards(i.plan)),
};
