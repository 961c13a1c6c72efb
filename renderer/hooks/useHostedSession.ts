// The facilitator's side of a session in the desktop app: which interfaces can
// host, the running session (polled for its participant count), and the actions.
// Browser mode has no desktop bridge and cannot host; the hook says so.
import { useCallback, useEffect, useState } from 'react';
import type { HostedSession, HostInterfaceInfo } from '../../shared/ipc/contract';
import { desktopBridge } from '../platform/shell';
import { useSession } from './sessionContext';
import { readParticipantName } from './useAuthorName';

export const SESSION_STATUS_POLL_MS = 2_000;

export interface HostedSessionState {
  readonly canHost: boolean;
  readonly interfaces: readonly HostInterfaceInfo[];
  readonly hosted: HostedSession | null;
  readonly error: string | null;
  /** `https`: serve HTTPS with this computer's own certificate (see SessionPanel). */
  start(address: string, title: string, https: boolean): Promise<void>;
  stop(): Promise<void>;
  rotateCode(): Promise<void>;
  revokeCode(): Promise<void>;
}

export function useHostedSession(): HostedSessionState {
  const session = useSession();
  const bridge = desktopBridge();
  const [interfaces, setInterfaces] = useState<HostInterfaceInfo[]>([]);
  const [hosted, setHosted] = useState<HostedSession | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!bridge) return;
    let cancelled = false;
    const refresh = () =>
      void bridge['session:status']().then((status) => {
        if (!cancelled) setHosted(status && status.workshopId === session.id ? status : null);
      });
    void bridge['session:interfaces']().then((list) => {
      if (!cancelled) setInterfaces(list);
    });
    refresh();
    const timer = window.setInterval(refresh, SESSION_STATUS_POLL_MS);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
    };
  }, [bridge, session.id]);

  const connectSelf = useCallback(
    (running: HostedSession) => {
      if (!running.code) return;
      session.connect(
        {
          baseUrl: running.localUrl,
          code: running.code,
          relayPath: running.relayPath,
          signalingPath: running.signalingPath,
        },
        readParticipantName() || 'Moderation',
      );
    },
    [session],
  );

  const run = useCallback(async (action: () => Promise<HostedSession | null | void>) => {
    setError(null);
    try {
      const result = await action();
      if (result !== undefined) setHosted(result);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }, []);

  return {
    canHost: bridge !== null,
    interfaces,
    hosted,
    error,
    start: (address, title, https) =>
      run(async () => {
        if (!bridge) return null;
        const started = await bridge['session:start']({
          workshopId: session.id,
          title,
          address,
          https,
        });
        connectSelf(started);
        return started;
      }),
    stop: () =>
      run(async () => {
        await bridge?.['session:stop']();
        session.disconnect();
        return null;
      }),
    rotateCode: () =>
      run(async () => {
        const running = (await bridge?.['session:rotateCode']()) ?? null;
        if (running) connectSelf(running);
        return running;
      }),
    revokeCode: () => run(async () => (await bridge?.['session:revokeCode']()) ?? null),
  };
}
