import { describe, expect, it } from 'vitest';
import { runbookMarkdown } from '../../../../server/rehearse/report/runbook-md.ts';
import { buildContext, failingResult, IDS, safeResult, SCRIPT } from './fixture.ts';

const ctx = buildContext();
const section = (md: string, title: string) => md.split(`\n## ${title}\n`)[1]!.split('\n## ')[0]!;

describe('runbookMarkdown', () => {
  const md = runbookMarkdown(failingResult(ctx), ctx);

  it('has the header, and says not to apply a failed rehearsal', () => {
    expect(md.startsWith('# Runbook: 3 migrations\n')).toBe(true);
    expect(md).toContain('Do not apply');
    expect(md).toContain('2024-01-10T09:00:00.000Z');
    expect(runbookMarkdown(safeResult(ctx), ctx)).toContain('✅ Rehearsed: **safe to proceed**');
  });

  it('numbers the preparation: verdict, announce, backup, freeze window from the timings', () => {
    const s = section(md, 'Before you start');
    expect(s).toMatch(/^1\. Confirm the rehearsal verdict is \*\*safe\*\*: this one is \*\*failed\*\*/m);
    expect(s).toMatch(/^2\. .*npm run announce -- heads-up/m);
    expect(s).toMatch(/^3\. Take a backup/m);
    expect(s).toMatch(/^4\. .*the change took 3\.6 s and its backout 2\.4 s/m);
  });

  it('numbers the change steps in order, with sentences, where to look and timings', () => {
    const s = section(md, 'The change');
    expect(s.match(/^\d+\. \*\*[^*]+\*\*/gm)).toEqual(IDS.map((id, i) => `${i + 1}. **${id}**`));
    expect(s).toContain("   1. Rename status 'In Review' to 'Peer Review'");
    expect(s).toContain('- [ ] *Issues → Statuses*: `statuses[\'In Review\'].name: "In Review" → "Peer Review"`');
    expect(s).toContain('Touches 3 issues (ACME 2, OPS 1); took 1.2 s on the rehearsal copy.');
  });

  it('keeps hostile text inert: escaped in prose, literal only inside code spans', () => {
    const withScript = md.split('\n').filter((l) => l.includes(SCRIPT));
    expect(withScript.length).toBeGreaterThan(0);
    for (const line of withScript) expect(line.replace(/`[^`]*`/g, ''), line).not.toContain('<script');
    expect(md).toContain('Rework \\<script\\>alert(1)\\</script\\>');
  });

  it('backs out in reverse order with the reverse configuration changes, restores and warnings', () => {
    const s = section(md, 'Backout');
    expect(s.match(/^\d+\. \*\*Undo [^*]+\*\*/gm)).toEqual([...IDS].reverse().map((id, i) => `${i + 1}. **Undo ${id}**`));
    const first = s.split(`**Undo ${IDS[0]}**`)[1]!;
    expect(first).toContain('`statuses[\'Peer Review\'].name: "Peer Review" → "In Review"`');
    expect(first).toContain('Restore the captured field values of 3 issues');
    expect(first).toContain('Took 800 ms on the rehearsal copy.');
    const second = s.split(`**Undo ${IDS[1]}**`)[1]!.split('**Undo')[0]!;
    expect(second).toContain('⚠ **Irreversible: Deletes the \\<b\\>history\\</b\\> of the Start transition** Recovery: Restore the history');
    expect(second).toContain('*Issues → Workflows*');
  });

  it('ends with what to do if it goes wrong', () => {
    const s = section(md, 'If it goes wrong');
    expect(s).toContain('npm run migrate:down');
    expect(s).toContain('npm run announce -- rolled-back');
  });

  it('falls back to the forward lines when the configurations were not kept', () => {
    const bare = runbookMarkdown(failingResult(ctx), { ...ctx, configs: new Map() });
    expect(section(bare, 'Backout')).toContain('Reverse each configuration change listed in step 1 of the change');
  });
});

describe('runbookMarkdown: the production plan', () => {
  it("lists apply's steps per migration with phase and class, manual ones with the reason", () => {
    const r = {
      ...safeResult(ctx),
      productionPlan: {
        deploymentType: 'DataCenter' as const,
        migrations: [
          {
            id: IDS[0],
            notWritten: ['projects[1].versions[1].ext: {"x":1}'],
            steps: [
              {
                id: `${IDS[0]}#1`,
                phase: 'expand',
                class: 'manual',
                title: "create the status 'Peer Review'",
                reason: 'Jira Data Center has no REST API to create statuses',
              },
              { id: `${IDS[0]}#2`, phase: 'contract', class: 'automatic-record', title: "delete the resolution 'Won't Do'" },
            ],
          },
        ],
      },
    };
    const s = section(runbookMarkdown(r, ctx), 'Production plan (`npm run apply`)');
    expect(s).toMatch(/^Planned for Jira Data Center on the snapshot/m);
    expect(s).toContain(`- **${IDS[0]}**`);
    expect(s).toContain("  - expand, **manual**: create the status 'Peer Review' — Jira Data Center has no REST API to create statuses");
    expect(s).toContain("  - contract, automatic, recording the issue values it overwrites: delete the resolution 'Won't Do'");
    expect(s).toContain('not written (vendor detail, left out of the proof)');
    expect(runbookMarkdown(safeResult(ctx), ctx)).not.toContain('## Production plan');
    expect(runbookMarkdown({ ...safeResult(ctx), productionPlan: { error: 'no admin' } }, ctx)).toContain(
      'The production plan could not be made: no admin',
    );
  });
});
