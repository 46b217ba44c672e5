/**
 * Which differences the migrations declared: an undeclared difference is a regression. Each
 * regression is attributed to the migration whose own sentences name one of the difference's
 * entities (the most specific key first: field, status, transition, filter, board, permission,
 * persona, issue type, project); when none does, to the last migration applied.
 */
import { expectationMatches, type ExpectCheck, type ExpectedDifference } from '../../migrate/index.ts';
import { escapeRegExp } from '../../model/index.ts';
import type { Difference } from '../result.ts';

export interface MigrationExpectations {
  id: string;
  expect: readonly ExpectedDifference[];
  text: readonly string[];
}

export interface Classified {
  regressions: Difference[];
  expected: Difference[];
  /** `expect` entries no difference matched: likely a typo, or the change does not do what it says. */
  unused: { migration: string; index: number; entry: ExpectedDifference }[];
}

const SPECIFIC = [
  'value',
  'resolution',
  'field',
  'status',
  'transition',
  'filter',
  'board',
  'column',
  'permission',
  'integration',
  'recipient',
  'persona',
  'issueType',
  'workflow',
  'project',
];

/** The name as a whole word (not inside another word: 'OPS' is not in 'stops'). */
const names = (text: string, name: string): boolean => new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(name)}($|[^\\p{L}\\p{N}])`, 'iu').test(text);

const attribute = (d: Difference, migrations: readonly MigrationExpectations[]): string | undefined => {
  const texts = migrations.map((m) => ({ id: m.id, text: m.text.join('\n') }));
  for (const key of SPECIFIC) {
    for (const name of d.keys[key] ?? []) {
      if (name.length < 3) continue;
      const hit = texts.find((m) => names(m.text, name));
      if (hit) return hit.id;
    }
  }
  return migrations.at(-1)?.id;
};

export const classifyDifferences = (diffs: readonly Difference[], migrations: readonly MigrationExpectations[]): Classified => {
  const used = new Set<string>();
  const regressions: Difference[] = [];
  const expected: Difference[] = [];
  for (const d of diffs) {
    let match: { migration: string; reason: string } | undefined;
    for (const m of migrations) {
      m.expect.forEach((entry, index) => {
        if (match) return;
        if (expectationMatches(entry, { check: d.check as ExpectCheck, keys: d.keys })) {
          match = { migration: m.id, reason: entry.reason };
          used.add(`${m.id}#${index}`);
        }
      });
      if (match) break;
    }
    if (match) expected.push({ ...d, expectedBy: match });
    else regressions.push({ ...d, migration: attribute(d, migrations) });
  }
  const unused = migrations.flatMap((m) =>
    m.expect.map((entry, index) => ({ migration: m.id, index, entry })).filter((u) => !used.has(`${u.migration}#${u.index}`)),
  );
  return { regressions, expected, unused };
};
