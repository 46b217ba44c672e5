import type { Problem } from './problems.ts';

/**
 * What validation reads: a snapshot directory parsed but not judged (structurally what
 * server/store's readSnapshot returns; declared here because the model imports nothing outside it).
 */
export interface SnapshotData {
  manifest: unknown;
  config: unknown;
  issues: readonly unknown[];
  /** The file each issue came from, parallel to `issues` (`issues.json`, `issues/00003.ndjson`). */
  issueSources: readonly string[];
  integrations: readonly { file: string; data: unknown }[];
  /** sha256 of each file's bytes, by path inside the snapshot. */
  fileHashes: Readonly<Record<string, string>>;
  /** Files that could not be read or parsed (rule `parse`; NDJSON lines have path `line N`). */
  problems: readonly Problem[];
}
