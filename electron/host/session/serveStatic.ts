// Answers a plain HTTP request of the session host: the built app (the same files and
// security headers as browser mode), JSON for the session API, or a bare status.
import type http from 'node:http';
import { SECURITY_HEADERS } from '../../security/csp';
import { readStaticFile } from '../../static/readStaticFile';

export function sendStatus(
  response: http.ServerResponse,
  status: number,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, { 'Content-Length': '0', ...SECURITY_HEADERS, ...extraHeaders }).end();
}

export function sendJson(
  response: http.ServerResponse,
  status: number,
  value: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const body = Buffer.from(JSON.stringify(value));
  response
    .writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      ...SECURITY_HEADERS,
      ...extraHeaders,
    })
    .end(body);
}

export function serveStaticFile(
  root: string,
  request: http.IncomingMessage,
  response: http.ServerResponse,
): void {
  readStaticFile(root, request.url ?? '/').then(
    (file) => {
      response.writeHead(file.status, {
        'Content-Type': file.contentType,
        'Content-Length': file.body.length,
        'Cache-Control': 'no-cache',
        ...SECURITY_HEADERS,
      });
      response.end(request.method === 'HEAD' ? undefined : file.body);
    },
    () => sendStatus(response, 500),
  );
}
