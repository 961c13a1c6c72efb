// The sessions a browser has heard of, bounded: at most MAX_DISCOVERED_SESSIONS at once
// (a flood of announcements cannot grow it, and cannot push out what is already listed),
// each forgotten when its host says goodbye or stops answering.
import type { DiscoveredSession } from '../../../shared/ipc/contract';
import type { AnnouncedSession } from './parseAnnouncement';

export const MAX_DISCOVERED_SESSIONS = 32;
/**
 * An entry not heard of for this long is gone (a host that crashed sends no goodbye).
 * Browsers ask at least every 20 s, so a live host has answered twice by then.
 */
export const MAX_ENTRY_AGE_MS = 60_000;

interface Entry {
  readonly session: AnnouncedSession;
  readonly lastSeen: number;
  readonly expiresAt: number;
}

export class DiscoveredSessions {
  private readonly entries = new Map<string, Entry>();

  seen(session: AnnouncedSession, now: number): void {
    if (!this.entries.has(session.fqdn) && this.entries.size >= MAX_DISCOVERED_SESSIONS) return;
    this.entries.set(session.fqdn, {
      session,
      lastSeen: now,
      expiresAt: now + Math.min(session.ttlMs, MAX_ENTRY_AGE_MS),
    });
  }

  /** Only the address that announced a session can take it back. */
  goodbye(fqdn: string, fromAddress: string): void {
    if (this.entries.get(fqdn)?.session.address === fromAddress) this.entries.delete(fqdn);
  }

  expire(now: number): void {
    for (const [fqdn, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(fqdn);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** By title, then address: a stable order that does not jump on every answer. */
  list(): DiscoveredSession[] {
    return [...this.entries.values()]
      .map(({ session, lastSeen }) => ({
        title: session.title,
        baseUrl: session.baseUrl,
        hostName: session.hostName,
        lastSeen,
      }))
      .sort(
        (a, b) =>
          a.title.localeCompare(b.title) ||
          a.baseUrl.localeCompare(b.baseUrl, 'en', { numeric: true }),
      );
  }
}
