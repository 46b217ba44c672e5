/** The unit tier's guard (tests/unit/setup-no-io.ts): a socket or a child process fails the test, saying where it belongs. */
import { execFileSync, spawn } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { describe, expect, it } from 'vitest';

const WHERE = /move the test to tests\/integration\//;

describe('a unit test', () => {
  it('cannot start a process', () => {
    expect(() => spawn(process.execPath, ['-e', '0'])).toThrow(WHERE);
    expect(() => execFileSync(process.execPath, ['-e', '0'])).toThrow(/child_process\.execFileSync/);
  });
  it('cannot listen on a port', () => {
    expect(() => createServer().listen(0, '127.0.0.1')).toThrow(/net\.Server\.listen/);
  });
  it('cannot open a socket, also not through fetch', async () => {
    expect(() => connect(9, '127.0.0.1')).toThrow(WHERE);
    const failed = await fetch('http://127.0.0.1:1234/').then(
      () => undefined,
      (e: Error & { cause?: Error }) => e,
    );
    expect(failed?.cause?.message ?? failed?.message).toMatch(WHERE);
  });
});
