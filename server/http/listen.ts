import type { Express } from 'express';
import type { AddressInfo } from 'node:net';
import { maxHeaderSize, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { JiraErrorBody } from '../jira-wire/index.ts';
import { urlHost } from './network-policy.ts';

export interface Listening {
  url: string;
  port: number;
  close: () => Promise<void>;
}

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 408: 'Request Timeout' };

/**
 * What Node refuses before express sees the request (a request line and headers over its limit,
 * broken HTTP, a request that never finished arriving): answered in Jira's error shape instead of
 * Node's bare status line, as Jira (Tomcat) answers an oversized request: 400.
 */
export const answerClientError = (err: NodeJS.ErrnoException, socket: Duplex): void => {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [
          400,
          `The request line and headers are larger than the ${Math.round(maxHeaderSize / 1024)} KB the sandbox accepts. Send a long JQL query in the body of POST /rest/api/3/search/jql instead of the URL.`,
        ]
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request did not arrive in time.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify({ errorMessages: [message], errors: {} } satisfies JiraErrorBody);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
};

/** The address to print for a host listened on: every interface is reached here over loopback. */
const shownHost = (host: string): string => (host === '0.0.0.0' ? '127.0.0.1' : urlHost(host) === '[::]' ? '[::1]' : urlHost(host));

/** Starts an app on loopback unless told otherwise (port 0 = a free port) and returns its URL. */
export const listen = (app: Express, port = 0, host = '127.0.0.1'): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server: Server = app.listen(port, host);
    server.on('clientError', answerClientError);
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
