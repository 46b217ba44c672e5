/**
 * Trackers on 127.0.0.1 that behave badly, for the commands that talk to production (clone, drift,
 * apply, migrate --url): one that refuses every credential, one that echoes the request's
 * Authorization header in its error (a proxy that does), one that answers a login page, one that
 * answers broken JSON, one that never answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour = 'unauthorized' | 'echo' | 'html' | 'garbage' | 'slow';

export interface Running {
  url: string;
  close: () => Promise<void>;
}

export const startMisbehaving = (kind: Misbehaviour): Promise<Running> =>
  new Promise((done) => {
    const server: Server = createServer((req, res) => {
      req.resume();
      switch (kind) {
        case 'unauthorized':
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"errorMessages":["Client must be authenticated to access this resource."],"errors":{}}');
          return;
        case 'echo': {
          // A 400 (not retried, its text shown) that repeats the credentials, as some proxies and WAFs do: as sent, and decoded.
          const auth = req.headers.authorization ?? '';
          const decoded = Buffer.from(auth.replace(/^\w+\s+/, ''), 'base64').toString('utf8');
          res
            .writeHead(400, { 'content-type': 'text/plain' })
            .end(`Refused by proxy: ${req.method} ${req.url} authorization=${auth} decoded=${decoded}`);
          return;
        }
        case 'html':
          res
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<!doctype html><title>Sign in</title><form action="/login"><input name="password" type="password"></form>');
          return;
        case 'garbage':
          res.writeHead(200, { 'content-type': 'application/json' }).end('{"baseUrl": "http://x", "deploymentType": ');
          return;
        case 'slow':
          // Never answers; the socket is destroyed when the server closes.
          return;
      }
    });
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      done({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((closed) => {
            server.close(() => closed());
            server.closeAllConnections();
          }),
      });
    });
  });
