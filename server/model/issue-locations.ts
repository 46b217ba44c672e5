/**
 * Where each issue sits in its file, for messages: `issues[17] (ACME-18)` in issues.json, `line 17
 * (ACME-18)` in an NDJSON shard. Positions are kept as numbers; the text is built only for problems.
 */
import type { Problem } from './problems.ts';

export interface IssueLocations {
  fileOf: (i: number) => string;
  /** `issues[17] (ACME-18)` or `line 17 (ACME-18)`. */
  baseOf: (i: number, key: unknown) => string;
}

const isShard = (file: string): boolean => file.endsWith('.ndjson');

/** Lines of each shard that did not parse: they hold no issue, so later issues sit further down. */
const badLinesByFile = (problems: readonly Problem[]): Map<string, Set<number>> => {
  const out = new Map<string, Set<number>>();
  for (const p of problems) {
    const m = /^line (\d+)$/.exec(p.path);
    if (p.rule !== 'parse' || !m) continue;
    const set = out.get(p.file) ?? new Set<number>();
    set.add(Number(m[1]));
    out.set(p.file, set);
  }
  return out;
};

export const locateIssues = (count: number, sources: readonly string[], parseProblems: readonly Problem[]): IssueLocations => {
  const positions = new Int32Array(count);
  const nextByFile = new Map<string, number>();
  const badLines = badLinesByFile(parseProblems);
  for (let i = 0; i < count; i++) {
    const file = sources[i] ?? 'issues.json';
    let pos = nextByFile.get(file) ?? (isShard(file) ? 1 : 0);
    if (isShard(file)) {
      const bad = badLines.get(file);
      while (bad?.has(pos)) pos++;
    }
    positions[i] = pos;
    nextByFile.set(file, pos + 1);
  }
  return {
    fileOf: (i) => sources[i] ?? 'issues.json',
    baseOf: (i, key) => {
      const where = isShard(sources[i] ?? '') ? `line ${positions[i]}` : `issues[${positions[i]}]`;
      return typeof key === 'string' ? `${where} (${key})` : where;
    },
  };
};

/** Joins an issue's base with a path inside it: `issues[3] (ACME-4)` + `status` → `issues[3] (ACME-4).status`. */
export const issuePath = (base: string, rest: string): string => (!rest ? base : rest.startsWith('[') ? base + rest : `${base}.${rest}`);
