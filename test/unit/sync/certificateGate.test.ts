// @vitest-environment jsdom
// The desktop app never lets its page connect to an https host before the main process has
// checked the host's certificate against the pin for that address: Chromium would remember
// a refusal for the rest of the run. A certificate that changed keeps everything closed and
// says so; a confirmed one connects; a plain-http host connects at once as before.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { WerkstattBridge } from '../../../shared/ipc/contract';
import type { SessionInfoResult } from '../../../shared/sync/fetchSessionInfo';
import { SessionConnection } from '../../../renderer/sync/sessionConnection';

const FINGERPRINT = Array(32).fill('AB').join(':');
const connections: SessionConnection[] = [];

function connect(baseUrl: string, answer: SessionInfoResult | null) {
  const lookup = vi.fn(
    async () => answer ?? { ok: false as const, reason: 'unreachable' as const },
  );
  if (answer) {
    (window as { werkstatt?: Partial<WerkstattBridge> }).werkstatt = {
      'session:lookup': lookup as unknown as WerkstattBridge['session:lookup'],
    };
  }
  const connection = new SessionConnection(new Y.Doc(), {
    workshopId: 'ws-gate',
    name: 'Anna',
    // Port 9 (discard): nothing answers; only whether a connection is attempted matters.
    link: { baseUrl, code: 'K7QM3XRD', relayPath: '/relay/ws-gate', signalingPath: '/signal' },
  });
  connections.push(connection);
  const relay = (connection as unknown as { relay: WebsocketProvider }).relay;
  return { connection, relay, lookup };
}

afterEach(() => {
  for (const connection of connections.splice(0)) connection.destroy();
  delete (window as { werkstatt?: unknown }).werkstatt;
});

describe('the desktop app connecting to an https host', () => {
  it('stays closed and says so when the certificate is not the confirmed one', async () => {
    const { connection, relay, lookup } = connect('https://127.0.0.1:9', {
      ok: false,
      reason: 'certificateUnconfirmed',
      fingerprint: FINGERPRINT,
      previous: FINGERPRINT.replace('AB', 'CD'),
    });
    expect(relay.shouldConnect).toBe(false);
    await vi.waitFor(() => expect(connection.getStatus().certificateUnconfirmed).toBe(true));
    expect(lookup).toHaveBeenCalledWith('https://127.0.0.1:9', 'K7QM3XRD');
    expect(relay.shouldConnect).toBe(false);
    expect(relay.ws).toBeNull();
  });

  it('connects once the main process found the pinned certificate', async () => {
    const { relay } = connect('https://127.0.0.1:9', {
      ok: true,
      info: {
        workshopId: 'ws-gate',
        title: 'T',
        relayPath: '/relay/ws-gate',
        signalingPath: '/signal',
      },
    });
    expect(relay.shouldConnect).toBe(false);
    await vi.waitFor(() => expect(relay.shouldConnect).toBe(true));
  });

  it('connects to a plain-http host at once, without asking', () => {
    const { relay, lookup } = connect('http://127.0.0.1:9', null);
    expect(relay.shouldConnect).toBe(true);
    expect(lookup).not.toHaveBeenCalled();
  });
});
