/**
 * Running an everyday script of another language's Jira client against a sandbox: whether the
 * interpreter and library are here (a developer may lack them: the test skips and says how to get
 * them; CI never skips — .ci/run installs Debian's packages, and CI=1 makes a missing one a
 * failure), and the script run with the sandbox's URL and two personas' credentials.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Harness } from '../http/harness.ts';

export interface ClientLib {
  name: string;
  probe: [string, ...string[]];
  run: string[];
  script: string;
  apt: string;
}

export const SCRIPTS = fileURLToPath(new URL('./scripts/', import.meta.url));

export const LIBS = {
  python: {
    name: 'python-jira 3.4.1',
    probe: ['/usr/bin/python3', '-c', 'import jira'],
    run: ['/usr/bin/python3'],
    script: 'everyday.py',
    apt: 'python3-jira',
  },
  ruby: { name: 'jira-ruby 2.1.5', probe: ['ruby', '-e', 'require "jira-ruby"'], run: ['ruby'], script: 'everyday.rb', apt: 'ruby-jira' },
  perl: { name: 'JIRA::REST 0.023', probe: ['perl', '-MJIRA::REST', '-e1'], run: ['perl'], script: 'everyday.pl', apt: 'libjira-rest-perl' },
} satisfies Record<string, ClientLib>;

/** Why the library cannot run here, or undefined when it can. Throws in CI, where it must be installed. */
export const missing = (lib: ClientLib): string | undefined => {
  const [cmd, ...args] = lib.probe;
  const r = spawnSync(cmd, args, { stdio: 'pipe', timeout: 20_000 });
  if (r.status === 0) return undefined;
  const why = `${lib.name} is not installed (${lib.probe.join(' ')} failed): apt-get install -y ${lib.apt}`;
  if (process.env.CI) throw new Error(`CI must run the ${lib.name} client test: ${why} (.ci/run installs it)`);
  return why;
};

export const runScript = (lib: ClientLib, h: Harness, user: string, adminUser: string): Promise<Record<string, any>> => {
  const p = h.personas.find((x) => x.accountId === user)!;
  const a = h.personas.find((x) => x.accountId === adminUser)!;
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    JIRA_URL: h.url,
    JIRA_EMAIL: p.email,
    JIRA_TOKEN: p.token,
    JIRA_ADMIN_EMAIL: a.email,
    JIRA_ADMIN_TOKEN: a.token,
  };
  return new Promise((resolve, reject) => {
    const child = spawn(lib.run[0]!, [...lib.run.slice(1), `${SCRIPTS}${lib.script}`], { env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 90_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`${lib.name} script exited ${code}:\n${err.slice(-3000)}`));
        return;
      }
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`${lib.name} script printed no JSON:\n${out.slice(0, 1000)}\n${err.slice(-2000)}`));
      }
    });
  });
};
