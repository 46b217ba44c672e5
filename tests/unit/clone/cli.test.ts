/** `npm run clone` flags and credentials: a table of bad inputs, each one clear message (exit 2). */
import { describe, expect, it } from 'vitest';
import { parseCloneFlags } from '../../../server/clone/cli.ts';
import { credentialsFromEnv, redact, redactError } from '../../../server/clone/credentials.ts';
import { UserError } from '../../../server/common/errors.ts';

describe('clone flags', () => {
  it.each([
    { name: 'a token as a flag', argv: ['--out', 'x', '--token', 'abc'], error: /Unknown option '--token'/ },
    { name: 'no --out', argv: ['--url', 'https://a.example'], error: /--out DIR is required/ },
    { name: 'unknown source', argv: ['--from', 'bugzilla', '--out', 'x'], error: /--from 'bugzilla' is not a source/ },
    { name: 'bad project key', argv: ['--out', 'x', '--projects', 'web,OPS'], error: /'web', which is not a project key/ },
    { name: 'bad number', argv: ['--out', 'x', '--max-issues', 'many'], error: /--max-issues 'many' is not a whole number/ },
    { name: 'zero per bucket', argv: ['--out', 'x', '--issues-per-bucket', '0'], error: /at least 1/ },
  ])('$name', ({ argv, error }) => {
    expect(() => parseCloneFlags(argv)).toThrow(UserError);
    expect(() => parseCloneFlags(argv)).toThrow(error);
  });

  it('defaults: anonymised, 5 per bucket, 1000 issues', () => {
    expect(parseCloneFlags(['--url', 'https://a.example', '--out', 'x', '--projects', 'WEB,OPS'])).toMatchObject({
      from: 'jira',
      anonymize: true,
      issuesPerBucket: 5,
      maxIssues: 1000,
      projects: ['WEB', 'OPS'],
      resume: false,
    });
    expect(parseCloneFlags(['--out', 'x', '--no-anonymize'])).toMatchObject({ anonymize: false });
  });
});

describe('credentials', () => {
  it('from the environment only, Cloud or Data Center', () => {
    expect(credentialsFromEnv({ JIRA_EMAIL: 'a@b.example', JIRA_API_TOKEN: 't' })).toEqual({ kind: 'basic', email: 'a@b.example', token: 't' });
    expect(credentialsFromEnv({ JIRA_PAT: 'p' })).toEqual({ kind: 'bearer', token: 'p' });
  });
  it('half-set or missing: says which variable, never a value', () => {
    expect(() => credentialsFromEnv({ JIRA_EMAIL: 'secret@b.example' })).toThrow(/JIRA_EMAIL is set but JIRA_API_TOKEN is not/);
    try {
      credentialsFromEnv({ JIRA_EMAIL: 'secret@b.example' });
    } catch (e) {
      expect(JSON.stringify([(e as UserError).message, (e as UserError).details])).not.toContain('secret@');
    }
    expect(() => credentialsFromEnv({})).toThrow(/none of JIRA_EMAIL, JIRA_API_TOKEN, JIRA_PAT is set/);
  });
  it('redact removes credential values from a text', () => {
    expect(redact('x tok-123 y', { JIRA_PAT: 'tok-123' })).toBe('x *** y');
    const e = redactError(new UserError('answered tok-123', { details: ['body tok-123'] }), { JIRA_PAT: 'tok-123' }) as UserError;
    expect([e.message, ...e.details]).toEqual(['answered ***', 'body ***']);
  });
});
