// The HTTPS option: with the host's own certificate, one port serves the app, the session
// API and both WebSocket endpoints over TLS; a client that trusts exactly that certificate
// syncs through the relay, the join code is still required, and nothing is served in
// plaintext on that port. Without the option the host stays plain HTTP.
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  ensureHostCertificate,
  type HostCertificate,
} from '../../../electron/host/session/certificate';
import { RELAY_PATH, SESSION_API_PATH } from '../../../shared/sync/paths';
import {
  INDEX_HTML,
  Resources,
  WORKSHOP_ID,
  makeAppRoot,
  makeTempDir,
  removeDir,
  upgradeStatus,
  waitFor,
} from './helpers';

let tmp: string;
let appRoot: string;
let certificate: HostCertificate;
const resources = new Resources();
const providers: WebsocketProvider[] = [];

beforeAll(async () => {
  tmp = makeTempDir('werkstatt-host-https-');
  appRoot = makeAppRoot(tmp);
  certificate = await ensureHostCertificate({ dir: tmp, addresses: ['127.0.0.1'] });
});
afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  await resources.closeAll();
});
afterAll(() => removeDir(tmp));

interface Answer {
  readonly status: number;
  readonly body: string;
  readonly peerFingerprint: string;
}

/** GET over TLS, trusting the host's certificate and nothing else. */
function httpsGet(port: number, requestPath: string, ca = certificate.cert): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = https.get(
      { host: '127.0.0.1', port, path: requestPath, ca, agent: false },
      (response) => {
        const socket = response.socket as tls.TLSSocket;
        const peerFingerprint = socket.getPeerCertificate().fingerprint256;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body, peerFingerprint }),
        );
      },
    );
    request.on('error', reject);
  });
}

/** An unmodified y-websocket client whose WebSocket trusts exactly the host's certificate. */
function secureRelayClient(port: number, doc: Y.Doc, code: string): WebsocketProvider {
  class PinnedWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { ca: certificate.cert });
    }
  }
  const provider = new WebsocketProvider(`wss://127.0.0.1:${port}${RELAY_PATH}`, WORKSHOP_ID, doc, {
    WebSocketPolyfill: PinnedWebSocket as unknown as typeof globalThis.WebSocket,
    params: { code },
    disableBc: true,
  });
  providers.push(provider);
  return provider;
}

/** A WebSocket upgrade over TLS, trusting the host's certificate; the HTTP status. */
const secureUpgradeStatus = async (port: number, requestPath: string): Promise<number> =>
  (await upgradeStatus(port, requestPath, { ca: certificate.cert })).status;

describe('the session host over HTTPS', () => {
  it('serves the app and the session API over TLS with its own certificate', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    expect(host.url).toBe(`https://127.0.0.1:${host.port}`);
    expect(host.certificateFingerprint).toBe(certificate.fingerprint);

    const app = await httpsGet(host.port, '/');
    expect(app.status).toBe(200);
    expect(app.body).toBe(INDEX_HTML);
    // What a participant compares: the fingerprint the connection shows is the announced one.
    expect(app.peerFingerprint).toBe(certificate.fingerprint);

    const info = await httpsGet(host.port, `${SESSION_API_PATH}?code=${host.code}`);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({
      workshopId: WORKSHOP_ID,
      relayPath: `${RELAY_PATH}/${WORKSHOP_ID}`,
    });
  });

  it('still refuses a wrong or missing join code, on the API and the WebSockets', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    const wrong = host.code === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    expect((await httpsGet(host.port, `${SESSION_API_PATH}?code=${wrong}`)).status).toBe(401);
    expect((await httpsGet(host.port, SESSION_API_PATH)).status).toBe(401);
    expect(await secureUpgradeStatus(host.port, `${RELAY_PATH}/${WORKSHOP_ID}?code=${wrong}`)).toBe(
      401,
    );
    expect(await secureUpgradeStatus(host.port, `/signal?code=${wrong}`)).toBe(401);
    expect(await secureUpgradeStatus(host.port, `/signal?code=${host.code}`)).toBe(101);
  });

  it('syncs two y-websocket clients through the relay over WSS', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    const code = host.code as string;
    const [docA, docB] = [new Y.Doc(), new Y.Doc()];
    const a = secureRelayClient(host.port, docA, code);
    const b = secureRelayClient(host.port, docB, code);
    await waitFor('both synced over wss', () => a.synced && b.synced);
    docA.getMap('cards').set('c1', 'Glasfaser für alle Schulen');
    await waitFor('B has the card', () => docB.getMap('cards').get('c1') !== undefined);
    expect(docB.getMap('cards').get('c1')).toBe('Glasfaser für alle Schulen');
    expect(host.doc.getMap('cards').get('c1')).toBe('Glasfaser für alle Schulen');
    expect(host.connections().filter((connection) => connection.kind === 'relay')).toHaveLength(2);
  });

  it('refuses a wrong code on the relay over WSS: the client never syncs', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    const doc = new Y.Doc();
    const outsider = secureRelayClient(host.port, doc, 'AAAA-AAAA');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsider.synced).toBe(false);
    expect(host.connections()).toHaveLength(0);
  });

  it('is refused by a client that does not trust its certificate', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    const stranger = await ensureHostCertificate({
      dir: path.join(tmp, 'other-host'),
      addresses: ['127.0.0.1'],
    });
    await expect(httpsGet(host.port, '/', stranger.cert)).rejects.toThrow(/self[- ]signed|verify/i);
  });

  it('serves nothing in plaintext on its port', async () => {
    const host = await resources.host({ appRoot, tls: certificate });
    const outcome = await new Promise<string>((resolve) => {
      const request = http.get(
        { host: '127.0.0.1', port: host.port, path: `${SESSION_API_PATH}?code=${host.code}` },
        (response) => {
          response.resume();
          resolve(`answered ${response.statusCode}`);
        },
      );
      request.on('error', (error) => resolve(`error ${error.message}`));
    });
    expect(outcome).toMatch(/^error/);
  });
});

describe('the session host without the HTTPS option', () => {
  it('stays plain HTTP, with no certificate', async () => {
    const host = await resources.host({ appRoot });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(host.certificateFingerprint).toBeNull();
    const response = await fetch(`${host.url}${SESSION_API_PATH}?code=${host.code}`);
    expect(response.status).toBe(200);
  });
});
