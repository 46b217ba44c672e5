/** One HTTP request exactly as written (any Host, Origin, Cookie or body), for tests of hostile headers that fetch would not send. */
import { request, type IncomingHttpHeaders } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export const rawRequest = (base: string, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> =>
  new Promise((resolve, reject) => {
    const url = new URL(base);
    const names = Object.keys(headers).map((h) => h.toLowerCase());
    const req = request({ host: url.hostname, port: url.port, method, path, headers, setHost: !names.includes('host'), agent: false }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
