/** json-server 0.17 from node_modules, serving the same issues on loopback: the peer of the sandbox bench. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { createServer } from 'node:net';
import type { Issue } from '../../model/index.ts';

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

/** Writes `{ "issues": [...] }` without one giant string. */
export const writeJsonServerDb = async (file: string, issues: readonly Issue[]): Promise<void> => {
  const out = createWriteStream(file);
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, 'drain');
  };
  await write('{"issues":[\n');
  for (let i = 0; i < issues.length; i++) await write(`${i ? ',\n' : ''}${JSON.stringify(issues[i])}`);
  await write('\n]}\n');
  out.end();
  await once(out, 'finish');
};

export interface JsonServer {
  url: string;
  stop: () => Promise<void>;
}

export const startJsonServer = async (dbFile: string): Promise<JsonServer> => {
  const bin = createRequire(import.meta.url).resolve('json-server/lib/cli/bin.js');
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=8192', bin, dbFile, '--host', '127.0.0.1', '--port', String(port), '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`json-server exited (${child.exitCode}): ${log.slice(-500)}`);
    const ok = await fetch(`${url}/issues?_limit=1`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`json-server did not start in 180 s: ${log.slice(-500)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
};
