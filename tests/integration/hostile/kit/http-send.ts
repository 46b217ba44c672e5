/**
 * One HTTP request over node:http (not fetch: a hostile case sets `Host`, sends no `Origin`, or a
 * body fetch would refuse to send), a fresh connection each time, always to 127.0.0.1, and never
 * longer than a deadline.
 */
import { request } from 'node:http';

export interface Sent {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export class Overdue extends Error {}

export const send = (
  base: string,
  o: { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer; deadlineMs: number },
): Promise<Sent> =>
  new Promise((done, failed) => {
    const url = new URL(base);
    if (url.hostname !== '127.0.0.1') {
      failed(new Error(`the hostile suite talks to 127.0.0.1 only, not ${url.hostname}`));
      return;
    }
    const headers: Record<string, string | number> = { ...(o.headers ?? {}) };
    if (o.body !== undefined) headers['content-length'] = Buffer.byteLength(o.body);
    const req = request(
      { host: '127.0.0.1', port: Number(url.port), method: o.method, path: o.path, headers, agent: false, insecureHTTPParser: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          done({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') });
        });
        res.on('error', (e) => {
          clearTimeout(timer);
          failed(e);
        });
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Overdue(`no answer within ${o.deadlineMs} ms`));
    }, o.deadlineMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      failed(e);
    });
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });

/** The answer's JSON, or undefined. */
export const jsonOf = (text: string): any => {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
};

/** The `name=value` pairs of an answer's Set-Cookie headers. */
export const cookiesOf = (headers: Sent['headers']): Record<string, string> => {
  const out: Record<string, string> = {};
  const set = headers['set-cookie'];
  for (const line of Array.isArray(set) ? set : set ? [set] : []) {
    const pair = line.split(';')[0] ?? '';
    const eq = pair.indexOf('=');
    if (eq > 0) out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return out;
};
