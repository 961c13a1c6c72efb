// What the LAN hears about a session and what the desktop app believes of what it hears.
// The announcement carries title and protocol version only; the browser side treats every
// answer as hostile: private IPv4 sender only, its own address only, a known version, a
// sane port and host name, a clean short title, bounded work per packet and per list.
import { describe, expect, it } from 'vitest';
import {
  DISCOVERY_PROTOCOL_VERSION,
  MAX_TITLE_TXT_BYTES,
  SERVICE_TYPE,
  announcementRecords,
  announcementTxt,
  hostLabel,
  truncateUtf8,
  type DnsRecord,
} from '../../../electron/host/discovery/dnsSd';
import {
  MAX_SESSIONS_PER_PACKET,
  MAX_SHOWN_TITLE_CHARS,
  isDiscoverableAddress,
  parseResponse,
} from '../../../electron/host/discovery/parseAnnouncement';
import {
  DiscoveredSessions,
  MAX_DISCOVERED_SESSIONS,
  MAX_ENTRY_AGE_MS,
} from '../../../electron/host/discovery/discoveredSessions';

const LOOPBACK = { address: '127.0.0.1', family: 'IPv4' };
const ROOM = { address: '192.168.8.23', family: 'IPv4' };

function announce(
  overrides: { title?: string; port?: number; address?: string; hostname?: string } = {},
) {
  return announcementRecords({
    hostname: overrides.hostname ?? 'Laptop-Mueller.fritz.box',
    address: overrides.address ?? ROOM.address,
    port: overrides.port ?? 4871,
    title: overrides.title ?? 'Strategiewerkstatt Lindenau',
  });
}

const txtOf = (strings: string[]) => strings.map((entry) => Buffer.from(entry, 'utf8'));

/** The records of one announcement with one record's data replaced. */
function withRecord(
  records: readonly DnsRecord[],
  type: DnsRecord['type'],
  data: unknown,
): DnsRecord[] {
  return records.map((record) =>
    record.type === type ? ({ ...record, data } as DnsRecord) : record,
  );
}

describe('the announcement', () => {
  it('carries protocol version, title, scheme and path, and nothing else', () => {
    const txt = announcementTxt('Werkstatt 2030').map((entry) => entry.toString('utf8'));
    expect(txt).toEqual([
      `v=${DISCOVERY_PROTOCOL_VERSION}`,
      'title=Werkstatt 2030',
      'scheme=http',
      'path=/',
    ]);
  });

  it('cuts a long title to fit a TXT string without breaking a character', () => {
    const title = 'Ä'.repeat(300);
    const [, titleEntry] = announcementTxt(title);
    expect(titleEntry!.byteLength).toBeLessThanOrEqual(255);
    const shown = titleEntry!.toString('utf8').slice('title='.length);
    expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(MAX_TITLE_TXT_BYTES);
    expect(shown).toBe('Ä'.repeat(MAX_TITLE_TXT_BYTES / 2));
    expect(truncateUtf8('a😀b', 4)).toBe('a');
  });

  it('names only the listening address, under a name of its own', () => {
    const { records, fqdn, hostName } = announce();
    expect(fqdn).toMatch(/^werkstatt-laptop-mueller-[0-9a-f]{6}\._werkstatt\._tcp\.local$/);
    expect(hostName).toBe('werkstatt-laptop-mueller.local');
    expect(records.filter((record) => record.type === 'A')).toEqual([
      { name: hostName, type: 'A', ttl: 120, data: ROOM.address },
    ]);
    expect(announce().fqdn).not.toBe(fqdn);
  });

  it('makes a DNS label of any computer name', () => {
    expect(hostLabel('Büro PC (3).local')).toBe('b-ro-pc-3');
    expect(hostLabel('---')).toBe('host');
    expect(hostLabel('x'.repeat(100))).toHaveLength(30);
  });
});

describe('isDiscoverableAddress', () => {
  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.254', true],
    ['192.168.8.23', true],
    ['169.254.10.20', true],
    ['127.0.0.1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['192.0.2.2', false],
    ['0.0.0.0', false],
    ['224.0.0.251', false],
    ['010.0.0.1', false],
    ['10.0.0.256', false],
    ['10.0.0', false],
    ['::1', false],
    ['fe80::1', false],
    ['::ffff:192.168.1.1', false],
    ['', false],
  ])('%s → %s', (address, expected) => {
    expect(isDiscoverableAddress(address)).toBe(expected);
  });
});

