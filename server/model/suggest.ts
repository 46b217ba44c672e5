/** "Did you mean" help for unknown references: the known candidates, closest first when there are many. */

export interface Candidate {
  id: string;
  name?: string;
}

/** Levenshtein distance, case-insensitive, capped early for long strings. */
export const editDistance = (a: string, b: string): number => {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, i) => i);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length]!;
};

const label = (c: Candidate): string => (c.name !== undefined && c.name !== c.id ? `${c.id} (${c.name})` : c.id);

const LIST_ALL_UP_TO = 8;
const CLOSEST = 5;

/**
 * `known: 1 (Open), 2 (In Progress), 3 (Done)`, or the 5 closest by edit distance and how many more.
 * When the value is a name rather than an id, says which id to use instead.
 */
export const knownCandidates = (value: string, candidates: readonly Candidate[]): string => {
  if (candidates.length === 0) return 'none are defined';
  const byName = candidates.find((c) => c.name !== undefined && c.name.toLowerCase() === value.toLowerCase() && c.id !== value);
  if (byName) return `'${value}' is a name: reference it by its id '${byName.id}'`;
  if (candidates.length <= LIST_ALL_UP_TO) return `known: ${candidates.map(label).join(', ')}`;
  const scored = candidates.map((c) => ({
    c,
    d: Math.min(editDistance(value, c.id), c.name === undefined ? Infinity : editDistance(value, c.name)),
  }));
  scored.sort((x, y) => x.d - y.d);
  return `closest known: ${scored
    .slice(0, CLOSEST)
    .map((s) => label(s.c))
    .join(', ')}; ${candidates.length - CLOSEST} more`;
};

/** The closest few names to `name`, nearest first. */
export const closest = (name: string, names: readonly string[], max = 3): string[] =>
  [...new Set(names)]
    .map((n) => ({ n, d: editDistance(name, n) }))
    .sort((x, y) => x.d - y.d || x.n.localeCompare(y.n))
    .slice(0, max)
    .map((x) => x.n);

/** Quoted value for messages: strings in single quotes, anything else as JSON. */
export const q = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v)));
