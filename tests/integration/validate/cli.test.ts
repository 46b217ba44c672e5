import { describe, expect, it } from 'vitest';
import { runValidate } from './helpers.ts';

describe('npm run validate (the real command)', () => {
  it('exits 0 on fixtures/tiny and prints the summary', () => {
    const r = runValidate(['--snapshot', 'fixtures/tiny']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('fixtures/tiny: valid (12 issues, 0 warnings)\n');
  });
  it.each([
    [
      'transition-to-unknown-status',
      "config.json: workflows[0].transitions[2].to: unknown status 'Dne' (known: 1 (Open), 2 (In Progress), 3 (In Review), 4 (Done))",
    ],
    ['malformed-json-shard-line', 'issues/00001.ndjson: line 5: line 5 is not valid JSON'],
    ['missing-manifest', 'manifest.json: (root): file is missing'],
    ['duplicate-project-key', "config.json: projects[2].key: duplicate project key 'ACME'"],
    ['unknown-property', "config.json: statuses[1]: unknown property 'colour'"],
  ])('exits 2 on fixtures/invalid/%s', (name, line) => {
    const r = runValidate(['--snapshot', `fixtures/invalid/${name}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(line);
    expect(r.stdout).toMatch(new RegExp(`fixtures/invalid/${name}: invalid: \\d+ errors?, \\d+ warnings?\\n$`));
    expect(r.stderr).toBe('');
  });
  it.each([
    { args: ['--snapshot', 'no/such/dir'], message: "understudy: snapshot directory 'no/such/dir' does not exist" },
    { args: ['--snapshot', 'package.json'], message: "understudy: snapshot 'package.json' is not a directory" },
    { args: ['--snapshot'], message: "understudy: Option '--snapshot <value>' argument missing" },
    { args: ['--snapshto', 'fixtures/tiny'], message: "understudy: Unknown option '--snapshto'" },
    { args: ['fixtures/tiny'], message: "understudy: Unexpected argument 'fixtures/tiny'" },
  ])('bad usage $args: exit 2, one clear message, no stack', ({ args, message }) => {
    const r = runValidate(args);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]!.startsWith(message)).toBe(true);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