describe('parseResponse: what is believed', () => {
  it('reads a real announcement', () => {
    const { records, fqdn } = announce();
    const { sessions, goodbyes } = parseResponse({ answers: records, additionals: [] }, ROOM);
    expect(goodbyes).toEqual([]);
    expect(sessions).toEqual([
      {
        fqdn,
        title: 'Strategiewerkstatt Lindenau',
        baseUrl: 'http://192.168.8.23:4871',
        address: ROOM.address,
        hostName: 'laptop-mueller',
        ttlMs: 120_000,
      },
    ]);
  });

  it('reads a session on this computer (loopback)', () => {
    const { records } = announce({ address: '127.0.0.1' });
    expect(parseResponse({ answers: records }, LOOPBACK).sessions[0]?.baseUrl).toBe(
      'http://127.0.0.1:4871',
    );
  });

  it('reads an https host', () => {
    const { records } = announce();
    const https = withRecord(records, 'TXT', txtOf(['v=1', 'title=T', 'scheme=https', 'path=/']));
    expect(parseResponse({ answers: https }, ROOM).sessions[0]?.baseUrl).toBe(
      'https://192.168.8.23:4871',
    );
  });

  it('takes a goodbye (TTL 0) as the session leaving', () => {
    const { records, fqdn } = announce();
    const goodbye = records.map((record) => ({ ...record, ttl: 0 }));
    expect(parseResponse({ answers: goodbye }, ROOM)).toEqual({ sessions: [], goodbyes: [fqdn] });
  });

  it('cleans the title: no control or bidi characters, at most MAX_SHOWN_TITLE_CHARS', () => {
    const { records } = announce();
    const shouting = withRecord(
      records,
      'TXT',
      txtOf(['v=1', `title=\u202eevil\u0007 \u200b${'x'.repeat(200)}`]),
    );
    const title = parseResponse({ answers: shouting }, ROOM).sessions[0]?.title ?? '';
    expect(title.startsWith('evil x')).toBe(true);
    expect([...title]).toHaveLength(MAX_SHOWN_TITLE_CHARS);
    expect(title.endsWith('…')).toBe(true);
  });

  it('skips a TXT string that is not UTF-8 (the title is then empty)', () => {
    const { records } = announce();
    const broken = withRecord(records, 'TXT', [
      Buffer.from('v=1'),
      Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3d, 0xff, 0xfe]),
    ]);
    expect(parseResponse({ answers: broken }, ROOM).sessions[0]?.title).toBe('');
  });
});

