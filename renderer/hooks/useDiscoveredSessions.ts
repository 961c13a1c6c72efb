// The sessions the desktop app's main process hears of on this network (mDNS), asked
// for every DISCOVERY_POLL_MS while the join screen is open; asking is also what keeps
// the main process listening. Browser mode has no bridge and no list (null).
import { useEffect, useState } from 'react';
import type { DiscoveredSession } from '../../shared/ipc/contract';
import { desktopBridge } from '../platform/shell';

export const DISCOVERY_POLL_MS = 2_000;
/** A host answers within a second or two; before that, "none found" would be premature. */
export const DISCOVERY_GRACE_MS = 3_000;

export interface DiscoveryView {
  readonly sessions: readonly DiscoveredSession[];
  /** Long enough searched that an empty list means none. */
  readonly searched: boolean;
}

/** Same sessions, same order: no re-render (lastSeen changes on every answer). */
function listKey(sessions: readonly DiscoveredSession[]): string {
  return JSON.stringify(sessions.map((entry) => [entry.baseUrl, entry.title, entry.hostName]));
}

export function useDiscoveredSessions(): DiscoveryView | null {
  const bridge = desktopBridge();
  const [sessions, setSessions] = useState<readonly DiscoveredSession[]>([]);
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    if (!bridge) return;
    let cancelled = false;
    let shown = listKey([]);
    const refresh = () =>
      void bridge['session:discover']().then(
        (list) => {
          const key = listKey(list);
          if (cancelled || key === shown) return;
          shown = key;
          setSessions(list);
        },
        () => {},
      );
    refresh();
    const poll = window.setInterval(refresh, DISCOVERY_POLL_MS);
    const grace = window.setTimeout(() => {
      if (!cancelled) setGraceOver(true);
    }, DISCOVERY_GRACE_MS);
    return () => {
      cancelled = true;
      window.clearInterval(poll);
      window.clearTimeout(grace);
    };
  }, [bridge]);

  if (!bridge) return null;
  return { sessions, searched: graceOver || sessions.length > 0 };
}
