// The session host: what the facilitator's machine runs so that a room can co-edit one
// workshop without internet. One HTTP server on ONE interface serves the built app, the
// session API, y-webrtc signaling and the y-websocket relay (with the host's own replica),
// all behind the join code. Plain Node modules only, so that the same code runs inside
// Electron's main process and standalone (electron/host/cli.ts). See docs/sync.md.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { SESSION_CLOSE_CODES } from '../../../shared/sync/closeCodes';
import { SIGNALING_PATH, WORKSHOP_ID_PATTERN, relayPathFor } from '../../../shared/sync/paths';
import type { SessionInfo } from '../../../shared/sync/sessionInfo';
import { ConnectionRegistry, type ConnectionsListener } from './connectionRegistry';
import { startHeartbeat } from './heartbeat';
import {
  HostConnection,
  type ConnectionBudget,
  type ConnectionInfo,
  type ConnectionKind,
} from './hostConnection';
import { JoinCodes } from './joinCode';
import { joinCodeFileFor, loadJoinCode, saveJoinCode } from './joinCodeFile';
import { admit } from './joinGate';
import { JoinThrottle } from './joinThrottle';
import {
  DEFAULT_LIMITS,
  HEADERS_TIMEOUT_MS,
  MAX_TCP_CONNECTIONS,
  REQUEST_TIMEOUT_MS,
  type SessionLimits,
} from './limits';
import { listenAddressProblem } from './networkInterfaces';
import { rejectUpgrade } from './rejectUpgrade';
import { RelayRoom } from './relayRoom';
import { remoteAddressOf } from './remoteAddress';
import { routeOf } from './routes';
import { sendJson, sendStatus, serveStaticFile } from './serveStatic';
import { SignalingHub } from './signalingHub';
import { loadSnapshot, SnapshotWriter } from './snapshotFile';
import { createSessionServer, sessionUrl, tlsFingerprint, type SessionTls } from './tlsServer';
import { startAnnouncer } from './announce';

export const DEFAULT_SESSION_INTERFACE = '127.0.0.1';

/** Longest workshop title the session API hands out. */
export const MAX_TITLE_CHARS = 500;

export interface SessionHostOptions {
  /** The one interface address to listen on; 127.0.0.1 unless the facilitator picks another. */
  readonly host?: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** The built app (dist/), served to browsers that join. */
  readonly appRoot: string;
  readonly workshopId: string;
  readonly title: string;
  /**
   * Keep a code this host made before; otherwise the one saved with `dataFile`, otherwise a
   * new one.
   */
  readonly joinCode?: string;
  /**
   * Keep the relay's replica in this file (loaded at start, written atomically, batched) and
   * the join code in `<dataFile>.code`, so that a restarted host has both.
   */
  readonly dataFile?: string;
  readonly limits?: Partial<SessionLimits>;
  /** One line per notable event (refused frames, dropped sockets); silent by default. */
  readonly log?: (message: string) => void;
  /** Serve HTTPS/WSS with this certificate (see certificate.ts); plain HTTP without. */
  readonly tls?: SessionTls;
  /**
   * Announce the session on the listening interface over mDNS (announce.ts: title, never
   * the code) so that desktop apps in the room list it. Off unless asked for.
   */
  readonly announce?: boolean;
}

export interface SessionHost {
  /** `http(s)://<interface>:<port>`, what participants open. */
  readonly url: string;
  /** SHA-256 of the certificate (`AB:CD:…`) with HTTPS, null with plain HTTP. */
  readonly certificateFingerprint: string | null;
  /** The address the server is bound to, as the operating system reports it. */
  readonly host: string;
  readonly port: number;
  readonly workshopId: string;
  /** The join code now; null after revokeCode() until rotateCode(). */
  readonly code: string | null;
  /** A new code; the old one admits nobody new, people already in stay. */
  rotateCode(): string;
  /** No code admits anybody, and every participant connection is closed (4403). */
  revokeCode(): void;
  connections(): ConnectionInfo[];
  /** Called with the new list whenever a connection comes, goes or changes its awareness ids. */
  on(event: 'connections', listener: ConnectionsListener): () => void;
  /** The relay's replica of the workshop. */
  readonly doc: Y.Doc;
  /** The relay's awareness (presence of relay participants; display names come from here). */
  readonly awareness: Awareness;
  close(): Promise<void>;
}

function rawDataToBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return data instanceof ArrayBuffer ? Buffer.from(data) : data;
}

