/** The manifest agrees with what the snapshot holds: issue count, entity counts, content hashes. */
import type { Config, Manifest } from './types.ts';
import type { Problem, Severity } from './problems.ts';

const FILE = 'manifest.json';
const RULE = 'manifest-consistency';

export const checkManifest = (
  manifest: Manifest,
  config: Config | undefined,
  issueCount: number,
  fileHashes: Readonly<Record<string, string>>,
  parseProblems: readonly Problem[],
): Problem[] => {
  const out: Problem[] = [];
  const report = (path: string, message: string, severity: Severity = 'error') => out.push({ severity, file: FILE, path, message, rule: RULE });
  const declared = manifest.counts.issues;
  if (declared === undefined) report('counts', "counts has no 'issues' entry (add the number of issues in the snapshot)", 'warning');
  else if (declared !== issueCount) {
    report(
      'counts.issues',
      `says ${declared} issues but the snapshot holds ${issueCount} (regenerate the snapshot, or set counts.issues to ${issueCount})`,
    );
  }
  if (config) {
    for (const [kind, n] of Object.entries(manifest.counts)) {
      const list = (config as unknown as Record<string, unknown>)[kind];
      if (kind !== 'issues' && Array.isArray(list) && list.length !== n)
        report(`counts.${kind}`, `says ${n} ${kind} but config.json has ${list.length}`, 'warning');
    }
  }
  if (manifest.kind === 'fixture') {
    for (const [kind, n] of Object.entries(manifest.counts)) {
      const total = manifest.productionTotals[kind];
      if (total !== undefined && total !== n)
        report(
          `productionTotals.${kind}`,
          `a fixture's production totals equal its counts, but ${kind} is ${total} here and ${n} in counts`,
          'warning',
        );
    }
  }
  const unreadable = new Set(parseProblems.map((p) => p.file));
  for (const [file, expected] of Object.entries(manifest.contentHashes)) {
    const actual = fileHashes[file];
    if (actual === undefined) {
      if (!unreadable.has(file))
        report(`contentHashes["${file}"]`, `names ${file}, which is not in the snapshot (remove the entry or restore the file)`);
    } else if (actual !== expected) {
      report(
        `contentHashes["${file}"]`,
        `${file} has hash ${actual}, but the manifest records ${expected}: the file changed after the snapshot was written (regenerate it, or restore the file)`,
      );
    }
  }
  for (const file of Object.keys(fileHashes)) {
    if (file !== FILE && !(file in manifest.contentHashes))
      report('contentHashes', `${file} is not covered by contentHashes (add its sha256, or regenerate the snapshot)`, 'warning');
  }
  return out;
};
