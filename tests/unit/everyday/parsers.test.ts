/** The small parsers of issue 18: Jira durations, attachment file names, the type content is served as. */
import { describe, expect, it } from 'vitest';
import { cleanFilename } from '../../../server/http/jira/multipart-files.ts';
import { servedType } from '../../../server/http/jira/routes-attachments.ts';
import { formatDuration, parseDuration } from '../../../server/tracker/index.ts';

describe('Jira durations (8-hour days, 5-day weeks; a bare number is minutes)', () => {
  it.each([
    ['1h', 3600],
    ['1h 30m', 5400],
    ['2d', 57_600],
    ['1w', 144_000],
    ['1w 2d 3h 4m', 144_000 + 57_600 + 10_800 + 240],
    ['90', 5400],
    [' 3H ', 10_800],
    ['1.5h', 5400],
    [45, 2700],
  ] as const)('%s = %i s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });
  it.each(['', 'soon', '1x', 'h', '1h and 2m', '-1h', '1h-', null, {}, Number.NaN, -5, '99999999999999999999w', '1e300', 1e300])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
  it.each([
    [0, '0m'],
    [60, '1m'],
    [5400, '1h 30m'],
    [28_800, '1d'],
    [144_000 + 3600, '1w 1h'],
    [30, '0m'],
  ] as const)('%i s reads %s', (s, text) => {
    expect(formatDuration(s)).toBe(text);
  });
});

describe('attachment file names', () => {
  it.each([
    ['build.log', 'build.log'],
    ['C:\\Users\\jane\\report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\u001f.txt', 'ab.txt'],
    ['', 'attachment'],
    [undefined, 'attachment'],
    ['dir/', 'attachment'],
    ['x'.repeat(300), 'x'.repeat(255)],
    ['résumé.docx', 'résumé.docx'],
  ] as const)('%j is kept as %j', (name, kept) => {
    expect(cleanFilename(name)).toBe(kept);
  });
});

describe('the type attachment content is served as', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['image/png', 'image/png'],
    ['application/pdf', 'application/pdf'],
    ['text/html', 'application/octet-stream'],
    ['TEXT/HTML; charset=utf-8', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    ['application/javascript', 'application/octet-stream'],
    ['application/xhtml+xml', 'application/octet-stream'],
    ['text/xml', 'application/octet-stream'],
    ['text/plain; charset=utf-8', 'application/octet-stream'],
    ['nonsense', 'application/octet-stream'],
    ['multipart/mixed', 'application/octet-stream'],
  ] as const)('%s → %s', (declared, served) => {
    expect(servedType(declared)).toBe(served);
  });
});
