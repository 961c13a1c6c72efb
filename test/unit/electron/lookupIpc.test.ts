// `session:lookup` carries an optional certificate fingerprint from the renderer (what the
// user confirmed, or what the workshop's link remembers). It is untrusted input: anything
// but a SHA-256 fingerprint is refused before the lookup runs.
import { describe, expect, it, vi } from 'vitest';
import { SessionController } from '../../../electron/host/sessionController';
import { createHandlers } from '../../../electron/ipc/handlers';
import { dispatch, IpcRefusedError } from '../../../electron/ipc/registerIpc';

const FROM_APP = { senderFrame: { url: 'app://werkstatt/index.html' } };
const FINGERPRINT = Array.from({ length: 32 }, (_, index) =>
  index.toString(16).padStart(2, '0').toUpperCase(),
).join(':');

function registry() {
  const lookupSession = vi.fn(() =>
    Promise.resolve({ ok: false as const, reason: 'unreachable' as const }),
  );
  const handlers = createHandlers({
    version: '1.0.0',
    platform: 'linux',
    locale: () => 'de-DE',
    setTitle: () => {},
    sessions: new SessionController({ appRoot: '/nonexistent', dataDir: '/nonexistent' }),
    discovery: { list: () => [] },
    lookupSession,
  });
  return { handlers, lookupSession };
}

describe('session:lookup with a fingerprint', () => {
  it('passes a confirmed fingerprint to the pinning lookup', async () => {
    const { handlers, lookupSession } = registry();
    await dispatch(handlers, 'session:lookup', FROM_APP, [
      'https://192.168.8.23:4871',
      'K7QM3XRD',
      FINGERPRINT,
    ]);
    expect(lookupSession).toHaveBeenCalledWith(
      'https://192.168.8.23:4871',
      'K7QM3XRD',
      FINGERPRINT,
    );
    await dispatch(handlers, 'session:lookup', FROM_APP, ['http://192.168.8.23:4871', 'K7QM3XRD']);
    expect(lookupSession).toHaveBeenCalledTimes(2);
  });

  it('refuses anything that is not a SHA-256 fingerprint', () => {
    const { handlers, lookupSession } = registry();
    for (const bad of ['AB:CD', 42, null, FINGERPRINT.replace('00', 'ZZ')]) {
      expect(() =>
        dispatch(handlers, 'session:lookup', FROM_APP, [
          'https://192.168.8.23:4871',
          'K7QM3XRD',
          bad,
        ]),
      ).toThrow(IpcRefusedError);
    }
    expect(lookupSession).not.toHaveBeenCalled();
  });
});
