// The desktop app's side of LAN discovery: asks the network for Werkstatt sessions
// (mDNS, on each of this computer's private IPv4 interfaces) while somebody is looking
// at the join screen, and hands out what it heard after the checks in
// parseAnnouncement.ts. It starts on the first question and goes quiet after
// DISCOVERY_IDLE_MS without one, so an app that is not joining sends nothing.
import os from 'node:os';
import type { DiscoveredSession } from '../../../shared/ipc/contract';
import { SERVICE_TYPE } from './dnsSd';
import { DiscoveredSessions } from './discoveredSessions';
import { openMdnsTransport, type MdnsTransport } from './mdnsTransport';
import { isDiscoverableAddress, parseResponse } from './parseAnnouncement';

/** No question for this long (the join screen asks every 2 s): stop asking the network. */
export const DISCOVERY_IDLE_MS = 30_000;
/** RFC 6762 §5.2: at least 1 s between the first two queries, then doubling gaps… */
export const QUERY_GAPS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
/** …up to this, so that a session started while the screen is open shows up soon. */
export const QUERY_INTERVAL_MS = 20_000;
/** More interfaces than this are VPNs and containers, not the room. */
export const MAX_BROWSE_INTERFACES = 8;

/** This computer's private, link-local and loopback IPv4 addresses. */
export function browsableAddresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const addresses = Object.values(interfaces)
    .flatMap((infos) => infos ?? [])
    .filter((info) => info.family === 'IPv4' && isDiscoverableAddress(info.address))
    .map((info) => info.address);
  return [...new Set(addresses)].slice(0, MAX_BROWSE_INTERFACES);
}

export interface SessionBrowserOptions {
  /** The interface addresses to ask on, read at every query (interfaces come and go). */
  readonly interfaces?: () => string[];
  /** 5353 except in tests. */
  readonly mdnsPort?: number;
  readonly log?: (message: string) => void;
  readonly now?: () => number;
}

export class LanSessionBrowser {
  private readonly found = new DiscoveredSessions();
  private readonly transports = new Map<string, MdnsTransport>();
  private running = false;
  private lastAsked = 0;
  private step = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: SessionBrowserOptions = {}) {}

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  /** What is on the network now; the first call starts listening (the list fills within a second). */
  list(): DiscoveredSession[] {
    const now = this.now();
    this.lastAsked = now;
    if (!this.running) this.start();
    this.found.expire(now);
    return this.found.list();
  }

  get listening(): boolean {
    return this.running;
  }

  private start(): void {
    this.running = true;
    this.step = 0;
    this.tick();
  }

  private tick(): void {
    this.timer = null;
    if (!this.running) return;
    if (this.now() - this.lastAsked > DISCOVERY_IDLE_MS) {
      void this.stop();
      return;
    }
    this.reconcileInterfaces();
    for (const transport of this.transports.values()) transport.query(SERVICE_TYPE, 'PTR');
    const gap = QUERY_GAPS_MS[this.step] ?? QUERY_INTERVAL_MS;
    this.step += 1;
    this.timer = setTimeout(() => this.tick(), gap);
    this.timer.unref();
  }

  private reconcileInterfaces(): void {
    const wanted = new Set((this.options.interfaces ?? browsableAddresses)());
    for (const [address, transport] of this.transports) {
      if (!wanted.has(address)) {
        this.transports.delete(address);
        void transport.close();
      }
    }
    for (const address of wanted) {
      if (this.transports.has(address) || this.transports.size >= MAX_BROWSE_INTERFACES) continue;
      const transport = openMdnsTransport({
        interfaceAddress: address,
        port: this.options.mdnsPort,
        purpose: 'discovery',
        log: this.options.log ?? (() => {}),
      });
      transport.onResponse((packet, source) => this.receive(packet, source));
      this.transports.set(address, transport);
    }
  }

  private receive(packet: unknown, source: { address: string; family: string | number }): void {
    if (!this.running) return;
    const { sessions, goodbyes } = parseResponse(packet, source);
    for (const fqdn of goodbyes) this.found.goodbye(fqdn, source.address);
    const now = this.now();
    for (const session of sessions) this.found.seen(session, now);
  }

  /** Stops listening and forgets what was heard. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.found.clear();
    const closing = [...this.transports.values()].map((transport) => transport.close());
    this.transports.clear();
    await Promise.all(closing);
  }
}
