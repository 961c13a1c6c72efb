// LAN discovery for real, on this machine's loopback interface (multicast works there;
// nothing leaves the machine): a session host announces, the desktop app's browser finds
// it, the join code is in no packet on the wire, revoking hides it, a new code shows it
// again, stopping says goodbye. Hostile announcements are filtered, a flood is bounded,
// and a broken multicast set-up costs one log line, never the host.
import dgram from 'node:dgram';
import os from 'node:os';
import { Server } from 'bonjour-service/dist/lib/mdns-server.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAnnouncer } from '../../../electron/host/session/announce';
import { startSessionHost, type SessionHost } from '../../../electron/host/session/sessionHost';
import { SessionController } from '../../../electron/host/sessionController';
import {
  announcementRecords,
  hostLabel,
  SERVICE_TYPE,
} from '../../../electron/host/discovery/dnsSd';
import { MAX_DISCOVERED_SESSIONS } from '../../../electron/host/discovery/discoveredSessions';
import { MDNS_GROUP, MDNS_PORT } from '../../../electron/host/discovery/mdnsTransport';
import {
  DISCOVERY_IDLE_MS,
  LanSessionBrowser,
} from '../../../electron/host/discovery/sessionBrowser';
import { makeAppRoot, makeTempDir, removeDir, waitFor } from './helpers';

const LOOPBACK = '127.0.0.1';
/** A live host shows up after the browser's first or second query (1 s apart). */
const FOUND_WITHIN_MS = 3_000;
/** A goodbye is one packet: far sooner than any expiry. */
const GONE_WITHIN_MS = 2_000;

let tmp: string;
let appRoot: string;
const cleanups: Array<() => Promise<unknown> | unknown> = [];

