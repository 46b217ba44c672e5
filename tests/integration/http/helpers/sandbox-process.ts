/**
 * Starts the sandbox in a child process, so a request that holds its event loop cannot hold the
 * test's: the test's timeout still fires, and killing the child ends whatever it was doing.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Persona } from '../../../../server/http/context.ts';

const CHILD = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));

export interface SandboxProcess {
  url: string;
  personas: Persona[];
  /** Basic auth for a persona (by account id or e-mail prefix). */
  auth: (who: string) => string;
  kill: () => void;
}

export const startSandboxProcess = (fixture = 'fixtures/tiny'): Promise<SandboxProcess> =>
  new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', CHILD, fixture], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}): ${err}`)));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (!out.includes('\n')) return;
      const { url, personas } = JSON.parse(out.slice(0, out.indexOf('\n'))) as { url: string; personas: Persona[] };
      const find = (who: string) => personas.find((p) => p.accountId === who || p.email.startsWith(`${who}@`));
      resolve({
        url,
        personas,
        auth: (who) => {
          const p = find(who);
          if (!p) throw new Error(`no persona '${who}'`);
          return `Basic ${Buffer.from(`${p.email}:${p.token}`).toString('base64')}`;
        },
        kill: () => child.kill('SIGKILL'),
      });
    });
  });
