/**
 * The model's rules over a state in memory, for a tracker that changes its configuration while it
 * serves: the configuration's shape and every configuration rule, then every issue rule over every
 * issue (not the issues' shape: the tracker builds issues itself). Errors only. About 50 ms for
 * the acme snapshot's 3,000 issues, so each configuration write can afford it.
 */
import { indexConfig } from './config-index.ts';
import type { Problem, Severity } from './problems.ts';
import { ISSUE_RULES } from './rules/issues/index.ts';
import { checkShape } from './shape.ts';
import type { Config, Issue } from './types.ts';
import { checkConfigRules } from './validate.ts';

export const stateErrors = (config: Config, issues: readonly Issue[]): Problem[] => {
  const shape = checkShape('config', config, 'config.json');
  if (shape.length) return shape.filter((p) => p.severity === 'error');
  const ix = indexConfig(config);
  const out = checkConfigRules(ix).filter((p) => p.severity === 'error');
  const byKey = new Map(issues.map((i) => [i.key, { project: i.project, issueType: i.issueType }]));
  const cx = { ix, byKey };
  let current: Issue | undefined;
  const report = (path: string, message: string, severity: Severity = 'error') => {
    if (severity === 'error') out.push({ severity, file: 'issues.json', path: `${current!.key}.${path}`, message, rule: 'issue' });
  };
  for (const issue of issues) {
    current = issue;
    for (const rule of ISSUE_RULES) rule.run(issue, cx, report);
  }
  return out;
};

/** Problems of `after` that `before` did not have (by path and message): what a change introduced. */
export const newProblems = (before: readonly Problem[], after: readonly Problem[]): Problem[] => {
  const seen = new Set(before.map((p) => `${p.path}\u0000${p.message}`));
  return after.filter((p) => !seen.has(`${p.path}\u0000${p.message}`));
};
