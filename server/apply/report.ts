/**
 * `apply-report.md` and `apply-report.json` in the rehearsal's report directory: the journal's
 * timeline, each step with its class, duration and read-back, the backout, and the proof with what
 * it cannot cover. Written at the end of every run (and of every --resume); holds no credential.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../common/atomic-write.ts';
import { CLASS_WORDS } from './plan/render.ts';
import type { Journal, PlanFile } from './run/journal.ts';
import { PROOF_LIMITS } from './run/proof.ts';

const esc = (s: string) => s.replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');

export const applyReportMarkdown = (j: Journal, pf: PlanFile, journalPath: string): string => {
  const lines = [
    `# ${j.mode === 'down' ? 'Backout' : 'Apply'} of the rehearsed change to ${j.url}`,
    '',
    `- outcome: **${j.state}**${j.failure ? ` — ${esc(j.failure.message)}` : ''}`,
    `- started ${j.startedAt}, last event ${j.updatedAt}, by ${esc(j.by.user)} as ${esc(j.by.account.name)} (${j.by.account.id})`,
    `- Jira ${j.deploymentType === 'Cloud' ? 'Cloud' : 'Data Center'}; journal ${journalPath}`,
    ...(j.rehearsal ? [`- rehearsal of ${j.rehearsal.startedAt} (${j.rehearsal.report})`] : []),
    '',
    '## Steps',
    '',
    '| step | phase | class | outcome | time | read-back |',
    '|---|---|---|---|---|---|',
  ];
  for (const m of pf.plan.migrations) {
    for (const s of m.steps) {
      const r = j.steps[s.id];
      lines.push(
        `| ${esc(s.id)}: ${esc(s.title)} | ${s.phase} | ${CLASS_WORDS[s.class]} | ${r?.state ?? 'not run'} | ${r?.ms !== undefined ? `${(r.ms / 1000).toFixed(1)} s` : ''} | ${esc((r?.readBack ?? (r?.error ? [r.error] : [])).join('; '))}${r?.record ? ` (${r.record.length} issues recorded first)` : ''} |`,
      );
    }
    for (const e of m.extChanges) lines.push(`| ${esc(m.id)}: not written: ${esc(e)} | | vendor detail | left out of the proof | | |`);
  }
  const back = Object.entries(j.back);
  if (back.length) {
    lines.push('', '## Backout', '', '| step undone | outcome | time | read-back |', '|---|---|---|---|');
    for (const [id, r] of back)
      lines.push(
        `| ${esc(id)} | ${r.state} | ${r.ms !== undefined ? `${(r.ms / 1000).toFixed(1)} s` : ''} | ${esc((r.readBack ?? (r.error ? [r.error] : [])).join('; '))} |`,
      );
  }
  lines.push('', '## Proof', '');
  for (const l of j.proof?.lines ?? ['(no proof: the run did not get that far)']) lines.push(`- ${esc(l)}`);
  for (const l of PROOF_LIMITS) if (!(j.proof?.lines ?? []).includes(l)) lines.push(`- ${esc(l)}`);
  if (j.banner)
    lines.push(
      '',
      `Announcement banner: ${j.banner.set ? 'set' : 'not set'}${j.banner.restored ? ', the previous one put back' : j.banner.set ? ', NOT put back' : ''}${j.banner.error ? ` (${esc(j.banner.error)})` : ''}.`,
    );
  lines.push('', '## Timeline', '');
  for (const e of j.events) lines.push(`- ${e.at} ${esc(e.what)}`);
  return `${lines.join('\n')}\n`;
};

export const writeApplyReport = async (reportDir: string, j: Journal, pf: PlanFile, journalPath: string): Promise<string[]> => {
  await mkdir(reportDir, { recursive: true });
  await writeFileAtomic(join(reportDir, 'apply-report.md'), applyReportMarkdown(j, pf, journalPath));
  await writeFileAtomic(join(reportDir, 'apply-report.json'), `${JSON.stringify({ journal: j, plan: pf.plan }, null, 2)}\n`);
  return [join(reportDir, 'apply-report.md'), join(reportDir, 'apply-report.json')];
};
