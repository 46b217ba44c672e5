/**
 * Validates a snapshot: parse problems as given, then shape (JSON Schemas), then, where the shape is
 * sound, the semantic rules, then the manifest's agreement with the files. Returns every problem,
 * errors and warnings; never throws on bad data. Indexes are built once and each issue costs O(1)
 * lookups, so a million issues validate in seconds.
 */
import { indexConfig, type ConfigIndex } from './config-index.ts';
import { issuePath, locateIssues, type IssueLocations } from './issue-locations.ts';
import { checkManifest } from './manifest-consistency.ts';
import type { Problem, Severity } from './problems.ts';
import { CONFIG_RULES } from './rules/index.ts';
import { ISSUE_RULES, type IssueRef } from './rules/issues/index.ts';
import { checkShape, validatorFor } from './shape.ts';
import type { SnapshotData } from './snapshot-data.ts';
import { q } from './suggest.ts';
import type { Config, Integration, Issue, Manifest } from './types.ts';

export type { SnapshotData } from './snapshot-data.ts';

const CONFIG_FILE = 'config.json';

/** Runs every configuration rule; a rule that trips over data it did not expect is itself a problem, not a crash. */
export const checkConfigRules = (ix: ConfigIndex): Problem[] => {
  const out: Problem[] = [];
  for (const rule of CONFIG_RULES) {
    const report = (path: string, message: string, severity: Severity = 'error') =>
      out.push({ severity, file: CONFIG_FILE, path, message, rule: rule.name });
    try {
      rule.run(ix, report);
    } catch (e) {
      out.push({
        severity: 'error',
        file: CONFIG_FILE,
        path: '',
        message: `rule ${rule.name} could not run: ${(e as Error).message}`,
        rule: rule.name,
      });
    }
  }
  return out;
};

/** Shape of every issue, plus duplicate keys and ids; returns which issues are sound enough for the rules. */
const checkIssueShapes = (issues: readonly unknown[], at: IssueLocations, out: Problem[]): { sound: Uint8Array; byKey: Map<string, IssueRef> } => {
  const sound = new Uint8Array(issues.length);
  const isIssue = validatorFor('issue');
  const byKey = new Map<string, IssueRef>();
  const firstByKey = new Map<string, number>();
  const firstById = new Map<string, number>();
  // No closure per issue in this loop: it runs a million times, and under tsx every closure made costs a name definition.
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Partial<Issue> | null;
    const key = issue && typeof issue === 'object' ? issue.key : undefined;
    // Most issues are sound: validate first, build the path text only for the ones that are not.
    if (isIssue(issue)) sound[i] = 1;
    else for (const p of checkShape('issue', issue, at.fileOf(i), at.baseOf(i, key))) out.push(p);
    if (!issue || typeof issue !== 'object') continue;
    const uniqueKey = firstUse(issues, at, i, key, 'key', key, firstByKey, out);
    firstUse(issues, at, i, key, 'id', issue.id, firstById, out);
    if (uniqueKey && typeof key === 'string' && typeof issue.project === 'string' && typeof issue.issueType === 'string') {
      byKey.set(key, { project: issue.project, issueType: issue.issueType });
    }
  }
  return { sound, byKey };
};

/** Whether issue i is the first with this key or id (a duplicate is reported); non-strings count as first. */
const firstUse = (
  issues: readonly unknown[],
  at: IssueLocations,
  i: number,
  key: string | undefined,
  what: 'key' | 'id',
  value: unknown,
  first: Map<string, number>,
  out: Problem[],
): boolean => {
  if (typeof value !== 'string') return true;
  const seen = first.get(value);
  if (seen === undefined) {
    first.set(value, i);
    return true;
  }
  out.push({
    severity: 'error',
    file: at.fileOf(i),
    path: issuePath(at.baseOf(i, key), what),
    rule: 'issue-duplicates',
    message: `duplicate issue ${what} ${q(value)} (already used by ${at.fileOf(seen)}: ${at.baseOf(seen, (issues[seen] as Issue).key)})`,
  });
  return false;
};

