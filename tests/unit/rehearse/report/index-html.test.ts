import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../server/common/html.ts';
import { indexHtml } from '../../../../server/rehearse/report/index-html.ts';
import { buildContext, failingResult, safeResult } from './fixture.ts';

const ctx = buildContext();
const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('indexHtml', () => {
  const r = failingResult(ctx);
  const page = indexHtml(r, ctx);

  it('is one page with the verdict first, no script and no external asset', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page.indexOf('Rehearsal: rehearsal failed')).toBeLessThan(page.indexOf('<h2>'));
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<link\b|\bsrc=|url\(http/i);
    expect(page).toContain('<style>');
    expect(indexHtml(safeResult(ctx), ctx)).toContain('Rehearsal: safe to proceed');
  });

  it('escapes cloned text everywhere: labels, descriptions, sentences, workflow names, evidence', () => {
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; may create issues');
    expect(page).toContain('Rework &lt;script&gt;');
    expect(page).toContain('&lt;b&gt;history&lt;/b&gt;');
    expect(page).toContain('Workflow diagram: &lt;script&gt;alert(1)&lt;/script&gt; flow');
    expect(page).toContain('(renamed: Simple Workflow → &lt;script&gt;alert(1)&lt;/script&gt; flow)');
    expect(page).not.toContain('<b>history');
  });

  it('shows each regression with its migration, check, label and evidence', () => {
    const section = page.split('<h2>Regressions</h2>')[1]!.split('<h2>')[0]!;
    for (const d of r.regressions) {
      expect(section).toContain(`<td>${escapeHtml(d.migration)}</td><td>${d.check}</td>`);
      expect(section).toContain(escapeHtml(d.label));
    }
    expect(section).toContain('&quot;Peer Review&quot;');
  });

  it('draws each changed workflow before and after, and says (absent) for a side without it', () => {
    // Software Workflow and the renamed Simple Workflow on both sides, Triage only after.
    expect(count(page, '<svg class="workflow-diagram"')).toBe(5);
    expect(count(page, '(absent)')).toBe(1);
    const first = page.split('id="migration-1"')[1]!.split('id="migration-2"')[0]!;
    expect(first).toMatch(/<figcaption>Before<\/figcaption><svg[\s\S]*>In Review<\/text>/);
    expect(first).toMatch(/<figcaption>After<\/figcaption><svg[\s\S]*>Peer Review<\/text>/);
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id) => id?.startsWith('wf-'))).toEqual([...new Set(ids.filter((id) => id?.startsWith('wf-')))]);
  });

  it('shows hazards, the hash table, rollback differences, timings, impact and the irreversible warning', () => {
    expect(page).toContain('<td class="sev-error">error</td><td>rollback-hash</td>');
    expect(page).toContain('<code>ccc333</code>');
    expect(page).toContain('Filter &quot;Open bugs&quot; returns ACME-1');
    expect(page).toContain('compare to baseline');
    expect(page).toContain('<caption>Issues by project</caption>');
    expect(page).toContain('person9@acme.test');
    expect(page).not.toContain('person10@acme.test');
    expect(page).toContain('<strong>Irreversible:</strong> Deletes the');
    expect(page).toContain('statuses[&#39;In Review&#39;].name');
  });

  it('links traces and screenshots relative to the report, with the show-trace hint, and never a scheme', () => {
    expect(page).toContain('<a href="traces/after-up/create/trace.zip">');
    expect(page).toContain('npx playwright show-trace traces/after-up/create/trace.zip');
    expect(page).toContain('<a href="traces/after-up/create/shot.png">');
    expect(page).not.toContain('href="javascript:');
  });
});
