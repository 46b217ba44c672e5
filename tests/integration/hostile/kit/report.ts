/**
 * With UNDERSTUDY_HOSTILE_REPORT=FILE, every failing case is appended to FILE as one JSON line
 * (kind, family, name, issue point, the invariants it broke): the list of what remains unfixed.
 */
import { appendFileSync } from 'node:fs';

export const recordFailure = (
  kind: 'rest' | 'cli',
  family: string,
  c: { name: string; point?: number },
  problems: readonly string[],
  output = '',
): void => {
  const file = process.env.UNDERSTUDY_HOSTILE_REPORT;
  if (!file || !problems.length) return;
  appendFileSync(file, `${JSON.stringify({ kind, family, name: c.name, point: c.point ?? null, problems, output: output.slice(-2000) })}\n`);
};