beforeAll(() => {
  tmp = makeTempDir('werkstatt-discovery-');
  appRoot = makeAppRoot(tmp);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(() => removeDir(tmp));

function browser(options: { mdnsPort?: number; log?: (message: string) => void } = {}) {
  const lan = new LanSessionBrowser({ interfaces: () => [LOOPBACK], ...options });
  cleanups.push(() => lan.stop());
  return lan;
}

async function host(options: { announce?: boolean } = {}): Promise<SessionHost> {
  const running = await startSessionHost({
    host: LOOPBACK,
    port: 0,
    appRoot,
    workshopId: 'lan-werkstatt-7',
    title: 'Digitalstrategie Lindenau',
    announce: options.announce ?? true,
  });
  cleanups.push(() => running.close());
  return running;
}

/** Every mDNS packet on loopback, as raw bytes: what anybody listening would get. */
function sniff(port = MDNS_PORT): Buffer[] {
  const packets: Buffer[] = [];
  const socket = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  socket.on('message', (message) => packets.push(message));
  socket.bind(port, '0.0.0.0', () => socket.addMembership(MDNS_GROUP, LOOPBACK));
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return packets;
}

/** A raw mDNS responder: sends whatever records a test hands it, checked by nobody. */
function rawResponder(port: number) {
  const server = new Server({ interface: LOOPBACK, bind: '0.0.0.0', port } as never, () => {});
  const mdns = server.mdns as {
    respond(packet: unknown, callback: (error?: Error) => void): void;
    on(event: string, listener: () => void): void;
    destroy(callback: () => void): void;
  };
  const ready = new Promise<void>((resolve) => mdns.on('ready', resolve));
  cleanups.push(() => new Promise<void>((resolve) => mdns.destroy(resolve)));
  return {
    async send(packet: unknown): Promise<void> {
      await ready;
      await new Promise<void>((resolve, reject) =>
        mdns.respond(packet, (error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** A port of its own for tests that must see only their own packets. */
function privateMdnsPort(): number {
  return 20_000 + Math.floor(Math.random() * 20_000);
}

const listed = (lan: LanSessionBrowser, baseUrl: string) =>
  lan.list().some((session) => session.baseUrl === baseUrl);

describe('announce and browse on this machine', () => {
  it('finds a running session with its title, and no packet carries the code', async () => {
    const packets = sniff();
    const session = await host();
    const lan = browser();
    const started = Date.now();
    await waitFor('the session in the list', () => listed(lan, session.url), FOUND_WITHIN_MS);
    const foundAfterMs = Date.now() - started;
    expect(lan.list().find((entry) => entry.baseUrl === session.url)).toMatchObject({
      title: 'Digitalstrategie Lindenau',
      hostName: hostLabel(os.hostname()),
    });
    const firstCode = session.code ?? '';
    session.rotateCode();
    // Let the browser ask again and the host answer with the new code in force.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // Lower case: DNS names are case-insensitive, a code could hide in one.
    const wire = packets.map((packet) => packet.toString('latin1').toLowerCase()).join('\n');
    expect(packets.length).toBeGreaterThan(0);
    expect(wire).toContain('digitalstrategie lindenau');
    for (const secret of [firstCode, session.code ?? '', 'lan-werkstatt-7']) {
      expect(secret.length).toBeGreaterThan(0);
      expect(wire).not.toContain(secret.toLowerCase());
    }
    console.log(`discovery: found on loopback after ${foundAfterMs} ms`);
  });

  it('hides a session whose code is revoked, shows it with a new code, and lets it go on stop', async () => {
    const session = await host();
    const lan = browser();
    await waitFor('listed', () => listed(lan, session.url), FOUND_WITHIN_MS);
    session.revokeCode();
    await waitFor('gone after revoke', () => !listed(lan, session.url), GONE_WITHIN_MS);
    session.rotateCode();
    await waitFor('back with a new code', () => listed(lan, session.url), FOUND_WITHIN_MS);
    await session.close();
    await waitFor('gone after stop', () => !listed(lan, session.url), GONE_WITHIN_MS);
  });

  it('is not announced with announce off, and is by the desktop app’s controller by default', async () => {
    const quiet = await host({ announce: false });
    const controller = new SessionController({
      appRoot,
      dataDir: tmp,
      listInterfaces: () => [{ name: 'lo', address: LOOPBACK, internal: true }],
    });
    cleanups.push(() => controller.stop());
    const announced = await controller.start({
      workshopId: 'lan-controller',
      title: 'Vom Desktop',
      address: LOOPBACK,
    });
    const lan = browser();
    await waitFor('the controller’s session', () => listed(lan, announced.url), FOUND_WITHIN_MS);
    // Both answered the same queries; only one is listed.
    expect(listed(lan, quiet.url)).toBe(false);

    const off = new SessionController({
      appRoot,
      dataDir: tmp,
      announce: false,
      listInterfaces: () => [{ name: 'lo', address: LOOPBACK, internal: true }],
    });
    cleanups.push(() => off.stop());
    const unlisted = await off.start({ workshopId: 'lan-off', title: 'Aus', address: LOOPBACK });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(listed(lan, unlisted.url)).toBe(false);
    expect(listed(lan, announced.url)).toBe(true);
  });
});

describe('a hostile network', () => {
  it('lists only well-formed sessions from their own sender, whatever else is announced', async () => {
    const port = privateMdnsPort();
    const responder = rawResponder(port);
    const lan = browser({ mdnsPort: port });
    lan.list();
    const good = announcementRecords({
      hostname: 'echt',
      address: LOOPBACK,
      port: 4871,
      title: 'Echte Sitzung',
    });
    const variant = (title: string, changes: Partial<Record<'SRV' | 'TXT' | 'A', unknown>>) => {
      const records = announcementRecords({
        hostname: 'boese',
        address: LOOPBACK,
        port: 4999,
        title,
      }).records;
      return records.map((record) =>
        record.type in changes
          ? { ...record, data: changes[record.type as 'SRV' | 'TXT' | 'A'] }
          : record,
      );
    };
    const garbage = [
      variant('Falsche Version', {
        TXT: ['v=9', 'title=Falsche Version'].map((s) => Buffer.from(s)),
      }),
      variant('Port 22', { SRV: { port: 22, target: 'werkstatt-boese.local' } }),
      variant('Umleitung', { A: '192.168.1.5' }),
      variant('Pfad', { TXT: ['v=1', 'title=Pfad', 'path=/../../etc'].map((s) => Buffer.from(s)) }),
      variant('Kaputter Host', { SRV: { port: 4999, target: 'böse host.example' } }),
      variant('Binär', { TXT: [Buffer.from([0xff, 0x00, 0x3d, 0xfe])] }),
    ];
    for (const records of garbage) await responder.send({ answers: records });
    // Bytes that are no DNS packet at all.
    const raw = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    cleanups.push(() => new Promise<void>((resolve) => raw.close(() => resolve())));
    await new Promise<void>((resolve) => raw.bind(0, LOOPBACK, () => resolve()));
    raw.setMulticastInterface(LOOPBACK);
    await new Promise((resolve) =>
      raw.send(Buffer.from('\u0000\u0001garbage'), port, MDNS_GROUP, resolve),
    );
    await responder.send({ answers: good.records });

    await waitFor('the good one', () => lan.list().length > 0, FOUND_WITHIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lan.list().map(({ title, baseUrl }) => ({ title, baseUrl }))).toEqual([
      { title: 'Echte Sitzung', baseUrl: 'http://127.0.0.1:4871' },
    ]);
    // The goodbye of somebody else does not remove it; its own does.
    await responder.send({
      answers: [{ name: SERVICE_TYPE, type: 'PTR', ttl: 0, data: `nicht-da.${SERVICE_TYPE}` }],
    });
    expect(lan.list()).toHaveLength(1);
    await responder.send({ answers: good.records.map((record) => ({ ...record, ttl: 0 })) });
    await waitFor('goodbye', () => lan.list().length === 0, GONE_WITHIN_MS);
  });

  it('keeps a flood of announcements to MAX_DISCOVERED_SESSIONS, keeping the one it had', async () => {
    const port = privateMdnsPort();
    const responder = rawResponder(port);
    const lan = browser({ mdnsPort: port });
    lan.list();
    const first = announcementRecords({
      hostname: 'raum',
      address: LOOPBACK,
      port: 4871,
      title: 'Zuerst',
    });
    await responder.send({ answers: first.records });
    await waitFor('the first', () => lan.list().length === 1, FOUND_WITHIN_MS);
    for (let batch = 0; batch < 250; batch++) {
      const records = Array.from(
        { length: 4 },
        (_, index) =>
          announcementRecords({
            hostname: `flut${batch}`,
            address: LOOPBACK,
            port: 5000 + index,
            title: `Flut ${batch}-${index}`,
          }).records,
      ).flat();
      await responder.send({ answers: records });
    }
    await waitFor('full', () => lan.list().length === MAX_DISCOVERED_SESSIONS, FOUND_WITHIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(lan.list()).toHaveLength(MAX_DISCOVERED_SESSIONS);
    expect(lan.list().map((session) => session.title)).toContain('Zuerst');
  });
});

describe('when multicast does not work', () => {
  it('logs one line and the host serves on (no such interface here)', async () => {
    const lines: string[] = [];
    const announcer = startAnnouncer({
      // Private, so it is tried, but no interface of this machine has it.
      address: '10.255.255.254',
      port: 4871,
      title: 'Nirgends',
      log: (line) => lines.push(line),
      mdnsPort: privateMdnsPort(),
    });
    await waitFor('the log line', () => lines.length > 0);
    announcer.show();
    await announcer.hide();
    announcer.show();
    await announcer.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^mDNS announcement on 10\.255\.255\.254 not working \(.+\); carrying on without it$/,
    );
  });

  it('logs one line when the mDNS port is taken, and the host and the browser still work', async () => {
    const port = privateMdnsPort();
    // Bound without SO_REUSEADDR: nobody else gets the port.
    const squatter = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((resolve) => squatter.bind(port, '0.0.0.0', () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
    const lines: string[] = [];
    const running = await startSessionHost({
      host: LOOPBACK,
      port: 0,
      appRoot,
      workshopId: 'lan-taken',
      title: 'Port belegt',
      announce: true,
      log: (line) => lines.push(line),
    });
    cleanups.push(() => running.close());
    // The host's own announcer used 5353; this one gets the taken port.
    const announcer = startAnnouncer({
      address: LOOPBACK,
      port: running.port,
      title: 'Port belegt',
      log: (line) => lines.push(line),
      mdnsPort: port,
    });
    const browserLines: string[] = [];
    const lan = browser({ mdnsPort: port, log: (line) => browserLines.push(line) });
    expect(lan.list()).toEqual([]);
    await waitFor('the log lines', () => lines.length > 0 && browserLines.length > 0);
    await announcer.close();
    expect(lines).toEqual([
      expect.stringMatching(/^mDNS announcement on 127\.0\.0\.1 not working \(.*EADDRINUSE.*\)/),
    ]);
    expect(browserLines).toEqual([
      expect.stringMatching(/^mDNS discovery on 127\.0\.0\.1 not working/),
    ]);
    const response = await fetch(`${running.url}/api/session?code=${running.code ?? ''}`);
    expect(response.status).toBe(200);
  });
});

describe('the browser’s own life', () => {
  it('starts listening when first asked and stops after DISCOVERY_IDLE_MS without a question', async () => {
    let now = 1_000_000;
    const lan = new LanSessionBrowser({ interfaces: () => [], now: () => now });
    cleanups.push(() => lan.stop());
    expect(lan.listening).toBe(false);
    lan.list();
    expect(lan.listening).toBe(true);
    now += DISCOVERY_IDLE_MS + 1;
    // The next query round (1 s after the first) notices nobody asks any more.
    await waitFor('stopped', () => !lan.listening, 2_000);
    lan.list();
    expect(lan.listening).toBe(true);
  });
});
