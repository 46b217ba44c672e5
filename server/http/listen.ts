import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { urlHost } from './network-policy.ts';

export interface Listening {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** The address to print for a host listened on: every interface is reached here over loopback. */
const shownHost = (host: string): string => (host === '0.0.0.0' ? '127.0.0.1' : urlHost(host) === '[::]' ? '[::1]' : urlHost(host));

/** Starts an app on loopback unless told otherwise (port 0 = a free port) and returns its URL. */
export const listen = (app: Express, port = 0, host = '127.0.0.1'): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.once('error', (e: NodeJS.ErrnoException) => reject(e));
    server.once('listening', () => {
      const addr = server.address() as AddressInfo;
      resolve({
        url: `http://${shownHost(host)}:${addr.port}`,
        port: addr.port,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            // Idle keep-alive connections would hold close() open for seconds.
            server.closeAllConnections();
          }),
      });
    });
  });
