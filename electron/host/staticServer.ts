// Serves the built app over HTTP with the security headers: browser mode on the
// facilitator's machine today, and the base the in-room session host builds on.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../security/csp';
import { readStaticFile } from '../static/readStaticFile';

export interface StaticServerOptions {
  readonly root: string;
  /** The interface to listen on; 127.0.0.1 unless the user picks another. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    readStaticFile(options.root, request.url ?? '/').then(
      (file) => {
        response.writeHead(file.status, {
          'Content-Type': file.contentType,
          'Content-Length': file.body.length,
          'Cache-Control': 'no-cache',
          ...SECURITY_HEADERS,
        });
        response.end(request.method === 'HEAD' ? undefined : file.body);
      },
      () => response.writeHead(500, SECURITY_HEADERS).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A socket error after start-up must not take the host down.
  server.on('error', (error) => console.error('Werkstatt HTTP server error:', error));
  server.on('clientError', (_error, socket) => socket.destroy());
  const port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost === '127.0.0.1' ? 'localhost' : shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
