// Browser mode serves the app over real HTTP on the facilitator's machine: only
// GET and HEAD, the security headers on every response, nothing outside the built
// folder, and a close() that really frees the port for the next start.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningServer } from '../../../electron/host/staticServer';
import { SECURITY_HEADERS } from '../../../electron/security/csp';
import { closeServer, occupyPort, portOf, rawRequest } from './httpHelpers';

const INDEX_HTML = '<!doctype html><html><head><title>Werkstatt</title></head></html>';
const APP_JS = 'export const answer = 42;';
/** A chunk the app loads on first use (React.lazy, import()): Vite names it <module>-<hash>.js. */
const CHUNK = 'SessionPanel-Ck_rUw3-S.js';
const SECRET = 'TOP SECRET: outside the served folder';

let tmp: string;
let root: string;
const servers: RunningServer[] = [];

async function start(): Promise<RunningServer> {
  const server = await startStaticServer({ root, host: '127.0.0.1', port: 0 });
  servers.push(server);
  return server;
}

function expectSecurityHeaders(headers: http.IncomingHttpHeaders): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(headers[name.toLowerCase()], name).toBe(value);
  }
}

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'werkstatt-server-'));
  root = path.join(tmp, 'dist');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX_HTML);
  writeFileSync(path.join(root, 'assets', 'app.js'), APP_JS);
  writeFileSync(path.join(root, 'assets', CHUNK), APP_JS);
  writeFileSync(path.join(tmp, 'secret.txt'), SECRET);
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

describe('startStaticServer', () => {
  it('listens on a free port and shows a localhost URL', async () => {
    const server = await start();
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://localhost:${server.port}`);
  });

  it('serves index.html on GET / with the CSP and the other security headers', async () => {
    const server = await start();
    const response = await rawRequest(server.port, '/');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expectSecurityHeaders(response.headers);
    expect(response.body).toBe(INDEX_HTML);
  });

  it('serves assets with their content type', async () => {
    const server = await start();
    const response = await rawRequest(server.port, '/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(response.body).toBe(APP_JS);
  });

  it('serves a chunk loaded on first use as JavaScript, with the CSP', async () => {
    const server = await start();
    const response = await rawRequest(server.port, `/assets/${CHUNK}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expectSecurityHeaders(response.headers);
    expect(response.body).toBe(APP_JS);
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const server = await start();
    const response = await rawRequest(server.port, '/', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(Buffer.byteLength(INDEX_HTML)));
    expectSecurityHeaders(response.headers);
    expect(response.body).toBe('');
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'])(
    'refuses %s with 405 and the security headers',
    async (method) => {
      const server = await start();
      const response = await rawRequest(server.port, '/', { method, body: 'x=1' });
      expect(response.status).toBe(405);
      expect(response.headers.allow).toBe('GET, HEAD');
      expectSecurityHeaders(response.headers);
      expect(response.body).toBe('');
    },
  );

  it.each([
    '/../../etc/passwd',
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
  ])('answers the traversal %s with 404', async (requestPath) => {
    const server = await start();
    const response = await rawRequest(server.port, requestPath);
    expect(response.status).toBe(404);
    expect(response.body).toBe('Not found');
    expect(response.body).not.toContain('root:');
    expect(response.body).not.toContain(SECRET);
    expectSecurityHeaders(response.headers);
  });

  it('answers a missing asset with 404 and an app route with index.html', async () => {
    const server = await start();
    expect((await rawRequest(server.port, '/assets/missing.js')).status).toBe(404);
    const route = await rawRequest(server.port, '/workshops/42');
    expect(route.status).toBe(200);
    expect(route.body).toBe(INDEX_HTML);
  });

  it('frees the port on close, even while a client is mid-request', async () => {
    const server = await startStaticServer({ root, host: '127.0.0.1', port: 0 });
    // A connection whose request never finishes: a plain server.close() would wait for it.
    const client = net.connect(server.port, '127.0.0.1');
    client.on('error', () => {});
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    const dropped = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    await server.close();
    await dropped;
    await expect(rawRequest(server.port, '/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const successor = await occupyPort(server.port);
    await closeServer(successor);
  });

  it('rejects with EADDRINUSE when the port is taken', async () => {
    const blocker = await occupyPort();
    try {
      const port = portOf(blocker);
      await expect(startStaticServer({ root, host: '127.0.0.1', port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await closeServer(blocker);
    }
  });
});
