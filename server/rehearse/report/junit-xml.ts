/**
 * `junit.xml`: the rehearsal for CI test reporters. One testsuite per area (steps, regressions,
 * rollback, hazards, regression runs); a problem is a `<failure>` with its evidence. Times in seconds.
 */
import type { Difference, RehearsalResult } from '../result.ts';
import { shortValue } from './format.ts';

/** Escapes text and attribute values, and drops characters XML 1.0 does not allow at all. */
export const xmlEscape = (value: unknown): string =>
  String(value ?? '')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; they are removed on purpose
    .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

interface Case {
  name: string;
  ms?: number;
  failure?: { message: string; body: string[] };
  skipped?: string;
  out?: string[];
}

const seconds = (ms: number | undefined): string => ((ms ?? 0) / 1000).toFixed(3);

const testcase = (suite: string, c: Case): string => {
  const open = `    <testcase classname="${xmlEscape(`rehearsal.${suite}`)}" name="${xmlEscape(c.name)}" time="${seconds(c.ms)}"`;
  const inner: string[] = [];
  if (c.failure)
    inner.push(`      <failure message="${xmlEscape(c.failure.message)}" type="failure">${xmlEscape(c.failure.body.join('\n'))}</failure>`);
  if (c.skipped !== undefined) inner.push(`      <skipped message="${xmlEscape(c.skipped)}"/>`);
  if (c.out?.length) inner.push(`      <system-out>${xmlEscape(c.out.join('\n'))}</system-out>`);
  return inner.length ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`;
};

const suite = (name: string, cases: readonly Case[]): { xml: string; tests: number; failures: number; skipped: number; ms: number } => {
  const failures = cases.filter((c) => c.failure).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const ms = cases.reduce((n, c) => n + (c.ms ?? 0), 0);
  const key = name.replace(/\s+/g, '-');
  const xml = [
    `  <testsuite name="${xmlEscape(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(ms)}">`,
    ...cases.map((c) => testcase(key, c)),
    '  </testsuite>',
  ].join('\n');
  return { xml, tests: cases.length, failures, skipped, ms };
};

const evidence = (d: Difference): string[] => [
  `${d.check} ${d.id}: ${d.change}`,
  `before: ${shortValue(d.before, 400)}`,
  `after: ${shortValue(d.after, 400)}`,
];

const stepCases = (r: RehearsalResult): Case[] => [
  ...r.steps.map((s) =>
    s.ok ? { name: s.name, ms: s.ms, out: s.evidence } : { name: s.name, ms: s.ms, failure: { message: `step failed: ${s.name}`, body: s.evidence } },
  ),
  ...(r.skippedSteps ?? []).map((s): Case => ({ name: s.name, skipped: `not run: ${s.reason}` })),
];

const regressionCases = (r: RehearsalResult): Case[] => [
  ...r.regressions.map(
    (d): Case => ({
      name: `${d.migration ?? '?'}: ${d.check}: ${d.label}`,
      failure: {
        message: `undeclared difference (${d.change}): ${d.label}`,
        body: [...evidence(d), 'Declare it in an expect entry of the migration if it is intended.'],
      },
    }),
  ),
  ...(r.regressions.length ? [] : [{ name: 'no undeclared differences' }]),
  ...r.expected.map(
    (d): Case => ({
      name: `declared: ${d.check}: ${d.label}`,
      out: [...evidence(d), ...(d.expectedBy ? [`expected by ${d.expectedBy.migration}: ${d.expectedBy.reason}`] : [])],
    }),
  ),
];

const rollbackCases = (r: RehearsalResult): Case[] => {
  const h = r.hashes;
  const hashCase = (name: string, got: string | undefined, want: string | undefined, wantName: string): Case =>
    got === undefined || want === undefined
      ? { name, skipped: 'not reached' }
      : got === want
        ? { name, out: [`${got} = ${wantName}`] }
        : { name, failure: { message: `hash ${got} is not the ${wantName} hash ${want}`, body: [`${wantName}: ${want}`, `got: ${got}`] } };
  return [
    hashCase('hash restored after down', h.afterDown, h.baseline, 'baseline'),
    h.afterDown === undefined
      ? { name: 'observations restored after down', skipped: 'not reached' }
      : r.rollbackDifferences.length
        ? {
            name: 'observations restored after down',
            failure: {
              message: `${r.rollbackDifferences.length} observations differ from the baseline after down`,
              body: r.rollbackDifferences.flatMap((d) => [d.label, ...evidence(d).map((e) => `  ${e}`)]),
            },
          }
        : { name: 'observations restored after down' },
    hashCase('up again gives the same hash', h.afterUpAgain, h.afterUp, 'first up'),
  ];
};

const hazardCases = (r: RehearsalResult): Case[] => {
  if (!r.hazards.length) return [{ name: 'no hazards' }];
  return r.hazards.map((h): Case => {
    const name = `${h.severity}: ${h.kind}${h.migration ? ` (${h.migration})` : ''}: ${h.message}`;
    const fails = h.severity === 'error' || r.strict;
    return fails ? { name, failure: { message: h.message, body: h.evidence } } : { name, out: [h.message, ...h.evidence] };
  });
};

const runCases = (r: RehearsalResult): Case[] =>
  r.runs.map((run): Case => {
    const name = `${run.phase}: ${run.tests.passed} passed, ${run.tests.failed} failed, ${run.tests.skipped} skipped`;
    if (!run.failures.length && !run.tests.failed) return { name, ms: run.ms, out: [`${run.observations} observations`] };
    const body = run.failures.flatMap((f) => [
      `${f.title} (${f.file})`,
      `  ${f.error}`,
      ...(f.trace ? [`  trace of a re-run: ${f.trace} (npx playwright show-trace ${f.trace})`] : []),
      ...(f.screenshot ? [`  screenshot: ${f.screenshot}`] : []),
    ]);
    return { name, ms: run.ms, failure: { message: `${run.tests.failed || run.failures.length} tests failed in the ${run.phase} run`, body } };
  });

export const junitXml = (r: RehearsalResult): string => {
  const suites = [
    suite('rehearsal steps', stepCases(r)),
    suite('regressions', regressionCases(r)),
    suite('rollback', rollbackCases(r)),
    suite('hazards', hazardCases(r)),
    suite('regression runs', runCases(r)),
  ];
  const total = (k: 'tests' | 'failures' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="understudy rehearsal" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}" time="${seconds(r.durationMs)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
};
