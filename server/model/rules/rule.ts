/** The seam every semantic rule plugs into: a name, what it checks, and a function that reports. */
import type { ConfigIndex } from '../config-index.ts';
import type { Severity } from '../problems.ts';
import { knownCandidates, q, type Candidate } from '../suggest.ts';

/** Reports one problem at a path inside the file the rule looks at; errors unless told otherwise. */
export type Report = (path: string, message: string, severity?: Severity) => void;

export interface ConfigRule {
  name: string;
  /** One line: what the rule guards, for `--explain` and the docs. */
  about: string;
  run: (ix: ConfigIndex, report: Report) => void;
}

/**
 * Checks that a reference resolves; reports `unknown <kind> 'x' (known: …)` when it does not.
 * Returns whether it resolved, so callers can skip checks that depend on it.
 */
export const checkRef = (
  report: Report,
  path: string,
  kind: string,
  value: string,
  map: { has(key: string): boolean },
  candidates: () => readonly Candidate[],
): boolean => {
  if (map.has(value)) return true;
  report(path, `unknown ${kind} ${q(value)} (${knownCandidates(value, candidates())})`);
  return false;
};

/** Candidates from a list of entities with id and name. */
export const idsOf = (list: readonly { id: string; name?: string }[]) => (): Candidate[] => list.map((e) => ({ id: e.id, name: e.name }));

/** Reports every value that occurs more than once under `key`, naming where it first occurred. */
export const checkUnique = <T>(
  report: Report,
  list: readonly T[],
  pathOf: (i: number) => string,
  key: (t: T) => string | undefined,
  what: string,
  severity: Severity = 'error',
  show: (t: T) => string = (t) => key(t) ?? '',
): void => {
  const first = new Map<string, number>();
  list.forEach((t, i) => {
    const k = key(t);
    if (k === undefined) return;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, i);
    else report(pathOf(i), `duplicate ${what} ${q(show(t))} (already used by ${pathOf(seen)})`, severity);
  });
};
