// The addresses a facilitator can choose to host on: the machine's IPv4 interfaces (the
// room's Wi-Fi or hotspot, Ethernet, loopback). The host listens on exactly one of them;
// wildcard addresses that would listen everywhere at once are refused.
import net from 'node:net';
import os from 'node:os';

export interface HostInterface {
  readonly name: string;
  readonly address: string;
  /** Loopback: reachable from this machine only. */
  readonly internal: boolean;
}

export function ipv4Interfaces(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): HostInterface[] {
  const found: HostInterface[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4') {
        found.push({ name, address: info.address, internal: info.internal });
      }
    }
  }
  return found;
}

/** Why `host` cannot be listened on, or null if it is one concrete IP address. */
export function listenAddressProblem(host: string): string | null {
  if (net.isIP(host) === 0) return `"${host}" is not an IP address`;
  if (host === '0.0.0.0' || host === '::' || /^0+(\.0+){3}$/.test(host) || /^[0:]+$/.test(host)) {
    return `"${host}" would listen on every interface; pick one address`;
  }
  return null;
}
