// The host listens on the one interface asked for and nowhere else: bound to 127.0.0.1, a
// connection to any other address of this machine is refused. Only this machine's own
// addresses are contacted, and nothing listens beyond loopback (the tests never open a
// port to the network). Wildcard and non-IP addresses are refused before anything listens.
import net from 'node:net';
import os from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ipv4Interfaces,
  listenAddressProblem,
} from '../../../electron/host/session/networkInterfaces';
import { startSessionHost } from '../../../electron/host/session/sessionHost';
import { Resources, makeAppRoot, makeTempDir, removeDir } from './helpers';

let tmp: string;
let appRoot: string;
const resources = new Resources();

beforeAll(() => {
  tmp = makeTempDir('werkstatt-host-iface-');
  appRoot = makeAppRoot(tmp);
});
afterEach(() => resources.closeAll());
afterAll(() => removeDir(tmp));

/** Resolves 'connected' or the error code (ECONNREFUSED, …) of a TCP connection attempt. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(2_000, () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

/** This machine's own IPv4 addresses other than 127.0.0.1. */
const otherLocalAddresses = ipv4Interfaces()
  .map((entry) => entry.address)
  .filter((address) => address !== '127.0.0.1');

describe('listening interface', () => {
  it('bound to 127.0.0.1: reachable there, refused on every other local address', async () => {
    const host = await resources.host({ appRoot, host: '127.0.0.1' });
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`);
    expect(await tryConnect('127.0.0.1', host.port)).toBe('connected');
    // Linux routes all of 127/8 to loopback: another loopback address, not the one bound.
    const refusedAlso = os.platform() === 'linux' ? ['127.0.0.2'] : [];
    const others = [...refusedAlso, ...otherLocalAddresses];
    // Said out loud, so that a machine with nothing else to check does not pass silently.
    console.log(`listen test: other local addresses checked: ${others.join(', ') || 'none'}`);
    for (const address of others) {
      expect(await tryConnect(address, host.port), address).toBe('ECONNREFUSED');
    }
    // What the operating system reports the socket is bound to.
    expect(host.host).toBe('127.0.0.1');
  });

  it('refuses wildcard and non-IP addresses before listening', async () => {
    for (const address of ['0.0.0.0', '::', '0:0:0:0:0:0:0:0', 'localhost', 'example.org', '']) {
      expect(listenAddressProblem(address), address).not.toBeNull();
      await expect(
        startSessionHost({ appRoot, workshopId: 'w', title: 't', host: address }),
      ).rejects.toThrow(/Cannot host a session/);
    }
    expect(listenAddressProblem('192.168.1.20')).toBeNull();
    expect(listenAddressProblem('::1')).toBeNull();
  });

  it('lists the IPv4 interfaces, marking loopback as this machine only', () => {
    const listed = ipv4Interfaces({
      lo: [
        {
          address: '127.0.0.1',
          netmask: '255.0.0.0',
          family: 'IPv4',
          mac: '00:00:00:00:00:00',
          internal: true,
          cidr: '127.0.0.1/8',
        },
        {
          address: '::1',
          netmask: 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff',
          family: 'IPv6',
          mac: '00:00:00:00:00:00',
          internal: true,
          cidr: '::1/128',
          scopeid: 0,
        },
      ],
      wlan0: [
        {
          address: '192.168.8.23',
          netmask: '255.255.255.0',
          family: 'IPv4',
          mac: '02:00:00:00:00:01',
          internal: false,
          cidr: '192.168.8.23/24',
        },
      ],
    });
    expect(listed).toEqual([
      { name: 'lo', address: '127.0.0.1', internal: true },
      { name: 'wlan0', address: '192.168.8.23', internal: false },
    ]);
  });
});
