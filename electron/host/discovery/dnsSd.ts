// The DNS-SD (mDNS) wire format of a Werkstatt session on the LAN: the records a host
// announces and what its TXT says. Anybody on the network hears these, so they carry
// only what a join screen may show before the code — never the join code, never the
// workshop id (the session API hands that out only to a holder of the code).
import { randomBytes } from 'node:crypto';

/** `_werkstatt._tcp`: one service type for every protocol version (the TXT says which). */
export const SERVICE_TYPE = '_werkstatt._tcp.local';
/** Bumped when what a browser must know to join changes. */
export const DISCOVERY_PROTOCOL_VERSION = '1';
export const TXT_VERSION_KEY = 'v';
export const TXT_TITLE_KEY = 'title';
/** Where the app and its session API live on the host's origin (the session API is beneath). */
export const TXT_PATH_KEY = 'path';
export const APP_PATH = '/';
/** `http` or `https`: how to reach the host (absent means http). */
export const TXT_SCHEME_KEY = 'scheme';
export type SessionScheme = 'http' | 'https';

/** A TXT string is at most 255 bytes; the title's share leaves room for its key. */
export const MAX_TITLE_TXT_BYTES = 200;
/** RFC 6762 §10: 120 s for records that name a host; short, so a crashed host fades fast. */
export const RECORD_TTL_S = 120;
/** A DNS label (instance or host name) is at most 63 bytes. */
export const MAX_DNS_LABEL_BYTES = 63;
const MAX_HOST_LABEL_CHARS = 30;
const INSTANCE_SUFFIX_BYTES = 3;

export type DnsRecord =
  | { readonly name: string; readonly type: 'PTR'; ttl: number; readonly data: string }
  | {
      readonly name: string;
      readonly type: 'SRV';
      ttl: number;
      readonly data: { readonly port: number; readonly target: string };
    }
  | { readonly name: string; readonly type: 'TXT'; ttl: number; readonly data: Buffer[] }
  | { readonly name: string; readonly type: 'A'; ttl: number; readonly data: string };

/** The longest prefix of `text` that fits in `maxBytes` of UTF-8, never cutting a character. */
export function truncateUtf8(text: string, maxBytes: number): string {
  let bytes = 0;
  let result = '';
  for (const char of text) {
    bytes += Buffer.byteLength(char, 'utf8');
    if (bytes > maxBytes) break;
    result += char;
  }
  return result;
}

/** What the TXT record says: protocol version, title (truncated), scheme, path. Nothing else. */
export function announcementTxt(title: string, scheme: SessionScheme = 'http'): Buffer[] {
  const shownTitle = truncateUtf8(title.trim(), MAX_TITLE_TXT_BYTES);
  return [
    `${TXT_VERSION_KEY}=${DISCOVERY_PROTOCOL_VERSION}`,
    `${TXT_TITLE_KEY}=${shownTitle}`,
    `${TXT_SCHEME_KEY}=${scheme}`,
    `${TXT_PATH_KEY}=${APP_PATH}`,
  ].map((entry) => Buffer.from(entry, 'utf8'));
}

/** The computer's name as a DNS label: a-z, 0-9 and -, never empty. */
export function hostLabel(hostname: string): string {
  const label = (hostname.split('.')[0] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_HOST_LABEL_CHARS)
    .replace(/-+$/, '');
  return label || 'host';
}

export interface Announcement {
  /** `<instance>._werkstatt._tcp.local` */
  readonly fqdn: string;
  /** `werkstatt-<computer>.local`: our own name, so the OS's responder for <computer>.local is untouched. */
  readonly hostName: string;
  readonly records: DnsRecord[];
}

/**
 * The records for one session listening on `address:port`. Only that address goes into
 * the A record (not every interface of the computer, as generic responders do), and the
 * instance name has a random suffix so that two hosts on one computer do not collide.
 */
export function announcementRecords(options: {
  readonly hostname: string;
  readonly address: string;
  readonly port: number;
  readonly title: string;
  readonly scheme?: SessionScheme;
}): Announcement {
  const label = hostLabel(options.hostname);
  const instance = `werkstatt-${label}-${randomBytes(INSTANCE_SUFFIX_BYTES).toString('hex')}`;
  const fqdn = `${instance}.${SERVICE_TYPE}`;
  const hostName = `werkstatt-${label}.local`;
  return {
    fqdn,
    hostName,
    records: [
      { name: SERVICE_TYPE, type: 'PTR', ttl: RECORD_TTL_S, data: fqdn },
      {
        name: fqdn,
        type: 'SRV',
        ttl: RECORD_TTL_S,
        data: { port: options.port, target: hostName },
      },
      {
        name: fqdn,
        type: 'TXT',
        ttl: RECORD_TTL_S,
        data: announcementTxt(options.title, options.scheme),
      },
      { name: hostName, type: 'A', ttl: RECORD_TTL_S, data: options.address },
    ],
  };
}
