// The session host's server: plain HTTP by default, HTTPS when the facilitator opts in with
// the host's own certificate. Either way one server on one port carries the app, the
// session API and both WebSocket endpoints (WSS when it is HTTPS), so nothing else in the
// host needs to know which it is.
import { X509Certificate } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

/** The certificate and private key (PEM) the host serves HTTPS with. */
export interface SessionTls {
  readonly cert: string;
  readonly key: string;
}

/**
 * A TLS handshake must finish within this (Node's default is 120 s): a slow client would
 * otherwise hold one of the host's sockets for two minutes.
 */
export const TLS_HANDSHAKE_TIMEOUT_MS = 10_000;

export type SessionServer = http.Server | https.Server;

export function createSessionServer(
  tls: SessionTls | undefined,
  onRequest: http.RequestListener,
): SessionServer {
  if (!tls) return http.createServer(onRequest);
  const server = https.createServer(
    {
      cert: tls.cert,
      key: tls.key,
      minVersion: 'TLSv1.2',
      handshakeTimeout: TLS_HANDSHAKE_TIMEOUT_MS,
    },
    onRequest,
  );
  // Browsers that have not accepted the certificate yet hang up mid-handshake; that is
  // expected, and must neither log noise nor keep the socket.
  server.on('tlsClientError', (_error, socket) => socket.destroy());
  return server;
}

/** The certificate's SHA-256 fingerprint (`AB:CD:…`), null for plain HTTP. */
export function tlsFingerprint(tls: SessionTls | undefined): string | null {
  return tls ? new X509Certificate(tls.cert).fingerprint256 : null;
}

/** `http://` or `https://` and the bound address (IPv6 in brackets). */
export function sessionUrl(tls: SessionTls | undefined, address: string, port: number): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return `${tls ? 'https' : 'http'}://${host}:${port}`;
}
