/**
 * `runbook.md`: the change and its backout as numbered steps in the production tracker admin's
 * terms (which screen, which scheme, which workflow), with the rehearsal's timings, so the person
 * at the production console follows a plan that was proven on the copy.
 */
import { configChanges } from '../../migrate/index.ts';
import type { MigrationReport, RehearsalResult } from '../result.ts';
import { adminScreenOf } from './admin-screens.ts';
import type { ReportContext } from './context.ts';
import { formatMs, plural, verdictWords } from './format.ts';
import { mdCode, mdText } from '../../common/markdown.ts';

/** Indentation for the content of a list item numbered `n` (`1. ` → 3, `10. ` → 4). */
const under = (n: number): string => ' '.repeat(String(n).length + 2);

const checklist = (lines: readonly string[], indent: string): string[] =>
  lines.map((l) => {
    const screen = adminScreenOf(l);
    return `${indent}- [ ] ${screen ? `*${mdText(screen)}*: ` : ''}${mdCode(l)}`;
  });

const byProject = (m: MigrationReport): string =>
  Object.entries(m.issues.byProject)
    .map(([k, n]) => `${mdText(k)} ${n}`)
    .join(', ');

const sum = (ms: readonly (number | undefined)[]): number | undefined =>
  ms.some((x) => x !== undefined) ? ms.reduce<number>((a, b) => a + (b ?? 0), 0) : undefined;

const header = (r: RehearsalResult): string[] => {
  const v = verdictWords(r);
  const s = r.snapshot;
  const what = r.migrations.length === 1 ? mdText(r.migrations[0]!.description) : plural(r.migrations.length, 'migration');
  return [
    `# Runbook: ${what}`,
    '',
    v.ok
      ? `> ✅ Rehearsed: **${v.title}** (${v.counts}).`
      : `> ❌ **Do not apply: the ${v.title}** (${v.counts}). Fix what index.html shows and rehearse again.`,
    '',
    `- **What**: ${r.migrations.map((m) => `${mdText(m.id)} (${mdText(m.description)})`).join('; ') || 'nothing'}.`,
    `- **Rehearsed**: started ${mdText(r.startedAt)}, clock frozen at ${mdText(r.now)}, took ${formatMs(r.durationMs)}.`,
    `- **Snapshot**: ${mdText(s.dir)} (${mdText(s.kind)}${s.createdAt ? `, made ${mdText(s.createdAt)}` : ''}, ${plural(s.issues, 'issue')} in ${plural(s.projects, 'project')}).`,
    `- **Rollback**: ${r.rollbackProven ? 'proven on the copy (hash and observations restored)' : 'NOT proven on the copy'}.`,
    '',
  ];
};

const beforeYouStart = (r: RehearsalResult): string[] => {
  const up = sum(r.migrations.map((m) => m.upMs));
  const down = sum(r.migrations.map((m) => m.downMs));
  const touched = r.migrations.reduce((n, m) => n + m.issues.total, 0);
  return [
    '## Before you start',
    '',
    `1. Confirm the rehearsal verdict is **safe**: this one is **${r.verdict}**.${r.verdict === 'safe' ? '' : ' Stop here.'}${r.snapshot.kind === 'clone' ? ' Run `npm run drift` to confirm production has not changed since the snapshot.' : ''}`,
    '2. Announce the change to the people affected: `npm run announce -- heads-up`.',
    `3. Take a backup: export the tracker's configuration (the schemes, workflows and screens listed below) and the field values of the ${plural(touched, 'issue')} the change touches, so the backout can restore them.`,
    `4. Book a freeze window: on the copy the change took ${formatMs(up)} and its backout ${formatMs(down)}; the whole rehearsal ${formatMs(r.durationMs)}. Production holds more issues than the ${plural(r.snapshot.issues, 'sampled issue')}, so treat these as a lower bound.`,
    '',
  ];
};

const theChange = (r: RehearsalResult): string[] => {
  const lines = ['## The change', ''];
  r.migrations.forEach((m, i) => {
    const n = i + 1;
    const pad = under(n);
    lines.push(`${n}. **${mdText(m.id)}**: ${mdText(m.description)}`);
    m.sentences.forEach((s, j) => lines.push(`${pad}${j + 1}. ${mdText(s)}`));
    if (m.configChanges.length) lines.push('', `${pad}Where to look (tick each once it matches):`, '', ...checklist(m.configChanges, pad));
    lines.push(
      '',
      `${pad}Touches ${plural(m.issues.total, 'issue')}${m.issues.total ? ` (${byProject(m)})` : ''}; took ${formatMs(m.upMs)} on the rehearsal copy.`,
      '',
    );
  });
  if (!r.migrations.length) lines.push('Nothing to apply.', '');
  return lines;
};

