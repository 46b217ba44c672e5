/**
 * A loopback proxy in front of a sandbox playing production, for fault tests: it forwards every
 * request, counts the writes (every method but GET, except the POSTs Jira uses for reading), and
 * from the Nth write on answers that one request (method and path, every retry of it) with a
 * fault: a 500, a 429 storm, no answer at all (a hang past the client's timeout) or a reset
 * connection — the request never reaches the sandbox — for as many attempts as apply makes of
 * it (the writer's retries; three tries of the step for a POST), so the step fails. Then requests
 * pass again, so the backout can run.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAULTS = ['500', '429', 'hang', 'reset'] as const;
export type Fault = (typeof FAULTS)[number];

const READ_POSTS = [/\/search\/jql$/, /\/search$/, /\/search\/approximate-count$/, /\/rest\/api\/[23]\/workflows$/, /\/validation$/];

export interface FaultProxy {
  url: string;
  /** Writes seen so far (each request once, retries of a faulted one not counted again). */
  writes: () => number;
  /** From now on, fault the `n`th write from now (1-based) and its retries. */
  arm: (fault: Fault, n: number) => void;
  disarm: () => void;
  /** Faulted answers since the last arm. */
  injected: () => number;
  /** Runs `fn` once the `n`th write has reached the sandbox (production changed behind apply's back). */
  afterWrite: (n: number, fn: () => void) => void;
  close: () => Promise<void>;
}

const body = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Attempts apply makes of one request before the step fails (writer retries + 1; a POST's uncertain answer is tried by the step 3 times). */
const attemptsOf = (method: string, fault: Fault, retries: number): number =>
  method !== 'POST' ? retries + 1 : fault === '429' ? 3 * (retries + 1) : 3;

export const startFaultProxy = async (target: string, retries: number): Promise<FaultProxy> => {
  let left = 0;
  let base = 0;
  let injectedBase = 0;
  let writes = 0;
  let injected = 0;
  let armed: { fault: Fault; n: number } | undefined;
  let stuck: string | undefined;
  let hook: { n: number; fn: () => void } | undefined;
  const hung: ServerResponse[] = [];
  const server: Server = createServer(async (req, res) => {
    const path = req.url ?? '/';
    const method = req.method ?? 'GET';
    const data = await body(req);
    // apply's probe of the private board write sends an empty body Jira refuses: not a write.
    const probe = path.endsWith('/rapidviewconfig/columns') && data.toString() === '{}';
    const isWrite = method !== 'GET' && !probe && !READ_POSTS.some((re) => re.test(path.split('?')[0]!));
    const key = `${method} ${path}`;
    if (isWrite && (key !== stuck || left === 0)) writes++;
    if (isWrite && armed && ((key === stuck && left > 0) || (stuck === undefined && writes - base === armed.n))) {
      if (stuck === undefined) {
        stuck = key;
        left = attemptsOf(method, armed.fault, retries);
      }
      left--;
      injected++;
      if (armed.fault === '500') {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"errorMessages":["Internal server error"],"errors":{}}');
        return;
      }
      if (armed.fault === '429') {
        res.writeHead(429, { 'retry-after': '0', 'content-type': 'application/json' }).end('{"errorMessages":["Rate limit exceeded"],"errors":{}}');
        return;
      }
      if (armed.fault === 'reset') {
        req.socket.destroy();
        return;
      }
      hung.push(res);
      return;
    }
    try {
      const answer = await fetch(`${target}${path}`, {
        method,
        redirect: 'manual',
        headers: Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => !['host', 'connection', 'content-length'].includes(k))
            .map(([k, v]) => [k, String(v)]),
        ),
        ...(data.length ? { body: data } : {}),
      });
      const headers: Record<string, string> = {};
      answer.headers.forEach((v, k) => {
        if (!['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)) headers[k] = v.split(target).join(proxyUrl);
      });
      const text = Buffer.from(await answer.arrayBuffer());
      if (isWrite && hook && writes === hook.n) {
        hook.fn();
        hook = undefined;
      }
      res.writeHead(answer.status, headers).end(text);
    } catch (e) {
      res.writeHead(502).end(String(e));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxyUrl,
    writes: () => writes,
    arm: (fault, n) => {
      armed = { fault, n };
      stuck = undefined;
      left = 0;
      base = writes;
      injectedBase = injected;
    },
    disarm: () => {
      armed = undefined;
      stuck = undefined;
    },
    injected: () => injected - injectedBase,
    afterWrite: (n, fn) => {
      hook = { n, fn };
    },
    close: async () => {
      for (const r of hung) r.destroy();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
};
