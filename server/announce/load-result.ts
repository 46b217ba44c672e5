/**
 * Reads the rehearsal's `result.json` from a report directory, with one clear message for each way
 * it can be missing or wrong. Only what the notices use is checked.
 */
import { join } from 'node:path';
import { UserError } from '../common/errors.ts';
import { fsWords } from '../common/fs-errors.ts';
import { readRegularFile } from '../common/read-regular.ts';
import type { RehearsalResult } from '../rehearse/index.ts';

const REHEARSE_HINT = 'run `npm run rehearse` first, or pass --report DIR naming the folder a rehearsal wrote its report to';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first thing wrong with a parsed result, as "path: problem", or undefined. */
export const resultProblem = (r: unknown): string | undefined => {
  if (!isObj(r)) return '(root): is not an object';
  if (r.schemaVersion !== 1) return `schemaVersion: ${JSON.stringify(r.schemaVersion)} is not 1 (this Understudy reads version 1)`;
  if (r.verdict !== 'safe' && r.verdict !== 'failed') return `verdict: ${JSON.stringify(r.verdict)} is not 'safe' or 'failed'`;
  if (!isObj(r.snapshot) || typeof r.snapshot.dir !== 'string' || typeof r.snapshot.issues !== 'number') return 'snapshot: needs dir and issues';
  if (!Array.isArray(r.migrations)) return 'migrations: is not a list';
  for (const [i, m] of r.migrations.entries()) {
    if (!isObj(m) || typeof m.id !== 'string' || typeof m.description !== 'string' || !Array.isArray(m.sentences) || !isObj(m.issues)) {
      return `migrations[${i}]: needs id, description, sentences and issues`;
    }
  }
  for (const k of ['expected', 'regressions', 'hazards', 'runs'] as const) if (!Array.isArray(r[k])) return `${k}: is not a list`;
  if (!isObj(r.hashes)) return 'hashes: is not an object';
  if (typeof r.startedAt !== 'string' || typeof r.now !== 'string') return 'startedAt/now: missing';
  return undefined;
};

export const loadResult = async (reportDir: string): Promise<RehearsalResult> => {
  const file = join(reportDir, 'result.json');
  let text: string;
  try {
    text = await readRegularFile(file, 'utf8'); // a FIFO is refused, not waited on
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `no rehearsal report: ${file} does not exist`
        : code === 'ENOTREG'
          ? `cannot read ${file}: it ${fsWords(code).what}`
          : `cannot read ${file} (${code ?? (e as Error).message})`,
      {
        cause: e,
        details: [REHEARSE_HINT],
      },
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`${file}: not valid JSON (${(e as Error).message.replace(/ in JSON at position.*$/s, '')})`, {
      cause: e,
      details: ['the report was cut short or edited by hand: rehearse again to write it anew (`npm run rehearse`)'],
    });
  }
  const problem = resultProblem(data);
  if (problem)
    throw new UserError(`${file}: not a rehearsal result: ${problem}`, {
      details: ['rehearse again with this version of Understudy to write it anew (`npm run rehearse`)'],
    });
  return data as RehearsalResult;
};
