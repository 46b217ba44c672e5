import { describe, expect, it } from 'vitest';
import { junitXml, xmlEscape } from '../../../../server/rehearse/report/junit-xml.ts';
import { buildContext, failingResult, safeResult } from './fixture.ts';
import { descendants, parseXml, type XmlElement } from './xml-check.ts';

const ctx = buildContext();
const suiteOf = (root: XmlElement, name: string) => root.children.find((s) => s.attrs.name === name)!;
const failures = (el: XmlElement) => descendants(el, 'failure').length;

describe('xml checker', () => {
  it.each([
    ['unbalanced', '<a><b></a>'],
    ['unclosed', '<a>'],
    ['raw <', '<a x="<"/>'],
    ['bare &', '<a>&</a>'],
    ['unquoted attribute', '<a x=1/>'],
    ['control character', '<a>\u0001</a>'],
    ['two roots', '<a/><b/>'],
  ])('rejects %s', (_name, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});

describe('xmlEscape', () => {
  it.each([
    ['<a href="x">&\'', '&lt;a href=&quot;x&quot;&gt;&amp;&apos;'],
    ['nul\u0000 esc\u001b ok\ttab', 'nul esc ok\ttab'],
    ['lone \uD800 surrogate', 'lone  surrogate'],
  ])('escapes %j', (input, out) => {
    expect(xmlEscape(input)).toBe(out);
  });
});

describe('junitXml', () => {
  it('is well-formed, with a suite per area and counts that match the failures', () => {
    const root = parseXml(junitXml(failingResult(ctx)));
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attrs.name)).toEqual(['rehearsal steps', 'regressions', 'rollback', 'hazards', 'regression runs']);
    for (const s of root.children) {
      expect(Number(s.attrs.failures), s.attrs.name).toBe(failures(s));
      expect(Number(s.attrs.tests), s.attrs.name).toBe(s.children.length);
    }
    expect(failures(suiteOf(root, 'rehearsal steps'))).toBe(1);
    expect(failures(suiteOf(root, 'regressions'))).toBe(3);
    expect(failures(suiteOf(root, 'rollback'))).toBe(2);
    expect(failures(suiteOf(root, 'hazards'))).toBe(2);
    expect(failures(suiteOf(root, 'regression runs'))).toBe(1);
    expect(Number(root.attrs.failures)).toBe(9);
    expect(root.attrs.time).toBe('64.000');
    expect(suiteOf(root, 'rehearsal steps').children[0]!.attrs.time).toBe('10.500');
  });

  it('fails warnings only when strict, and shows them as output otherwise', () => {
    const lax = suiteOf(parseXml(junitXml(failingResult(ctx))), 'hazards');
    const warning = lax.children.find((c) => c.attrs.name?.startsWith('warning: notification-storm'))!;
    expect(descendants(warning, 'system-out')).toHaveLength(1);
    const strict = parseXml(junitXml({ ...failingResult(ctx), strict: true }));
    expect(failures(suiteOf(strict, 'hazards'))).toBe(4);
    expect(Number(strict.attrs.failures)).toBe(11);
  });

  it('names each regression with its migration, check and label, and passes a safe rehearsal', () => {
    const r = failingResult(ctx);
    const regressions = suiteOf(parseXml(junitXml(r)), 'regressions');
    const names = regressions.children.map((c) => c.attrs.name);
    expect(names).toContain(`${r.regressions[1]!.migration}: permissions: Regression number 2 of Acme`);
    expect(names).toContain(xmlEscape(`${r.regressions[0]!.migration}: transitions: ${r.regressions[0]!.label}`));

    const safe = parseXml(junitXml(safeResult(ctx)));
    expect(Number(safe.attrs.failures)).toBe(0);
    expect(suiteOf(safe, 'regressions').children.map((c) => c.attrs.name)).toContain('no undeclared differences');
  });

  it('skips the rollback checks a rehearsal did not reach', () => {
    const r = { ...failingResult(ctx), hashes: { baseline: 'aaa111', afterUp: 'bbb222' } };
    const rollback = suiteOf(parseXml(junitXml(r)), 'rollback');
    expect(descendants(rollback, 'skipped')).toHaveLength(3);
    expect(rollback.attrs.skipped).toBe('3');
  });
});
