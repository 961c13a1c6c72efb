// One mDNS socket on ONE interface. bonjour-service's responder (over multicast-dns)
// encodes, decodes and answers queries for the records registered with it; the socket
// itself is set up here, so that nothing is ever sent before it is pinned to the chosen
// interface (otherwise multicast leaves by the default route, i.e. on some other network).
// Multicast fails in many ways that are nobody's fault here — no such interface, port
// 5353 taken, no permission, a network that drops it — and none of them may break the
// session host or the app: the first problem is logged in one line, and a transport
// whose set-up failed stays silent.
import dgram from 'node:dgram';
import { Server } from 'bonjour-service/dist/lib/mdns-server.js';
import type { DnsRecord } from './dnsSd';
import type { PacketSource } from './parseAnnouncement';

export const MDNS_PORT = 5353;
export const MDNS_GROUP = '224.0.0.251';
/** RFC 6762 §11: mDNS packets go out with IP TTL 255 (receivers may check it). */
const MDNS_IP_TTL = 255;

/** The part of a multicast-dns instance used here (bonjour-service types it as any). */
interface MulticastDns {
  on(event: 'response', listener: (packet: unknown, source: PacketSource) => void): void;
  on(event: 'error' | 'warning', listener: (error: Error) => void): void;
  query(name: string, type: string, callback?: (error?: Error | null) => void): void;
  respond(records: DnsRecord[], callback?: (error?: Error | null) => void): void;
  destroy(callback?: () => void): void;
}

export interface MdnsTransport {
  /** Answer queries for these records from now on (once the socket is ready). */
  register(records: readonly DnsRecord[]): void;
  unregister(records: readonly DnsRecord[]): void;
  /** Sends records unsolicited: an announcement, or with TTL 0 a goodbye. */
  send(records: readonly DnsRecord[]): Promise<void>;
  query(name: string, type: 'PTR'): void;
  onResponse(listener: (packet: unknown, source: PacketSource) => void): void;
  close(): Promise<void>;
}

export interface MdnsTransportOptions {
  /** The IPv4 address of the interface to join the mDNS group on and send from. */
  readonly interfaceAddress: string;
  /** 5353 except in tests that want a network of their own. */
  readonly port?: number;
  /** What this socket is for, in the log line ("announcement", "discovery"). */
  readonly purpose: string;
  readonly log: (message: string) => void;
}

type State = 'starting' | 'ready' | 'failed' | 'closed';

export function openMdnsTransport(options: MdnsTransportOptions): MdnsTransport {
  const port = options.port ?? MDNS_PORT;
  let reported = false;
  let state: State = 'starting';
  let closed: Promise<void> | null = null;
  /** Waiting for the socket: called with true once it is ready, false if it never will be. */
  const pending: Array<(ready: boolean) => void> = [];
  const dropPending = (): void => {
    for (const action of pending.splice(0)) action(false);
  };
  const report = (error: unknown): void => {
    if (reported) return;
    reported = true;
    const reason = error instanceof Error ? error.message : String(error);
    options.log(
      `mDNS ${options.purpose} on ${options.interfaceAddress} not working (${reason}); carrying on without it`,
    );
  };
  const fail = (error: unknown): void => {
    if (state === 'starting' || state === 'ready') state = 'failed';
    dropPending();
    report(error);
  };
  const whenReady = (action: (ready: boolean) => void): void => {
    if (state === 'starting') pending.push(action);
    else action(state === 'ready');
  };

  let socket: dgram.Socket;
  let server: Server;
  let mdns: MulticastDns;
  try {
    socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    // The wildcard: a socket bound to the interface's address gets no multicast on Linux.
    // What goes out leaves by the interface pinned below, and only after that worked.
    socket.bind(port, '0.0.0.0', () => {
      try {
        socket.setMulticastInterface(options.interfaceAddress);
        socket.addMembership(MDNS_GROUP, options.interfaceAddress);
        socket.setMulticastTTL(MDNS_IP_TTL);
        socket.setMulticastLoopback(true);
      } catch (error) {
        fail(error);
        return;
      }
      if (state !== 'starting') return;
      state = 'ready';
      for (const action of pending.splice(0)) action(true);
    });
    // multicast: false and bind: false: multicast-dns neither binds nor joins groups on
    // every interface by itself; it only encodes, decodes and sends to the group.
    server = new Server(
      {
        socket,
        multicast: false,
        bind: false,
        port,
        ip: MDNS_GROUP,
      } as never,
      report,
    );
    mdns = server.mdns as MulticastDns;
  } catch (error) {
    fail(error);
    return inertTransport();
  }
  mdns.on('error', fail);
  mdns.on('warning', report);

  return {
    register: (records) =>
      whenReady((ready) => {
        if (ready) server.register([...records] as never);
      }),
    unregister: (records) => server.unregister([...records] as never),
    send: (records) =>
      new Promise<void>((resolve) => {
        whenReady((ready) => {
          if (!ready) return resolve();
          try {
            mdns.respond([...records], (error) => {
              if (error) report(error);
              resolve();
            });
          } catch (error) {
            report(error);
            resolve();
          }
        });
      }),
    query: (name, type) =>
      whenReady((ready) => {
        if (!ready) return;
        try {
          mdns.query(name, type, (error) => {
            if (error) report(error);
          });
        } catch (error) {
          report(error);
        }
      }),
    onResponse: (listener) =>
      mdns.on('response', (packet, source) => {
        // A packet must never take the process down, whatever it holds.
        try {
          listener(packet, source);
        } catch (error) {
          report(error);
        }
      }),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        state = 'closed';
        dropPending();
        try {
          mdns.destroy(() => resolve());
        } catch {
          resolve();
        }
      })),
  };
}

function inertTransport(): MdnsTransport {
  return {
    register: () => {},
    unregister: () => {},
    send: () => Promise.resolve(),
    query: () => {},
    onResponse: () => {},
    close: () => Promise.resolve(),
  };
}
