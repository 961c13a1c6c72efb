// Helpers for the session host tests: a tiny built app to serve, hosts that are closed
// after each test, raw upgrade requests (to see the HTTP status a refused WebSocket gets),
// unmodified y-websocket clients, and bounded waiting. Network: 127.0.0.1 only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { RELAY_PATH } from '../../../shared/sync/paths';
import {
  startSessionHost,
  type SessionHost,
  type SessionHostOptions,
} from '../../../electron/host/session/sessionHost';

export const INDEX_HTML = '<!doctype html><html><head><title>Werkstatt</title></head></html>';
export const WORKSHOP_ID = 'ws-test-1';

export function makeTempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function makeAppRoot(dir: string): string {
  const root = path.join(dir, 'dist');
  mkdirSync(root, { recursive: true });
  writeFileSync(path.join(root, 'index.html'), INDEX_HTML);
  return root;
}

/** Hosts, clients and sockets made by a test, closed by `closeAll` in afterEach. */
export class Resources {
  readonly hosts: SessionHost[] = [];
  readonly providers: WebsocketProvider[] = [];
  readonly sockets: WebSocket[] = [];

  async host(
    options: Partial<SessionHostOptions> & Pick<SessionHostOptions, 'appRoot'>,
  ): Promise<SessionHost> {
    const host = await startSessionHost({
      workshopId: WORKSHOP_ID,
      title: 'Digitalstrategie Lindenau',
      ...options,
    });
    this.hosts.push(host);
    return host;
  }

  relayClient(
    host: Pick<SessionHost, 'port'>,
    doc: Y.Doc,
    code: string,
    extra: Record<string, unknown> = {},
  ): WebsocketProvider {
    const provider = new WebsocketProvider(
      `ws://127.0.0.1:${host.port}${RELAY_PATH}`,
      WORKSHOP_ID,
      doc,
      {
        // The same package the browser uses, unmodified; only Node needs a WebSocket class,
        // and BroadcastChannel is off so that two clients in one process cannot bypass the relay.
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { code },
        disableBc: true,
        ...extra,
      },
    );
    this.providers.push(provider);
    return provider;
  }

  async socket(url: string, options: ConstructorParameters<typeof WebSocket>[2] = {}) {
    const socket = new WebSocket(url, options);
    this.sockets.push(socket);
    socket.on('error', () => {});
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`refused with ${response.statusCode}`)),
      );
      socket.once('error', reject);
    });
    return socket;
  }

  async closeAll(): Promise<void> {
    for (const provider of this.providers.splice(0)) provider.destroy();
    for (const socket of this.sockets.splice(0)) socket.terminate();
    await Promise.all(this.hosts.splice(0).map((host) => host.close()));
  }
}

/** Polls until `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(
  what: string,
  check: () => boolean,
  timeoutMs = 5_000,
  stepMs = 10,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, stepMs));
  }
}

export function closeEvent(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (socket.readyState === socket.CLOSED) resolve({ code: -1, reason: 'already closed' });
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}

export interface UpgradeOutcome {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
}

/**
 * Sends a WebSocket upgrade request and reports the HTTP status: 101 if the host switched
 * protocols (the socket is then destroyed), or the refusal status (401, 404, 429, 503).
 */
export function upgradeStatus(
  port: number,
  requestPath: string,
  /** Over TLS, trusting exactly this certificate (PEM). */
  tls?: { readonly ca: string },
): Promise<UpgradeOutcome> {
  return new Promise((resolve, reject) => {
    const request = (tls ? https : http).request({
      host: '127.0.0.1',
      port,
      path: requestPath,
      agent: false,
      ...(tls ? { ca: tls.ca } : {}),
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': Buffer.from('0123456789abcdef').toString('base64'),
      },
    });
    request.on('upgrade', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on('response', (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0, headers: response.headers });
    });
    request.on('error', reject);
    request.end();
  });
}

export async function getJson(
  port: number,
  requestPath: string,
): Promise<{ status: number; body: unknown; headers: Headers }> {
  const response = await fetch(`http://127.0.0.1:${port}${requestPath}`);
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    headers: response.headers,
  };
}
