/** Writes the rehearsal's result: `result.json` (for the gate and the notices) and `summary.md`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RehearsalResult } from './pipeline.ts';

export const summaryMarkdown = (r: RehearsalResult): string => {
  const lines: string[] = [];
  lines.push(`# Rehearsal: ${r.verdict === 'safe' ? 'safe to proceed' : 'FAILED'}`, '');
  lines.push(`Snapshot \`${r.snapshot}\`, clock frozen at ${r.now}.`, '');
  if (r.problems.length) {
    lines.push('## Problems', '');
    for (const p of r.problems) lines.push(`- ${p}`);
    lines.push('');
  }
  lines.push('## Rollback proof', '');
  lines.push(`| phase | canonical hash |`, `|---|---|`);
  lines.push(`| baseline | \`${r.hashes.baseline}\` |`);
  if (r.hashes.afterUp) lines.push(`| after up | \`${r.hashes.afterUp}\` |`);
  if (r.hashes.afterDown) lines.push(`| after down | \`${r.hashes.afterDown}\` ${r.hashes.afterDown === r.hashes.baseline ? '(== baseline ✔)' : '(!= baseline ✘)'} |`);
  if (r.hashes.afterUpAgain) lines.push(`| after up again | \`${r.hashes.afterUpAgain}\` ${r.hashes.afterUpAgain === r.hashes.afterUp ? '(== first up ✔)' : '(!= first up ✘)'} |`);
  lines.push('');
  lines.push('## What changes', '');
  for (const p of r.plan) {
    lines.push(`### ${p.id}`, '', p.description, '');
    for (const s of p.sentences) lines.push(`- ${s}`);
    lines.push('', `Issues touched: ${p.issues.total}. Notifications the change would send: ${p.notifications.total}${p.notifications.perRecipient[0] ? ` (at most ${p.notifications.perRecipient[0].count} to one person)` : ''}.`);
    for (const s of p.sharedSchemes) lines.push(`Shared scheme changed: ${s.scheme} is used by ${s.projects.join(', ') || 'no project'}.`);
    lines.push('');
  }
  lines.push('## Steps', '', '| step | result | ms |', '|---|---|---|');
  for (const s of r.steps) lines.push(`| ${s.name} | ${s.ok ? 'ok' : 'FAILED'} | ${s.ms} |`);
  lines.push('', '## Not covered by this rehearsal', '');
  for (const n of r.notRun) lines.push(`- ${n}`);
  return `${lines.join('\n')}\n`;
};

export const writeReport = async (dir: string, r: RehearsalResult): Promise<string[]> => {
  await mkdir(dir, { recursive: true });
  const files = [join(dir, 'result.json'), join(dir, 'summary.md')];
  await writeFile(files[0]!, `${JSON.stringify(r, null, 2)}\n`);
  await writeFile(files[1]!, summaryMarkdown(r));
  return files;
};
