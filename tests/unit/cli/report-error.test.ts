/** The one place that turns errors into words and exit codes: bad input, a failed check, and a bug told apart by their words. */
import { describe, expect, it } from 'vitest';
import { CheckFailed, UserError } from '../../../server/common/errors.ts';
import { reportError } from '../../../server/cli/run.ts';

const report = (e: unknown, debug = false) => {
  const lines: string[] = [];
  const code = reportError(e, { out: () => {}, err: (l) => lines.push(l) }, debug);
  return { code, text: lines.join('\n') };
};

describe('reportError', () => {
  it.each([
    [
      'bad input',
      new UserError('--port x is not a port', { details: ['expected 0 to 65535'] }),
      2,
      /^understudy: --port x is not a port\n {2}expected 0 to 65535$/,
    ],
    [
      'a failed check',
      new CheckFailed('the rollback does not restore', ['hash differs']),
      1,
      /^understudy: the rollback does not restore\n {2}hash differs$/,
    ],
    [
      'a bug',
      new TypeError("Cannot read properties of undefined (reading 'id')"),
      2,
      /^understudy: internal error: Cannot read .*\n {2}this is a bug in Understudy, not a problem with your input or environment\n {2}please report it .* --debug/,
    ],
    ['a bug that is not even an Error', 'boom', 2, /^understudy: internal error: boom\n {2}this is a bug/],
  ])('%s: exit %i and its words', (_what, e, code, words) => {
    const r = report(e);
    expect(r.code).toBe(code);
    expect(r.text).toMatch(words);
    expect(r.text).not.toMatch(/\n\s+at /);
  });

  it('--debug adds the stack of a bug, and still says how to report it', () => {
    const r = report(new RangeError('off by one'), true);
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/RangeError: off by one\n\s+at /);
    expect(r.text).toMatch(/please report it .* with the command you ran and the stack trace above$/);
  });

  it('bad input never reads like a bug', () => {
    expect(report(new UserError('snapshot is invalid')).text).not.toMatch(/internal|bug/);
  });
});
