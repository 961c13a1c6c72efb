// What a Werkstatt browser accepts from the LAN. Any computer on the network can send
// mDNS answers (thousands of services, garbage TXT, somebody else's address), so every
// response is checked as hostile input: bounded work per packet, strict names, a known
// protocol version, a clean short title, and an address that is the sender's own private
// IPv4 address. What fails is dropped silently; the join screen never sees it.
import {
  APP_PATH,
  DISCOVERY_PROTOCOL_VERSION,
  SERVICE_TYPE,
  TXT_PATH_KEY,
  TXT_SCHEME_KEY,
  TXT_TITLE_KEY,
  TXT_VERSION_KEY,
} from './dnsSd';

/** Records looked at per packet; a real answer has 4-5. */
export const MAX_RECORDS_PER_PACKET = 64;
/** Sessions taken from one packet; a real host announces one. */
export const MAX_SESSIONS_PER_PACKET = 4;
export const MAX_TXT_STRINGS = 16;
/** Longer titles are cut (the host sends at most 200 bytes). */
export const MAX_SHOWN_TITLE_CHARS = 80;
const MAX_DNS_NAME_CHARS = 255;
const MAX_INSTANCE_LABEL_BYTES = 63;
/** Below 1024 only the web's own ports are plausible for a session host. */
const MIN_UNPRIVILEGED_PORT = 1024;
const WELL_KNOWN_WEB_PORTS = new Set([80, 443]);
const MAX_PORT = 65_535;
const HOST_NAME_PATTERN = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.local\.?$/i;
/** Controls and format characters (bidi overrides, zero-width, BOM): not in a title. */
const UNSHOWABLE_CHARS = /[\p{Cc}\p{Cf}]/gu;

export interface AnnouncedSession {
  /** The instance's full name, lower case: the key of an entry. */
  readonly fqdn: string;
  readonly title: string;
  /** `http(s)://<address>:<port>` */
  readonly baseUrl: string;
  readonly address: string;
  readonly hostName: string;
  /** How long the sender says this holds (0 never: that is a goodbye). */
  readonly ttlMs: number;
}

export interface ParsedResponse {
  readonly sessions: AnnouncedSession[];
  /** Instances whose host said goodbye (PTR with TTL 0), lower case. */
  readonly goodbyes: string[];
}

export interface PacketSource {
  readonly address: string;
  readonly family: string | number;
}

interface RawRecord {
  readonly name: string;
  readonly type: string;
  readonly ttl: number;
  readonly data: unknown;
}

function parseIpv4(address: string): number[] | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((octet, index) => octet <= 255 && String(octet) === match[index + 1])
    ? octets
    : null;
}

/** Private (RFC 1918), link-local and loopback IPv4 only: where a room's session can be. */
export function isDiscoverableAddress(address: string): boolean {
  const octets = parseIpv4(address);
  if (!octets) return false;
  const [a = -1, b = -1] = octets;
  return (
    a === 10 ||
    a === 127 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

export function isSanePort(port: unknown): port is number {
  return (
    typeof port === 'number' &&
    Number.isInteger(port) &&
    port <= MAX_PORT &&
    (port >= MIN_UNPRIVILEGED_PORT || WELL_KNOWN_WEB_PORTS.has(port))
  );
}

function isRawRecord(value: unknown): value is RawRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.name === 'string' &&
    record.name.length <= MAX_DNS_NAME_CHARS &&
    typeof record.type === 'string' &&
    typeof record.ttl === 'number' &&
    Number.isFinite(record.ttl) &&
    record.ttl >= 0
  );
}