export async function startSessionHost(options: SessionHostOptions): Promise<SessionHost> {
  const host = options.host ?? DEFAULT_SESSION_INTERFACE;
  const addressProblem = listenAddressProblem(host);
  if (addressProblem) throw new Error(`Cannot host a session on ${addressProblem}.`);
  if (!WORKSHOP_ID_PATTERN.test(options.workshopId)) {
    throw new Error(`"${options.workshopId}" is not a workshop id (letters, digits, _ and -).`);
  }
  const limits: SessionLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const workshopId = options.workshopId;
  const title = options.title.slice(0, MAX_TITLE_CHARS);

  const codeFile = options.dataFile ? joinCodeFileFor(options.dataFile) : null;
  const codes = new JoinCodes(
    options.joinCode ?? (codeFile ? await loadJoinCode(codeFile) : undefined),
  );
  let codeSaved = Promise.resolve();
  const saveCode = (): void => {
    if (!codeFile) return;
    const code = codes.current;
    codeSaved = codeSaved
      .then(() => saveJoinCode(codeFile, code))
      .catch((error: unknown) => log(`could not save the join code: ${(error as Error).message}`));
  };
  const throttle = new JoinThrottle({
    burst: limits.failedJoinBurst,
    refillMs: limits.failedJoinRefillMs,
    maxAddresses: limits.maxThrottledAddresses,
  });
  const registry = new ConnectionRegistry(limits.maxConnections, limits.maxConnectionsPerAddress);

  const doc = new Y.Doc();
  if (options.dataFile) await loadSnapshot(options.dataFile, doc);
  const snapshots = options.dataFile
    ? new SnapshotWriter(doc, options.dataFile, limits.snapshotDelayMs, log)
    : null;
  const room = new RelayRoom(doc, {
    maxAwarenessClientsPerPeer: limits.maxAwarenessClientsPerConnection,
    onAwarenessPeersChanged: () => registry.changed(),
  });
  const hub = new SignalingHub(workshopId);

  const sessionInfo: SessionInfo = {
    workshopId,
    title,
    relayPath: relayPathFor(workshopId),
    signalingPath: SIGNALING_PATH,
  };

  // perMessageDeflate stays off: compression costs CPU per message and invites zip bombs.
  const signalingServer = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: limits.maxSignalingFrameBytes,
  });
  const relayServer = new WebSocketServer({
    noServer: true,
    clientTracking: false,
    perMessageDeflate: false,
    maxPayload: limits.maxRelayFrameBytes,
  });
  const budgets: Record<ConnectionKind, ConnectionBudget> = {
    signaling: {
      messageBurst: limits.signalingMessageBurst,
      messagesPerSecond: limits.signalingMessagesPerSecond,
      byteBurst: limits.signalingByteBurst,
      bytesPerSecond: limits.signalingBytesPerSecond,
    },
    relay: {
      messageBurst: limits.relayMessageBurst,
      messagesPerSecond: limits.relayMessagesPerSecond,
      byteBurst: limits.relayByteBurst,
      bytesPerSecond: limits.relayBytesPerSecond,
    },
  };

  let closing = false;

  function onRequest(request: http.IncomingMessage, response: http.ServerResponse): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendStatus(response, 405, { Allow: 'GET, HEAD' });
      return;
    }
    const route = routeOf(request.url);
    switch (route.kind) {
      case 'session-api': {
        const auth = admit(codes, throttle, remoteAddressOf(request.socket), route.code);
        if (auth.ok) sendJson(response, 200, { ...sessionInfo, hostTime: Date.now() });
        else sendJson(response, auth.status, { error: 'join code required' }, auth.headers);
        return;
      }
      case 'signaling':
      case 'relay':
        sendStatus(response, 426, { Upgrade: 'websocket' });
        return;
      case 'not-found':
        sendStatus(response, 404);
        return;
      case 'static':
        serveStaticFile(options.appRoot, request, response);
        return;
    }
  }

  function onUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    if (closing) return rejectUpgrade(socket, 503);
    const route = routeOf(request.url);
    if (route.kind !== 'signaling' && route.kind !== 'relay') return rejectUpgrade(socket, 404);
    const address = remoteAddressOf(request.socket);
    const auth = admit(codes, throttle, address, route.code);
    if (!auth.ok) return rejectUpgrade(socket, auth.status, auth.headers);
    // Only after the code: without it, nobody learns which workshop ids exist.
    if (route.kind === 'relay' && route.room !== workshopId) return rejectUpgrade(socket, 404);
    const admission = registry.admission(address);
    if (admission !== 'ok') {
      log(`refused a ${route.kind} connection from ${address} (${admission})`);
      return rejectUpgrade(socket, 503, { 'Retry-After': '5' });
    }
    const server = route.kind === 'signaling' ? signalingServer : relayServer;
    server.handleUpgrade(request, socket, head, (socket) =>
      accept(socket, route.kind, address, auth.generation),
    );
  }

  function accept(
    socket: WebSocket,
    kind: ConnectionKind,
    remoteAddress: string,
    generation: number,
  ): void {
    const connection = new HostConnection(socket, {
      id: registry.newId(kind),
      kind,
      remoteAddress,
      codeGeneration: generation,
      budget: budgets[kind],
      maxBufferedBytes: limits.maxBufferedBytes,
      closeGraceMs: limits.closeGraceMs,
      log,
    });
    socket.on('error', (error) => log(`${kind} connection ${connection.id}: ${error.message}`));
    socket.on('pong', () => {
      connection.alive = true;
    });
    socket.on('message', (data, isBinary) => {
      const buffer = rawDataToBuffer(data);
      if (!connection.admit(buffer.byteLength)) return;
      try {
        if (kind === 'signaling') hub.receive(connection, buffer, isBinary);
        // A copy for Yjs, which may keep views of binary content; the buffer belongs to ws.
        else room.receive(connection, new Uint8Array(buffer), isBinary);
      } catch (error) {
        // Not expected (both protocols catch their own errors); the host must stay up.
        log(`${kind} connection ${connection.id}: ${(error as Error).message}`);
        connection.close(SESSION_CLOSE_CODES.internalError, 'internal error');
      }
    });
    socket.on('close', () => {
      if (kind === 'signaling') hub.leave(connection);
      else room.leave(connection);
      registry.remove(connection);
    });
    registry.add(connection);
    if (kind === 'relay') room.join(connection);
  }

  const server = createSessionServer(options.tls, onRequest);
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.maxConnections = MAX_TCP_CONNECTIONS;
  server.on('upgrade', onUpgrade);
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch(async (error: unknown) => {
    room.destroy();
    await snapshots?.close();
    doc.destroy();
    throw error;
  });
  // A socket error after start-up must not take the host down.
  server.on('error', (error) => log(`HTTP server error: ${error.message}`));
  saveCode();
  const stopHeartbeat = startHeartbeat(limits.pingIntervalMs, () => registry.all());
  const bound = server.address() as AddressInfo;
  const port = bound.port;
  const url = sessionUrl(options.tls, bound.address, port);
  const announcer = options.announce
    ? startAnnouncer({
        address: bound.address,
        port,
        title,
        scheme: options.tls ? 'https' : 'http',
        // A host restarted with a revoked code has nothing anybody could join with.
        visible: codes.current !== null,
        log,
      })
    : null;

  let closed: Promise<void> | null = null;
  async function shutDown(): Promise<void> {
    closing = true;
    // Goodbye first, so that the room's lists drop it while the host is still closing.
    await announcer?.close();
    stopHeartbeat();
    const open = registry.all();
    const allGone = Promise.all(
      open.map(
        (connection) =>
          new Promise<void>((resolve) => {
            if (connection.socket.readyState === connection.socket.CLOSED) resolve();
            else connection.socket.once('close', () => resolve());
          }),
      ),
    );
    for (const connection of open)
      connection.close(SESSION_CLOSE_CODES.hostClosing, 'host closing');
    const listening = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await allGone;
    await listening;
    signalingServer.close();
    relayServer.close();
    room.destroy();
    await snapshots?.close();
    await codeSaved;
    doc.destroy();
  }

  return {
    url,
    certificateFingerprint: tlsFingerprint(options.tls),
    host: bound.address,
    port,
    workshopId,
    get code() {
      return codes.current;
    },
    rotateCode: () => {
      const code = codes.rotate();
      saveCode();
      announcer?.show();
      return code;
    },
    revokeCode: () => {
      codes.revoke();
      saveCode();
      void announcer?.hide();
      for (const connection of registry.all()) {
        connection.close(SESSION_CLOSE_CODES.codeRevoked, 'join code revoked');
      }
    },
    connections: () => registry.list(),
    on: (_event, listener) => registry.on(listener),
    doc,
    awareness: room.awareness,
    close: () => (closed ??= shutDown()),
  };
}
