/** `rules-warning` (MR102): new warnings from the model's rules after the change (a warning). */
import { formatProblem, validateState } from '../../model/index.ts';
import type { Analyzer } from './analyzer.ts';

export const rulesWarning: Analyzer<'change'> = {
  id: 'rules-warning',
  stage: 'change',
  summary: "the model's rules on the state after the change: warnings that were not there at baseline",
  codes: { MR102: "the change leaves new warnings from the model's rules" },
  analyze: (i) => {
    const added = validateState(i.after.config, i.after.issues)
      .filter((p) => p.severity === 'warning')
      .map(formatProblem)
      .filter((w) => !i.baselineWarnings.has(w));
    if (!added.length) return [];
    return [
      {
        kind: 'rules-warning',
        code: 'MR102',
        severity: 'warning',
        ...(i.lastMigration ? { migration: i.lastMigration } : {}),
        message: `the change leaves ${added.length} new warning${added.length === 1 ? '' : 's'} from the model's rules`,
        evidence: added.slice(0, 10),
      },
    ];
  },
};
