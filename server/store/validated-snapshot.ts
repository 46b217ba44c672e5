/** Reading a snapshot and judging it, once per content: a content that validated before is not validated again (validation-cache.ts). */
import { rulesVersion, validateSnapshotData, type Problem } from '../model/index.ts';
import { readSnapshot, type RawSnapshot } from './snapshot-read.ts';
import { defaultCacheDir, lookupValidated, recordValidated } from './validation-cache.ts';

export interface ValidatedSnapshot {
  snap: RawSnapshot;
  /** Every problem validation reports (errors and warnings); for a cached verdict, its warnings. */
  problems: Problem[];
  /** The verdict came from the cache: these very bytes validated before under these rules. */
  cached: boolean;
}

export interface ValidateOptions {
  /** Where verdicts are kept (default defaultCacheDir()); false: validate every time and keep nothing. */
  cacheDir?: string | false;
}

/** Reads a snapshot (parsed once) and validates it unless the cache holds a valid verdict for exactly its content. */
export const readValidatedSnapshot = async (dir: string, options: ValidateOptions = {}): Promise<ValidatedSnapshot> => {
  const snap = await readSnapshot(dir);
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  // A file that could not be read or parsed is never in the cache: it is reported as validation reports it.
  if (cacheDir === false || snap.problems.length > 0) return { snap, problems: validateSnapshotData(snap), cached: false };
  const rules = await rulesVersion();
  const warnings = await lookupValidated(cacheDir, snap.fileHashes, rules);
  if (warnings) return { snap, problems: warnings, cached: true };
  const problems = validateSnapshotData(snap);
  if (!problems.some((p) => p.severity === 'error')) {
    // A cache that cannot be written (a read-only home) costs the next start time, nothing else.
    await recordValidated(cacheDir, snap.fileHashes, rules, problems).catch(() => undefined);
  }
  return { snap, problems, cached: false };
};
