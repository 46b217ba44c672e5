/** saveHashed with toJSON on Object.prototype, in a child process: the pollution would also break the test runner's messages to its parent. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('saveHashed', () => {
  it('with toJSON on Object.prototype: still the canonical hash (which ignores toJSON), the data stored (not the toJSON output), no hash recorded', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'polluted-save-runner.ts')], { encoding: 'utf8' });
    const r = JSON.parse(out) as { expected: string; saved: string; recorded: string | null; reloaded: string; summary: string | null };
    expect(r.saved).toBe(r.expected);
    expect(r.recorded).toBeNull();
    expect(r.reloaded).toBe(r.expected);
    expect(typeof r.summary).toBe('string');
  });
});
