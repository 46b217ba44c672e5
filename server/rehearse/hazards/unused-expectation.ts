/** `unused-expectation` (EX102): an `expect` entry that matched no difference (a warning). */
import type { Classified } from '../observe/classify.ts';
import type { Hazard } from '../result.ts';
import { type Analyzer, coded } from './analyzer.ts';

export const unusedExpectationHazards = (c: Classified): Hazard[] =>
  c.unused.map((u) => ({
    kind: 'unused-expectation' as const,
    severity: 'warning' as const,
    migration: u.migration,
    message: `${u.migration}: expect[${u.index}] (${u.entry.check}) matched no difference — the change may not do what it says, or the entry is misspelt`,
    evidence: [JSON.stringify(u.entry)],
  }));

export const unusedExpectation: Analyzer<'comparison'> = {
  id: 'unused-expectation',
  stage: 'comparison',
  summary: '`expect` entries that matched no difference after up',
  codes: { EX102: 'an `expect` entry matched no difference (the change may not do what it says, or the entry is misspelt)' },
  // A shard sees only part of the suite: an entry unused here may match on another shard.
  analyze: (i) => (i.sharded ? [] : coded('EX102', unusedExpectationHazards(i.classified))),
};
