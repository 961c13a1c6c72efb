// The address a connection comes from, as people read it: IPv4-mapped IPv6 addresses
// ("::ffff:192.168.1.20", what a dual-stack socket reports) shown as plain IPv4, so that
// the connection list and the per-address limits see one laptop as one address.
import type { Socket } from 'node:net';

export function remoteAddressOf(socket: Pick<Socket, 'remoteAddress'>): string {
  const address = socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
}
