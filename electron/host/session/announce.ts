// Tells the room's network that a session is running, so that the desktop app can list
// it (DNS-SD over mDNS, see ../discovery/dnsSd.ts): on the one interface the host listens
// on, with title and protocol version but never the join code. A host whose code is
// revoked has nothing anybody could join with, so it hides (goodbye) until a new code
// exists; rotating keeps it listed. Multicast problems are logged once and never stop
// the host.
import os from 'node:os';
import { announcementRecords, type DnsRecord, type SessionScheme } from '../discovery/dnsSd';
import { openMdnsTransport } from '../discovery/mdnsTransport';
import { isDiscoverableAddress } from '../discovery/parseAnnouncement';

/** RFC 6762 §8.3: at least two unsolicited announcements, one second apart; a third for lossy Wi-Fi. */
export const ANNOUNCE_DELAYS_MS = [0, 1_000, 3_000] as const;

export interface AnnouncerOptions {
  /** The address the session host listens on: the only one announced, the only interface used. */
  readonly address: string;
  readonly port: number;
  readonly title: string;
  /** https when the host serves TLS. */
  readonly scheme?: SessionScheme;
  /** False: start hidden (no code yet), show() later. */
  readonly visible?: boolean;
  readonly log: (message: string) => void;
  /** 5353 except in tests. */
  readonly mdnsPort?: number;
  /** The computer's name (default: the operating system's). */
  readonly hostname?: string;
}

export interface Announcer {
  /** The DNS-SD instance name (empty when not announcing at all). */
  readonly fqdn: string;
  readonly visible: boolean;
  /** Listed again (after a revoke, when a new code exists). */
  show(): void;
  /** Goodbye: browsers drop it now. */
  hide(): Promise<void>;
  /** Goodbye and close the socket. */
  close(): Promise<void>;
}

const silent: Announcer = {
  fqdn: '',
  visible: false,
  show: () => {},
  hide: () => Promise.resolve(),
  close: () => Promise.resolve(),
};

function withTtl(records: readonly DnsRecord[], ttl: number): DnsRecord[] {
  return records.map((record) => ({ ...record, ttl }));
}

export function startAnnouncer(options: AnnouncerOptions): Announcer {
  if (!isDiscoverableAddress(options.address)) {
    options.log(
      `not announcing the session on the network: ${options.address} is not a private IPv4 address`,
    );
    return silent;
  }
  const announcement = announcementRecords({
    hostname: options.hostname ?? os.hostname(),
    address: options.address,
    port: options.port,
    title: options.title,
    scheme: options.scheme,
  });
  const transport = openMdnsTransport({
    interfaceAddress: options.address,
    port: options.mdnsPort,
    purpose: 'announcement',
    log: options.log,
  });
  let visible = false;
  let closing = false;
  let timers: ReturnType<typeof setTimeout>[] = [];

  const stopTimers = (): void => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };
  const show = (): void => {
    if (visible || closing) return;
    visible = true;
    transport.register(announcement.records);
    timers = ANNOUNCE_DELAYS_MS.map((delay) => {
      const timer = setTimeout(() => void transport.send(announcement.records), delay);
      timer.unref();
      return timer;
    });
  };
  const hide = async (): Promise<void> => {
    if (!visible) return;
    visible = false;
    stopTimers();
    transport.unregister(announcement.records);
    await transport.send(withTtl(announcement.records, 0));
  };

  if (options.visible !== false) show();
  return {
    fqdn: announcement.fqdn,
    get visible() {
      return visible;
    },
    show,
    hide,
    close: async () => {
      closing = true;
      await hide();
      await transport.close();
    },
  };
}