const WORDS: Record<string, string> = {
  automatic: 'automatic',
  'automatic-record': 'automatic, recording the issue values it overwrites',
  manual: '**manual**',
  impossible: '**impossible**',
};

/** How `npm run apply` carries the change to production: the steps per migration and their class. */
const productionPlan = (r: RehearsalResult): string[] => {
  const p = r.productionPlan;
  if (!p) return [];
  const lines = ['## Production plan (`npm run apply`)', ''];
  if ('error' in p) return [...lines, `The production plan could not be made: ${mdText(p.error)}`, ''];
  lines.push(
    `Planned for Jira ${p.deploymentType === 'Cloud' ? 'Cloud' : 'Data Center'} on the snapshot; \`npm run apply\` plans again from production itself, journals every step, reads each back and backs out by itself if one fails. Manual steps are shown and confirmed at the terminal.`,
    '',
  );
  for (const m of p.migrations) {
    lines.push(`- **${mdText(m.id)}**`);
    for (const s of m.steps)
      lines.push(
        `  - ${s.phase}, ${WORDS[s.class] ?? s.class}${s.privateApi ? ' (private API)' : ''}: ${mdText(s.title)}${s.reason ? ` — ${mdText(s.reason)}` : ''}`,
      );
    if (!m.steps.length) lines.push('  - nothing production can see');
    for (const n of m.notWritten) lines.push(`  - not written (vendor detail, left out of the proof): ${mdCode(n)}`);
  }
  return [...lines, ''];
};

const check = (r: RehearsalResult): string[] => {
  const lines = ['## Check', ''];
  let n = 1;
  if (r.expected.length) {
    lines.push(`${n}. These differences are intended; confirm each in the tracker:`);
    for (const d of r.expected) lines.push(`${under(n)}- ${mdText(d.label)}${d.expectedBy ? `: ${mdText(d.expectedBy.reason)}` : ''}`);
    n++;
  }
  lines.push(`${n++}. Nothing else changed: the rehearsal found ${plural(r.regressions.length, 'undeclared difference')}.`);
  if (r.hashes.afterUp)
    lines.push(
      `${n++}. On an Understudy instance of the same snapshot, the canonical hash after the change is ${mdCode(r.hashes.afterUp)} (\`GET /_understudy/hash\`).`,
    );
  lines.push(`${n++}. Tell people it is done: \`npm run announce -- done\`.`, '');
  return lines;
};

const backoutLines = (m: MigrationReport, ctx: ReportContext): string[] | undefined => {
  const configs = ctx.configs.get(m.id);
  return configs ? configChanges(configs.after, configs.before) : undefined;
};

const backout = (r: RehearsalResult, ctx: ReportContext): string[] => {
  const lines = ['## Backout', '', 'Undo the migrations in reverse order, last applied first.', ''];
  [...r.migrations].reverse().forEach((m, i) => {
    const n = i + 1;
    const pad = under(n);
    lines.push(`${n}. **Undo ${mdText(m.id)}**: ${mdText(m.description)}`);
    if (m.irreversible) lines.push('', `${pad}⚠ **Irreversible: ${mdText(m.irreversible.reason)}** Recovery: ${mdText(m.irreversible.recovery)}`, '');
    const reverse = backoutLines(m, ctx);
    let k = 1;
    if (reverse?.length) {
      lines.push(`${pad}${k++}. Put the configuration back (tick each once it matches):`, '', ...checklist(reverse, `${pad}${under(k - 1)}`), '');
    } else if (!reverse && m.configChanges.length) {
      lines.push(
        `${pad}${k++}. Reverse each configuration change listed in step ${r.migrations.indexOf(m) + 1} of the change (the exact way back was not computed).`,
      );
    }
    if (m.issues.total)
      lines.push(`${pad}${k++}. Restore the captured field values of ${plural(m.issues.total, 'issue')} from the backup taken before you started.`);
    if (k === 1) lines.push(`${pad}${k++}. Nothing to undo in the configuration.`);
    lines.push('', `${pad}Took ${formatMs(m.downMs)} on the rehearsal copy.`, '');
  });
  if (!r.migrations.length) lines.push('Nothing to back out.', '');
  return lines;
};

const ifItGoesWrong = (): string[] => [
  '## If it goes wrong',
  '',
  '1. Stop, and follow the backout above from the last migration you applied.',
  '2. To see the exact state to return to, revert the change on an Understudy instance of the snapshot: `npm run migrate:down` (one step; `--steps N` or `--to ID` for more) uses the inverse recorded when it was applied.',
  '3. Tell the people affected: `npm run announce -- rolled-back`.',
];

export const runbookMarkdown = (r: RehearsalResult, ctx: ReportContext): string =>
  `${[...header(r), ...beforeYouStart(r), ...theChange(r), ...productionPlan(r), ...check(r), ...backout(r, ctx), ...ifItGoesWrong()]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
