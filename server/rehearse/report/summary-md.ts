/**
 * `summary.md`: the rehearsal in a pull-request comment. Verdict on the first line, then the
 * regressions, hazards, rollback proof, migrations, expected differences, timings and what was not
 * run; every list is capped and points to index.html for the rest.
 */
import type { Difference, RehearsalResult } from '../result.ts';
import { capped, formatMs, hashRows, hazardsBySeverity, plural, shortValue, verdictWords } from './format.ts';
import { mdCode, mdTable, mdText } from '../../common/markdown.ts';

const MAX_ROWS = 20;
const MAX_SENTENCES = 10;
const MAX_EVIDENCE = 3;

const more = (n: number, what: string): string[] => (n ? [`… and ${n} more ${what}, see index.html`] : []);

const beforeAfter = (d: Difference): string => `${mdText(shortValue(d.before, 40))} → ${mdText(shortValue(d.after, 40))}`;

const regressions = (r: RehearsalResult): string[] => {
  if (!r.regressions.length) return ['## Regressions', '', 'None: every difference from the baseline is declared in an `expect` entry.', ''];
  const { shown, more: rest } = capped(r.regressions, MAX_ROWS);
  return [
    `## Regressions (${r.regressions.length})`,
    '',
    ...mdTable(
      ['migration', 'check', 'what', 'before → after'],
      shown.map((d) => [d.migration ?? '?', d.check, `${d.label} (${d.change})`, { raw: beforeAfter(d) }]),
    ),
    ...more(rest, 'regressions').map((l) => `\n${l}`),
    '',
  ];
};

const hazards = (r: RehearsalResult): string[] => {
  if (!r.hazards.length) return [];
  const { shown, more: rest } = capped(hazardsBySeverity(r), MAX_ROWS);
  const lines = [`## Hazards (${r.hazards.length})`, ''];
  for (const h of shown) {
    lines.push(
      `- ${h.severity === 'error' ? '**error**' : 'warning'} ${mdText(h.kind)}${h.migration ? ` in ${mdText(h.migration)}` : ''}: ${mdText(h.message)}`,
    );
    const ev = capped(h.evidence, MAX_EVIDENCE);
    for (const e of ev.shown) lines.push(`  - ${mdText(e)}`);
    if (ev.more) lines.push(`  - … ${plural(ev.more, 'more line')}`);
  }
  return [...lines, ...more(rest, 'hazards'), ''];
};

const rollback = (r: RehearsalResult): string[] => {
  const mark = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? '✔' : '✘');
  const rows = hashRows(r).map((h) => [
    h.phase,
    { raw: h.hash ? mdCode(h.hash) : 'not reached' },
    { raw: h.rule ? `${mark(h.ok)} ${h.rule}`.trim() : '' },
  ]);
  const obs = r.rollbackDifferences.length
    ? `✘ ${plural(r.rollbackDifferences.length, 'observation')} ${r.rollbackDifferences.length === 1 ? 'differs' : 'differ'} from the baseline after down.`
    : '✔ Observations after down equal the baseline.';
  return [
    `## Rollback proof: ${r.rollbackProven ? '✔ proven' : '✘ not proven'}`,
    '',
    ...mdTable(['phase', 'canonical hash', 'check'], rows),
    '',
    obs,
    '',
  ];
};

const migrations = (r: RehearsalResult): string[] => {
  const lines = [`## Migrations (${r.migrations.length})`, ''];
  for (const m of r.migrations) {
    lines.push(`**${mdText(m.id)}**: ${mdText(m.description)}`, '');
    const s = capped(m.sentences, MAX_SENTENCES);
    for (const x of s.shown) lines.push(`- ${mdText(x)}`);
    if (s.more) lines.push(`- … ${plural(s.more, 'more change')}, see index.html`);
    if (m.irreversible) lines.push(`- ⚠ **Irreversible**: ${mdText(m.irreversible.reason)}`);
    lines.push(
      `- Issues touched: ${m.issues.total}; notifications sent by the change: ${m.notifications.total}; up ${formatMs(m.upMs)}, down ${formatMs(m.downMs)}.`,
      '',
    );
  }
  return lines;
};

const expected = (r: RehearsalResult): string[] => {
  if (!r.expected.length) return [];
  const { shown, more: rest } = capped(r.expected, MAX_ROWS);
  return [
    `## Expected differences (${r.expected.length})`,
    '',
    ...shown.map(
      (d) =>
        `- ${mdText(d.label)} (${mdText(d.check)}, ${mdText(d.change)}): ${d.expectedBy ? `${mdText(d.expectedBy.reason)} — ${mdText(d.expectedBy.migration)}` : 'declared'}`,
    ),
    ...more(rest, 'expected differences'),
    '',
  ];
};

const timings = (r: RehearsalResult): string[] => [
  `## Timings (${formatMs(r.durationMs)} in all)`,
  '',
  ...mdTable(
    ['step', 'result', 'time'],
    r.steps.map((s) => [s.name, { raw: s.ok ? '✔' : '✘ failed' }, formatMs(s.ms)]),
  ),
  '',
  ...r.runs.map(
    (run) =>
      `- Regression run ${mdText(run.phase)}: ${run.tests.passed} passed, ${run.tests.failed} failed, ${run.tests.skipped} skipped, ${plural(run.observations, 'observation')} in ${formatMs(run.ms)}.`,
  ),
  ...(r.runs.length ? [''] : []),
  ...(r.sandboxErrors
    ? [
        `The sandbox answered ${plural(r.sandboxErrors.count, 'request')} with an internal error (a bug in Understudy, not in the change): \`${mdText(r.sandboxErrors.file)}\` in the report folder holds each request and its stack.`,
        '',
      ]
    : []),
];

const notRun = (r: RehearsalResult): string[] =>
  r.notRun.length ? ['## Not covered by this rehearsal', '', ...r.notRun.map((n) => `- ${mdText(n)}`), ''] : [];

const skipped = (r: RehearsalResult): string[] =>
  r.skippedSteps?.length
    ? [
        `## Steps that did not run (${r.skippedSteps.length})`,
        '',
        `The rehearsal stopped early: ${mdText(r.skippedSteps[0]!.reason)}.`,
        '',
        ...r.skippedSteps.map((s) => `- ${mdText(s.name)}`),
        '',
      ]
    : [];

export const summaryMarkdown = (r: RehearsalResult): string => {
  const v = verdictWords(r);
  const snap = `${mdText(r.snapshot.dir)} (${mdText(r.snapshot.kind)}${r.snapshot.createdAt ? ` of ${mdText(r.snapshot.createdAt)}` : ''}, ${plural(r.snapshot.issues, 'issue')} in ${plural(r.snapshot.projects, 'project')})`;
  const lines = [
    `${v.ok ? '✅' : '❌'} **Rehearsal: ${v.title}** — ${v.counts}`,
    '',
    `Snapshot ${snap}${r.shard ? `, shard ${mdText(r.shard)}` : ''}; clock frozen at ${mdText(r.now)}; started ${mdText(r.startedAt)}, took ${formatMs(r.durationMs)}.`,
    '',
    ...regressions(r),
    ...hazards(r),
    ...rollback(r),
    ...migrations(r),
    ...expected(r),
    ...timings(r),
    ...skipped(r),
    ...notRun(r),
  ];
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
};
