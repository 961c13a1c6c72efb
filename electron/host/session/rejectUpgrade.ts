// Refuses a WebSocket upgrade with a plain HTTP status before any handshake, so that a
// client without the right code never gets a WebSocket (and learns nothing but the status).
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

export function rejectUpgrade(
  socket: Duplex,
  status: number,
  extraHeaders: Readonly<Record<string, string>> = {},
): void {
  const reason = STATUS_CODES[status] ?? 'Error';
  const headers = { Connection: 'close', 'Content-Length': '0', ...extraHeaders };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n`, () =>
    socket.destroy(),
  );
}
