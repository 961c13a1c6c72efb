// session:discover hands the renderer what LAN discovery found, through the same door as
// every other channel: only a frame on app://werkstatt may ask, with no arguments, and
// a refused call does not even start listening on the network.
import { describe, expect, it, vi } from 'vitest';
import type { DiscoveredSession } from '../../../shared/ipc/contract';
import { createHandlers } from '../../../electron/ipc/handlers';
import { IpcRefusedError, dispatch, type InvokeEvent } from '../../../electron/ipc/registerIpc';
import { SessionController } from '../../../electron/host/sessionController';

const FOUND: DiscoveredSession[] = [
  {
    title: 'Strategiewerkstatt',
    baseUrl: 'http://192.168.8.23:4871',
    hostName: 'laptop-mueller',
    lastSeen: 1_700_000_000_000,
  },
];

function setup() {
  const list = vi.fn(() => FOUND);
  const registry = createHandlers({
    version: '1.2.3',
    platform: 'linux',
    locale: () => 'de-DE',
    setTitle: () => {},
    sessions: new SessionController({ appRoot: '/nonexistent', dataDir: '/nonexistent' }),
    discovery: { list },
  });
  return { registry, list };
}

describe('session:discover', () => {
  it('answers the app’s own page with the sessions found', () => {
    const { registry, list } = setup();
    const event: InvokeEvent = { senderFrame: { url: 'app://werkstatt/index.html' } };
    expect(dispatch(registry, 'session:discover', event, [])).toEqual(FOUND);
    expect(list).toHaveBeenCalledTimes(1);
  });

  it.each<[string, InvokeEvent]>([
    ['a page on the LAN', { senderFrame: { url: 'http://192.168.8.23:4871/' } }],
    ['browser mode', { senderFrame: { url: 'http://localhost:4870/' } }],
    ['a lookalike host', { senderFrame: { url: 'app://werkstatt.evil/' } }],
    ['a frame that is gone', { senderFrame: null }],
  ])('refuses %s without listening', (_label, event) => {
    const { registry, list } = setup();
    expect(() => dispatch(registry, 'session:discover', event, [])).toThrow(IpcRefusedError);
    expect(list).not.toHaveBeenCalled();
  });

  it('refuses arguments', () => {
    const { registry, list } = setup();
    const event: InvokeEvent = { senderFrame: { url: 'app://werkstatt/index.html' } };
    expect(() => dispatch(registry, 'session:discover', event, ['_werkstatt._tcp'])).toThrow(
      'IPC session:discover refused: invalid arguments',
    );
    expect(list).not.toHaveBeenCalled();
  });
});