function recordsOf(packet: unknown): RawRecord[] {
  if (typeof packet !== 'object' || packet === null) return [];
  const { answers, additionals } = packet as Record<string, unknown>;
  const all = [
    ...(Array.isArray(answers) ? answers.slice(0, MAX_RECORDS_PER_PACKET) : []),
    ...(Array.isArray(additionals) ? additionals.slice(0, MAX_RECORDS_PER_PACKET) : []),
  ];
  return all.slice(0, MAX_RECORDS_PER_PACKET).filter(isRawRecord);
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function isInstanceName(name: string): boolean {
  const suffix = `.${SERVICE_TYPE}`;
  if (!name.toLowerCase().endsWith(suffix)) return false;
  const label = name.slice(0, -suffix.length);
  const bytes = new TextEncoder().encode(label).length;
  return bytes >= 1 && bytes <= MAX_INSTANCE_LABEL_BYTES;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Keys lower case, the first occurrence wins (RFC 6763 §6.4); undecodable strings skipped. */
export function parseTxt(data: unknown): Map<string, string> | null {
  if (!Array.isArray(data) || data.length > MAX_TXT_STRINGS) return null;
  const entries = new Map<string, string>();
  for (const item of data) {
    if (!(item instanceof Uint8Array) || item.length > 255) return null;
    let text: string;
    try {
      text = utf8.decode(item);
    } catch {
      continue;
    }
    const equals = text.indexOf('=');
    if (equals <= 0) continue;
    const key = text.slice(0, equals).toLowerCase();
    if (!entries.has(key)) entries.set(key, text.slice(equals + 1));
  }
  return entries;
}

export function cleanTitle(raw: string): string {
  const clean = raw.replace(UNSHOWABLE_CHARS, '').replace(/\s+/g, ' ').trim();
  const chars = [...clean];
  return chars.length <= MAX_SHOWN_TITLE_CHARS
    ? clean
    : `${chars.slice(0, MAX_SHOWN_TITLE_CHARS - 1).join('')}…`;
}

function sessionFor(
  fqdn: string,
  ptrTtl: number,
  records: readonly RawRecord[],
  source: PacketSource,
): AnnouncedSession | null {
  const srv = records.find((record) => record.type === 'SRV' && sameName(record.name, fqdn));
  const txt = records.find((record) => record.type === 'TXT' && sameName(record.name, fqdn));
  if (!srv || !txt || srv.ttl === 0 || txt.ttl === 0) return null;
  const srvData = srv.data as { port?: unknown; target?: unknown } | null;
  if (typeof srvData !== 'object' || srvData === null) return null;
  const { port, target } = srvData;
  if (!isSanePort(port) || typeof target !== 'string') return null;
  const host = HOST_NAME_PATTERN.exec(target);
  if (!host?.[1]) return null;

  const entries = parseTxt(txt.data);
  if (!entries || entries.get(TXT_VERSION_KEY) !== DISCOVERY_PROTOCOL_VERSION) return null;
  const path = entries.get(TXT_PATH_KEY);
  if (path !== undefined && path !== APP_PATH) return null;
  const scheme = entries.get(TXT_SCHEME_KEY) ?? 'http';
  if (scheme !== 'http' && scheme !== 'https') return null;

  // The sender's own address, and only if its A records (when given) agree: an answer
  // cannot point people at another computer on the network.
  const address = source.address;
  const family = source.family;
  if ((family !== 'IPv4' && family !== 4) || !isDiscoverableAddress(address)) return null;
  const announced = records
    .filter((record) => record.type === 'A' && sameName(record.name, target))
    .map((record) => record.data);
  if (announced.length > 0 && !announced.includes(address)) return null;

  const ttlS = Math.min(ptrTtl, srv.ttl, txt.ttl);
  return {
    fqdn: fqdn.toLowerCase(),
    title: cleanTitle(entries.get(TXT_TITLE_KEY) ?? ''),
    baseUrl: `${scheme}://${address}:${port}`,
    address,
    hostName: host[1].toLowerCase().replace(/^werkstatt-/, ''),
    ttlMs: ttlS * 1000,
  };
}

/** The Werkstatt sessions (and goodbyes) in one mDNS response, after every check. */
export function parseResponse(packet: unknown, source: PacketSource): ParsedResponse {
  const records = recordsOf(packet);
  const pointers = records.filter(
    (record) =>
      record.type === 'PTR' &&
      sameName(record.name, SERVICE_TYPE) &&
      typeof record.data === 'string' &&
      isInstanceName(record.data),
  );
  const goodbyes = pointers
    .filter((record) => record.ttl === 0)
    .map((record) => (record.data as string).toLowerCase());
  const sessions: AnnouncedSession[] = [];
  for (const pointer of pointers) {
    if (pointer.ttl === 0) continue;
    if (sessions.length >= MAX_SESSIONS_PER_PACKET) break;
    const session = sessionFor(pointer.data as string, pointer.ttl, records, source);
    if (session && !sessions.some((known) => known.fqdn === session.fqdn)) sessions.push(session);
  }
  return { sessions, goodbyes };
}
