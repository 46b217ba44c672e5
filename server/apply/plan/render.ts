/** The production plan in words: for `--dry-run`, the confirmation prompt, the rehearsal report and apply-report.md. */
import type { ProductionPlan, Step, StepClass } from './types.ts';

export const CLASS_WORDS: Record<StepClass, string> = {
  automatic: 'automatic',
  'automatic-record': 'automatic, with a per-issue record',
  manual: 'MANUAL',
  impossible: 'IMPOSSIBLE',
};

export const stepLine = (s: Step): string =>
  `${s.id} [${s.phase}] ${CLASS_WORDS[s.class]}${s.privateApi ? ' (private API)' : ''}: ${s.title}${s.issues?.jql ? ` — issues: ${s.issues.jql}` : ''}`;

export const renderPlan = (p: ProductionPlan): string[] => {
  const out: string[] = [
    `production plan for Jira ${p.deploymentType === 'Cloud' ? 'Cloud' : 'Data Center'}: ${p.migrations.length} migration${p.migrations.length === 1 ? '' : 's'}, ${p.migrations.reduce((n, m) => n + m.steps.length, 0)} steps`,
  ];
  for (const m of p.migrations) {
    out.push(`${m.id} — ${m.description}`);
    if (!m.steps.length) out.push('  (no change production can see)');
    for (const s of m.steps) {
      out.push(`  ${stepLine(s)}`);
      if (s.reason && s.class !== 'automatic' && s.class !== 'automatic-record') out.push(`      why: ${s.reason}`);
      for (const i of s.class === 'manual' || s.class === 'impossible' ? (s.instructions ?? []) : []) out.push(`      - ${i}`);
      for (const w of s.warnings ?? []) out.push(`      warning: ${w}`);
    }
    for (const e of m.extChanges) out.push(`  not written (vendor detail, left out of the proof): ${e}`);
  }
  return out;
};

export const classCounts = (p: ProductionPlan): Record<StepClass, number> => {
  const out: Record<StepClass, number> = { automatic: 0, 'automatic-record': 0, manual: 0, impossible: 0 };
  for (const m of p.migrations) for (const s of m.steps) out[s.class]++;
  return out;
};
