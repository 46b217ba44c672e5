/** A bounded request loop on loopback: fixed concurrency, keep-alive, for a duration; requests per second. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  rps: number;
}

const get = (agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'GET', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });

/** Runs `concurrency` loops for `seconds`, each requesting `nextPath()`; only 127.0.0.1 is allowed. */
export const loadLoop = async (
  base: string,
  nextPath: () => string,
  o: { seconds: number; concurrency: number; headers?: Record<string, string> },
): Promise<LoadResult> => {
  const root = new URL(base);
  if (root.hostname !== '127.0.0.1') throw new Error(`the bench only loads loopback, not ${root.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.concurrency });
  const end = performance.now() + o.seconds * 1000;
  const start = performance.now();
  let requests = 0;
  let errors = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const status = await get(agent, new URL(nextPath(), root), o.headers ?? {}).catch(() => 0);
      if (status === 200) requests++;
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { requests, errors, seconds, rps: requests / seconds };
};

/** The same loop in a child process over a fixed list of paths (cycled). */
export const loadLoopInChild = async (
  base: string,
  paths: string[],
  o: { seconds: number; concurrency: number; headers?: Record<string, string> },
): Promise<LoadResult> => {
  const { spawn } = await import('node:child_process');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./sandbox-load-child.ts', import.meta.url).pathname, JSON.stringify({ base, paths, ...o })],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const code: number = await new Promise((resolve) => child.on('exit', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`load generator failed: ${err.slice(-300)}`);
  return JSON.parse(out) as LoadResult;
};