const checkIssueRules = (
  ix: ConfigIndex,
  issues: readonly unknown[],
  sound: Uint8Array,
  byKey: Map<string, IssueRef>,
  at: IssueLocations,
  out: Problem[],
): void => {
  let current = 0;
  const reporters = ISSUE_RULES.map((rule) => (path: string, message: string, severity: Severity = 'error') => {
    out.push({
      severity,
      file: at.fileOf(current),
      path: issuePath(at.baseOf(current, (issues[current] as Issue).key), path),
      message,
      rule: rule.name,
    });
  });
  const cx = { ix, byKey };
  for (let i = 0; i < issues.length; i++) {
    if (!sound[i]) continue;
    current = i;
    const issue = issues[i] as Issue;
    for (let r = 0; r < ISSUE_RULES.length; r++) ISSUE_RULES[r]!.run(issue, cx, reporters[r]!);
  }
};

const checkIntegration = (ix: ConfigIndex | undefined, file: string, data: unknown, out: Problem[]): void => {
  const shape = checkShape('integration', data, file);
  out.push(...shape);
  if (shape.length || !ix) return;
  const as = (data as Integration).as;
  const user = ix.usersByEmail.get(as.toLowerCase());
  const active = ix.config.users.filter((u) => u.active).map((u) => u.email);
  if (!user)
    out.push({
      severity: 'error',
      file,
      path: 'as',
      rule: 'integration-persona',
      message: `no user has the e-mail ${q(as)}, so the recorded requests cannot be replayed (known: ${active.slice(0, 8).join(', ')}${active.length > 8 ? ', …' : ''})`,
    });
  else if (!user.active)
    out.push({
      severity: 'error',
      file,
      path: 'as',
      rule: 'integration-persona',
      message: `user ${q(as)} is inactive, so the recorded requests cannot be replayed (use an active persona)`,
    });
};

const dedupe = (problems: Problem[]): Problem[] => {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.severity}\u0000${p.file}\u0000${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** Validates everything a snapshot directory holds (as read by the store). */
export const validateSnapshotData = (input: SnapshotData): Problem[] => {
  const out: Problem[] = [...input.problems];
  const manifestShape = input.manifest === undefined ? undefined : checkShape('manifest', input.manifest, 'manifest.json');
  if (manifestShape) out.push(...manifestShape);
  const configShape = input.config === undefined ? undefined : checkShape('config', input.config, CONFIG_FILE);
  if (configShape) out.push(...configShape);
  const configSound = configShape !== undefined && configShape.length === 0;
  const ix = configSound ? indexConfig(input.config as Config) : undefined;
  if (ix) out.push(...checkConfigRules(ix));
  else if (configShape?.length) {
    out.push({
      severity: 'warning',
      file: CONFIG_FILE,
      path: '',
      rule: 'validate',
      message: `semantic rules were not run because config.json has ${configShape.length} shape error(s); fix them and validate again`,
    });
  }

  const at = locateIssues(input.issues.length, input.issueSources, input.problems);
  const { sound, byKey } = checkIssueShapes(input.issues, at, out);
  if (ix) checkIssueRules(ix, input.issues, sound, byKey, at, out);
  for (const { file, data } of input.integrations) checkIntegration(ix, file, data, out);

  if (manifestShape && manifestShape.length === 0) {
    out.push(
      ...checkManifest(
        input.manifest as Manifest,
        configSound ? (input.config as Config) : undefined,
        input.issues.length,
        input.fileHashes,
        input.problems,
      ),
    );
  }
  return dedupe(out);
};

/**
 * Validates a configuration and issues in memory (after a migration, in tests): shape and every
 * semantic rule, reported against `config.json` and `issues.json`. No manifest checks.
 */
export const validateState = (config: unknown, issues: readonly unknown[]): Problem[] =>
  validateSnapshotData({ manifest: undefined, config, issues, issueSources: [], integrations: [], fileHashes: {}, problems: [] });
