// The desktop app's session lookup (`session:lookup`), run in the main process. Plain-http
// hosts are asked as before. An https host's certificate is checked BEFORE the join code is
// sent: it must be valid by the usual rules, or be exactly the one the user confirmed (its
// SHA-256 fingerprint), or the one pinned for that address before. Otherwise the answer is
// `certificateUnconfirmed` with the fingerprint seen, for the user to compare with the
// facilitator's screen; nothing else was sent. A confirmed fingerprint that matches is
// pinned (see certificatePins.ts), so that the renderer's WSS connections are accepted too.
import https from 'node:https';
import tls from 'node:tls';
import { normalizeFingerprint } from '../../shared/sync/certificateFingerprint';
import {
  fetchSessionInfo,
  SESSION_INFO_TIMEOUT_MS,
  type FetchLike,
  type SessionInfoResult,
} from '../../shared/sync/fetchSessionInfo';
import { isPinnableHost, pinKey, type CertificatePins } from '../security/certificatePins';

/** The session API answers a few hundred bytes; anything much larger is not a session host. */
export const MAX_LOOKUP_BODY_BYTES = 64 * 1024;

export type SessionLookup = (
  baseUrl: string,
  code: string,
  fingerprint?: string,
) => Promise<SessionInfoResult>;

export function createSessionLookup(
  pins: CertificatePins,
  timeoutMs = SESSION_INFO_TIMEOUT_MS,
): SessionLookup {
  return async (baseUrl, code, fingerprint) => {
    const url = new URL(baseUrl);
    if (url.protocol !== 'https:') return fetchSessionInfo(baseUrl, code);
    const hostname = pinKey(url.hostname);
    const socket = await connectTls(hostname, Number(url.port || 443), timeoutMs);
    if (!socket) return { ok: false, reason: 'unreachable' };
    const seen = socket.getPeerCertificate().fingerprint256;
    const previous = pins.get(hostname);
    const confirmed = fingerprint ? normalizeFingerprint(fingerprint) : null;
    const expected = confirmed ?? previous;
    if (!socket.authorized && (seen !== expected || !isPinnableHost(hostname))) {
      socket.destroy();
      return { ok: false, reason: 'certificateUnconfirmed', fingerprint: seen, previous };
    }
    const result = await fetchSessionInfo(url.origin, code, overSocket(socket));
    socket.destroy();
    if (result.ok && !socket.authorized && confirmed && confirmed !== previous) {
      await pins.trust(hostname, confirmed);
    }
    return result;
  };
}

/** A TLS connection whose certificate is not yet judged (the caller does that); null if none. */
function connectTls(host: string, port: number, timeoutMs: number): Promise<tls.TLSSocket | null> {
  return new Promise((resolve) => {
    // rejectUnauthorized: false only lets the handshake finish so that the caller can compare
    // the certificate with a pin; no byte of the request is written before that.
    const socket = tls.connect({
      host,
      port,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(null);
    });
  });
}

/** A `fetch` for exactly one request over a connection whose certificate was checked. */
function overSocket(socket: tls.TLSSocket): FetchLike {
  return (url, init) =>
    new Promise((resolve, reject) => {
      const request = https.request(url, {
        method: 'GET',
        signal: init.signal,
        createConnection: () => socket,
      });
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > MAX_LOOKUP_BODY_BYTES) {
            request.destroy(new Error('answer too large'));
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const body = Buffer.concat(chunks);
          resolve(new Response(body.byteLength > 0 ? body : null, { status }));
        });
        response.on('error', reject);
      });
      request.on('error', reject);
      request.end();
    });
}