describe('parseResponse: what is dropped', () => {
  const { records } = announce();
  const srv = (data: unknown) => withRecord(records, 'SRV', data);
  const txt = (strings: string[]) => withRecord(records, 'TXT', txtOf(strings));

  it.each<[string, unknown, { address: string; family: string | number }]>([
    ['another protocol version', { answers: txt(['v=2', 'title=T']) }, ROOM],
    ['no protocol version', { answers: txt(['title=T']) }, ROOM],
    ['another path', { answers: txt(['v=1', 'title=T', 'path=/admin']) }, ROOM],
    ['another scheme', { answers: txt(['v=1', 'title=T', 'scheme=file']) }, ROOM],
    ['port 0', { answers: srv({ port: 0, target: 'werkstatt-x.local' }) }, ROOM],
    ['port 22', { answers: srv({ port: 22, target: 'werkstatt-x.local' }) }, ROOM],
    ['a port that is not a number', { answers: srv({ port: '4871', target: 'h.local' }) }, ROOM],
    ['a host name with spaces', { answers: srv({ port: 4871, target: 'evil host.local' }) }, ROOM],
    ['a host outside .local', { answers: srv({ port: 4871, target: 'evil.example.com' }) }, ROOM],
    [
      'a sender with a public address',
      { answers: records },
      { address: '8.8.8.8', family: 'IPv4' },
    ],
    ['a sender over IPv6', { answers: records }, { address: 'fe80::1', family: 'IPv6' }],
    // The A record names 192.168.8.23, but 192.168.8.99 sent it: pointing people elsewhere.
    [
      'an address other than the sender’s',
      { answers: records },
      { address: '192.168.8.99', family: 'IPv4' },
    ],
    ['TXT that is not a list of strings', { answers: withRecord(records, 'TXT', 'v=1') }, ROOM],
    ['too many TXT strings', { answers: txt(['v=1', ...Array<string>(40).fill('x=y')]) }, ROOM],
    [
      'a PTR to another service type',
      { answers: withRecord(records, 'PTR', 'x._http._tcp.local') },
      ROOM,
    ],
    [
      'an instance name over 63 bytes',
      { answers: withRecord(records, 'PTR', `${'a'.repeat(64)}.${SERVICE_TYPE}`) },
      ROOM,
    ],
    ['no SRV record', { answers: records.filter((record) => record.type !== 'SRV') }, ROOM],
    ['not a packet', null, ROOM],
    ['a number', 42, ROOM],
    ['answers that are not a list', { answers: 'PTR' }, ROOM],
    [
      'records of nonsense',
      {
        answers: [{ name: 7 }, null, 'x', { name: SERVICE_TYPE, type: 'PTR', ttl: -1, data: 'x' }],
      },
      ROOM,
    ],
  ])('drops %s', (_label, packet, source) => {
    expect(parseResponse(packet, source).sessions).toEqual([]);
  });

  it('does bounded work for a packet with a thousand services', () => {
    const many = Array.from(
      { length: 1000 },
      (_, index) => announce({ title: `Flut ${index}` }).records,
    ).flat();
    const { sessions } = parseResponse({ answers: many, additionals: many }, ROOM);
    expect(sessions.length).toBeLessThanOrEqual(MAX_SESSIONS_PER_PACKET);
  });
});

describe('DiscoveredSessions', () => {
  const session = (index: number, address = ROOM.address) => ({
    fqdn: `werkstatt-${index}.${SERVICE_TYPE}`,
    title: `Sitzung ${index}`,
    baseUrl: `http://${address}:${4000 + index}`,
    address,
    hostName: `host-${index}`,
    ttlMs: 120_000,
  });

  it('holds at most MAX_DISCOVERED_SESSIONS, keeping those it had before a flood', () => {
    const list = new DiscoveredSessions();
    for (let index = 0; index < 1000; index++) list.seen(session(index), 0);
    expect(list.size).toBe(MAX_DISCOVERED_SESSIONS);
    expect(list.list().map((entry) => entry.title)).toContain('Sitzung 0');
    // An entry it has is still refreshed when full.
    list.seen({ ...session(0), title: 'Sitzung 0 (neu)' }, 5);
    expect(list.list().find((entry) => entry.baseUrl.endsWith(':4000'))).toMatchObject({
      title: 'Sitzung 0 (neu)',
      lastSeen: 5,
    });
  });

  it('lets only the announcing address say goodbye', () => {
    const list = new DiscoveredSessions();
    list.seen(session(1), 0);
    list.goodbye(session(1).fqdn, '192.168.8.99');
    expect(list.size).toBe(1);
    list.goodbye(session(1).fqdn, ROOM.address);
    expect(list.size).toBe(0);
  });

  it('forgets an entry after its TTL, and after MAX_ENTRY_AGE_MS at the latest', () => {
    const list = new DiscoveredSessions();
    list.seen({ ...session(1), ttlMs: 5_000 }, 0);
    list.seen({ ...session(2), ttlMs: 4_500_000 }, 0);
    list.expire(4_999);
    expect(list.size).toBe(2);
    list.expire(5_000);
    expect(list.list().map((entry) => entry.title)).toEqual(['Sitzung 2']);
    list.expire(MAX_ENTRY_AGE_MS);
    expect(list.size).toBe(0);
  });

  it('lists by title, then address, with no code or workshop id in sight', () => {
    const list = new DiscoveredSessions();
    list.seen({ ...session(2), title: 'B' }, 0);
    list.seen({ ...session(1), title: 'A' }, 0);
    expect(list.list()).toEqual([
      { title: 'A', baseUrl: 'http://192.168.8.23:4001', hostName: 'host-1', lastSeen: 0 },
      { title: 'B', baseUrl: 'http://192.168.8.23:4002', hostName: 'host-2', lastSeen: 0 },
    ]);
  });
});
