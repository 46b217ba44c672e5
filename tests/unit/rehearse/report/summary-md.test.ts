import { describe, expect, it } from 'vitest';
import { summaryMarkdown } from '../../../../server/rehearse/report/summary-md.ts';
import { buildContext, failingResult, safeResult, SCRIPT } from './fixture.ts';

const ctx = buildContext();

describe('summaryMarkdown', () => {
  it('starts with the failed verdict and its counts', () => {
    const first = summaryMarkdown(failingResult(ctx)).split('\n')[0]!;
    expect(first).toMatch(/^❌ \*\*Rehearsal: rehearsal failed\*\*/);
    expect(first).toContain('3 regressions');
    expect(first).toContain('2 errors');
    expect(first).toContain('2 warnings');
    expect(first).toContain('rollback not proven');
    expect(first).toContain('1 failed step');
  });

  it('starts with the safe verdict', () => {
    const first = summaryMarkdown(safeResult(ctx)).split('\n')[0]!;
    expect(first).toMatch(/^✅ \*\*Rehearsal: safe to proceed\*\*/);
    expect(first).toContain('0 regressions');
    expect(first).toContain('rollback proven');
  });

  it('lists every regression with its migration, check and label, escaped', () => {
    const r = failingResult(ctx);
    const md = summaryMarkdown(r);
    for (const d of r.regressions) {
      const row = md
        .split('\n')
        .find((l) => l.startsWith(`| ${d.migration} | ${d.check} |`) && l.includes(d.label.replace(/[<>]/g, (c) => `\\${c}`)));
      expect(row, d.label).toBeDefined();
    }
    expect(md).toContain('\\["Open"\\] → \\["Open","Peer Review"\\]');
    expect(md).not.toContain(SCRIPT);
    expect(md).toContain('\\<script\\>alert(1)\\</script\\>');
  });

  it('caps the regressions at 20 and says how many more', () => {
    const md = summaryMarkdown(failingResult(ctx, 25));
    expect(md.split('\n').filter((l) => /^\| 2024/.test(l))).toHaveLength(20);
    expect(md).toContain('… and 5 more regressions, see index.html');
  });

  it('lists errors before warnings, the hashes with their checks, expected differences, timings and notRun', () => {
    const md = summaryMarkdown(failingResult(ctx));
    const hazards = md.split('## Hazards')[1]!.split('##')[0]!;
    expect(hazards.indexOf('**error**')).toBeLessThan(hazards.indexOf('warning'));
    expect(hazards.lastIndexOf('**error**')).toBeLessThan(hazards.indexOf('- warning'));
    expect(md).toContain('## Rollback proof: ✘ not proven');
    expect(md).toContain('| after down | `ccc333` | ✘ = baseline |');
    expect(md).toContain('| after up again | `bbb222` | ✔ = after up |');
    expect(md).toContain('the status is renamed on purpose');
    expect(md).toContain('| compare to baseline | ✘ failed | 40 ms |');
    expect(md).toContain("- Rename status 'In Review' to 'Peer Review'");
    expect(md).toContain('**Irreversible**');
    expect(md).toContain('Integrations were not replayed');
  });
});
