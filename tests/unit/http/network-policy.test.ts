/** Where the sandbox may be reached from: the bind warning, loopback peers, the Host names it answers under. */
import { describe, expect, it } from 'vitest';
import { acceptedHost, bindWarnings, isLoopbackAddress, networkPolicy, parseHostHeader } from '../../../server/http/network-policy.ts';

describe('bindWarnings', () => {
  it.each([
    ['127.0.0.1', false, 0],
    ['localhost', false, 0],
    ['::1', false, 0],
    ['[::1]', false, 0],
    ['127.0.0.5', false, 0],
    ['0.0.0.0', false, 1],
    ['::', false, 1],
    ['192.168.1.10', false, 1],
    ['devbox.example.com', false, 1],
    ['127.0.0.1', true, 1],
    ['0.0.0.0', true, 2],
  ] as const)('--host %s (--expose-control %s): %i warning(s)', (host, exposeControl, count) => {
    const warnings = bindWarnings({ host, exposeControl });
    expect(warnings).toHaveLength(count);
    for (const w of warnings) expect(w.message).toMatch(/^warning: /);
    if (!exposeControl && count) expect(warnings[0]?.details.join(' ')).toMatch(/control API .* still answers only on loopback/);
    if (exposeControl) expect(warnings.at(-1)?.message).toMatch(/--expose-control serves the control API/);
  });
});

describe('isLoopbackAddress (the peer of a socket)', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['::ffff:127.0.0.1', true],
    ['10.0.0.1', false],
    ['::ffff:10.0.0.1', false],
    ['fe80::1', false],
    [undefined, false],
  ] as const)('%s → %s', (address, loopback) => {
    expect(isLoopbackAddress(address)).toBe(loopback);
  });
});

describe('the Host names a sandbox answers under', () => {
  const loopback = networkPolicy();
  const named = networkPolicy({ host: '0.0.0.0', allowHosts: ['DevBox.example.com'] });
  it.each([
    [loopback, '127.0.0.1:8080', '127.0.0.1:8080'],
    [loopback, 'LOCALHOST:8080', 'localhost:8080'],
    [loopback, '[::1]:8080', '[::1]:8080'],
    [loopback, 'localhost', 'localhost'],
    [loopback, 'rebind.attacker.test:8080', undefined],
    [loopback, 'evil@127.0.0.1:8080', undefined],
    [loopback, '127.0.0.1:0', undefined],
    [loopback, '127.0.0.1:99999', undefined],
    [loopback, '127.0.0.1:80 x', undefined],
    [loopback, '0.0.0.0:8080', undefined],
    [named, 'devbox.example.com:8080', 'devbox.example.com:8080'],
    [named, '0.0.0.0:8080', '0.0.0.0:8080'],
    [named, 'other.example.com', undefined],
  ] as const)('%#: Host %s → %s', (policy, header, accepted) => {
    expect(acceptedHost(policy, header)).toBe(accepted);
  });
  it('splits a Host header into name and port', () => {
    expect(parseHostHeader('[::1]:443')).toEqual({ name: '[::1]', port: 443 });
    expect(parseHostHeader('example.com')).toEqual({ name: 'example.com' });
    expect(parseHostHeader('a b')).toBeUndefined();
  });
});
